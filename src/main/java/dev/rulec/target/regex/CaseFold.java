package dev.rulec.target.regex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which code points a case-insensitive comparison treats as equal to a given one: those with the same
 * {@code toLowerCase(Locale.ROOT)} (the folding of the in-process matcher and of ES|QL's {@code TO_LOWER}).
 * Used to spell case-insensitivity as character classes ({@code [aA]}) in targets that have no such option.
 *
 * <p>Known gap: context-dependent lowering (Greek final sigma) is not a per-character property and is not modelled.
 */
public final class CaseFold {
    private CaseFold() {
    }

    private static final class Table {
        static final Map<Integer, int[]> VARIANTS = build();
        static final int[] CASED = VARIANTS.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();

        private static Map<Integer, int[]> build() {
            Map<String, TreeSet<Integer>> groups = new HashMap<>();
            for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
                // Cheap exact pre-filter: over all code points, toLowerCase(ROOT) of a one-code-point string changes
                // it exactly when Character.toLowerCase does (checked once over the whole range); most have no case.
                if (Character.toLowerCase(cp) == cp || cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    continue;
                }
                String s = Character.toString(cp);
                String l = s.toLowerCase(Locale.ROOT);
                if (!l.equals(s)) {
                    TreeSet<Integer> g = groups.computeIfAbsent(l, k -> new TreeSet<>());
                    g.add(cp);
                    if (l.codePointCount(0, l.length()) == 1) {
                        g.add(l.codePointAt(0));
                    }
                }
            }
            Map<Integer, int[]> out = new HashMap<>();
            for (TreeSet<Integer> g : groups.values()) {
                int[] arr = g.stream().mapToInt(Integer::intValue).toArray();
                for (int cp : arr) {
                    int[] prev = out.get(cp);
                    out.put(cp, prev == null ? arr : union(prev, arr));
                }
            }
            return out;
        }

        private static int[] union(int[] a, int[] b) {
            TreeSet<Integer> s = new TreeSet<>();
            Arrays.stream(a).forEach(s::add);
            Arrays.stream(b).forEach(s::add);
            return s.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The code points equal to {@code cp} ignoring case, {@code cp} included, ascending. */
    public static int[] variants(int cp) {
        int[] v = Table.VARIANTS.get(cp);
        return v == null ? new int[] {cp} : v.clone();
    }

    public static boolean hasVariants(int cp) {
        return Table.VARIANTS.containsKey(cp);
    }

    /** Whether any character of {@code s} has another case. */
    public static boolean hasCase(String s) {
        return s.codePoints().anyMatch(CaseFold::hasVariants);
    }

    /** Whether {@code s} and every character equal to one of its characters ignoring case are ASCII. */
    public static boolean asciiOnly(String s) {
        return s.codePoints().allMatch(c -> Arrays.stream(variants(c)).allMatch(v -> v < 0x80));
    }

    /** The ranges closed under case: every code point equal to a member ignoring case is added. */
    public static List<int[]> close(List<int[]> ranges) {
        List<int[]> out = new ArrayList<>(ranges);
        for (int cp : Table.CASED) {
            for (int[] r : ranges) {
                if (cp >= r[0] && cp <= r[1]) {
                    for (int v : Table.VARIANTS.get(cp)) {
                        out.add(new int[] {v, v});
                    }
                    break;
                }
            }
        }
        return merge(out);
    }

    /** Sorted, non-overlapping, non-adjacent ranges. */
    static List<int[]> merge(List<int[]> ranges) {
        List<int[]> sorted = new ArrayList<>(ranges);
        sorted.sort((x, y) -> Integer.compare(x[0], y[0]));
        List<int[]> out = new ArrayList<>();
        for (int[] r : sorted) {
            if (!out.isEmpty() && r[0] <= out.get(out.size() - 1)[1] + 1) {
                int[] last = out.get(out.size() - 1);
                last[1] = Math.max(last[1], r[1]);
            } else {
                out.add(new int[] {r[0], r[1]});
            }
        }
        return out;
    }
}
