package dev.rulec.kibana;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A stack version {@code major.minor.patch}, as Kibana reports it and as rules' {@code min_stack_version} states it. */
public record KibanaVersion(int major, int minor, int patch) implements Comparable<KibanaVersion> {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?.*");

    /** Parses {@code 8.19.2}, {@code 9.1}, {@code 8.15.0-SNAPSHOT}. */
    public static KibanaVersion parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a stack version: [" + text + "] (expected major.minor[.patch])");
        }
        return new KibanaVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public boolean atLeast(KibanaVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(KibanaVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
