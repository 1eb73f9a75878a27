package io.rapport.core.match;

/**
 * Jaro-Winkler similarity (0 = nothing in common, 1 = equal), the usual string comparator for names since the US
 * Census record linkage work: tolerant of typos and transpositions, and weighting agreement at the start of a
 * string (where names are rarely misspelt) higher. Allocation-free for strings of up to 64 characters: the
 * matched-character flags are bits of two {@code long}s.
 *
 * <p>Symmetric: the pair is put in a canonical order first, so {@code similarity(a, b) == similarity(b, a)}
 * exactly, even where the greedy matching of the Jaro algorithm would otherwise depend on the order.
 */
public final class JaroWinkler {

    /** Winkler's prefix scale: each of up to four common leading characters closes 10 % of the remaining gap. */
    private static final double PREFIX_SCALE = 0.1;
    private static final int MAX_PREFIX = 4;
    /** Winkler's boost threshold: the prefix bonus applies only to pairs already this similar. */
    private static final double BOOST_THRESHOLD = 0.7;

    private JaroWinkler() {
    }

    public static double similarity(String a, String b) {
        if (a.equals(b)) {
            return a.isEmpty() ? 0.0 : 1.0;
        }
        String s1 = a;
        String s2 = b;
        if (s1.length() > s2.length() || (s1.length() == s2.length() && s1.compareTo(s2) > 0)) {
            s1 = b;
            s2 = a;
        }
        double jaro = jaro(s1, s2);
        if (jaro <= BOOST_THRESHOLD) {
            return jaro;
        }
        int prefix = 0;
        int limit = Math.min(MAX_PREFIX, s1.length());
        while (prefix < limit && s1.charAt(prefix) == s2.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * PREFIX_SCALE * (1.0 - jaro);
    }

    /** Jaro similarity; {@code s1} is the shorter (or equally long) string. */
    private static double jaro(String s1, String s2) {
        int l1 = s1.length();
        int l2 = s2.length();
        if (l1 == 0) {
            return 0.0;
        }
        if (l2 > 64) {
            return jaroLong(s1, s2);
        }
        int window = Math.max(0, l2 / 2 - 1);
        long flags1 = 0L;
        long flags2 = 0L;
        int matches = 0;
        for (int i = 0; i < l1; i++) {
            char c = s1.charAt(i);
            int lo = Math.max(0, i - window);
            int hi = Math.min(l2 - 1, i + window);
            for (int j = lo; j <= hi; j++) {
                if ((flags2 & (1L << j)) == 0 && s2.charAt(j) == c) {
                    flags1 |= 1L << i;
                    flags2 |= 1L << j;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        int k = 0;
        for (int i = 0; i < l1; i++) {
            if ((flags1 & (1L << i)) != 0) {
                while ((flags2 & (1L << k)) == 0) {
                    k++;
                }
                if (s1.charAt(i) != s2.charAt(k)) {
                    halfTranspositions++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / l1 + m / l2 + (m - halfTranspositions / 2) / m) / 3.0;
    }

    private static double jaroLong(String s1, String s2) {
        int l1 = s1.length();
        int l2 = s2.length();
        int window = Math.max(0, l2 / 2 - 1);
        boolean[] flags1 = new boolean[l1];
        boolean[] flags2 = new boolean[l2];
        int matches = 0;
        for (int i = 0; i < l1; i++) {
            char c = s1.charAt(i);
            int lo = Math.max(0, i - window);
            int hi = Math.min(l2 - 1, i + window);
            for (int j = lo; j <= hi; j++) {
                if (!flags2[j] && s2.charAt(j) == c) {
                    flags1[i] = true;
                    flags2[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int halfTranspositions = 0;
        int k = 0;
        for (int i = 0; i < l1; i++) {
            if (flags1[i]) {
                while (!flags2[k]) {
                    k++;
                }
                if (s1.charAt(i) != s2.charAt(k)) {
                    halfTranspositions++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / l1 + m / l2 + (m - halfTranspositions / 2) / m) / 3.0;
    }
}
