package dev.rulec.diag;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

/** "Did you mean": the known name (field, key, modifier, pipeline) closest to a misspelt one. */
public final class NearestName {
    private NearestName() {
    }

    /** The name within edit distance 2 of {@code f}, if there is one (the first in sorted order on a tie). */
    public static Optional<String> of(String f, Collection<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String c : new TreeSet<>(known)) {
            if (Math.abs(c.length() - f.length()) >= bestDistance) {
                continue;
            }
            int d = distance(f, c, bestDistance);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, giving up (returning {@code limit}) once every path exceeds it. */
    private static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin >= limit) {
                return limit;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
