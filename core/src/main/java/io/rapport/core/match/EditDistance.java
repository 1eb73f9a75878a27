package io.rapport.core.match;

/**
 * Damerau-Levenshtein distance in its optimal string alignment form (insertions, deletions, substitutions and
 * transpositions of two adjacent characters, each costing 1; no substring is edited twice), bounded: callers ask
 * "is it at most {@code max}?" and the computation stops as soon as the answer is no. Only the band of width
 * {@code 2 * max + 1} around the diagonal is computed, so a bounded call costs O(length * max).
 *
 * <p>Symmetric. Scratch rows are per thread and reused: no allocation after the first call on a thread.
 */
public final class EditDistance {

    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][66]);
    private static final ThreadLocal<int[]> BAG = ThreadLocal.withInitial(() -> new int[64]);

    private EditDistance() {
    }

    /**
     * The optimal string alignment distance between {@code a} and {@code b} if it is at most {@code max}, else
     * {@code max + 1}.
     */
    public static int bounded(String a, String b, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0");
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        if (a.equals(b)) {
            return 0;
        }
        if (la == 0 || lb == 0) {
            int d = Math.max(la, lb);
            return d <= max ? d : max + 1;
        }
        if (bagDistance(a, b) > max) {
            return max + 1;
        }
        int[][] rows = ROWS.get();
        if (rows[0].length < lb + 1) {
            rows = new int[3][lb + 1];
            ROWS.set(rows);
        }
        int[] twoBack = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        int big = max + 1;
        for (int j = 0; j <= lb; j++) {
            previous[j] = Math.min(j, big);
        }
        for (int i = 1; i <= la; i++) {
            char ca = a.charAt(i - 1);
            int from = Math.max(1, i - max);
            int to = Math.min(lb, i + max);
            current[0] = Math.min(i, big);
            if (from > 1) {
                current[from - 1] = big;
            }
            int rowMin = current[0] <= max && from == 1 ? current[0] : big;
            for (int j = from; j <= to; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    d = Math.min(d, twoBack[j - 2] + 1);
                }
                d = Math.min(d, big);
                current[j] = d;
                if (d < rowMin) {
                    rowMin = d;
                }
            }
            if (to < lb) {
                current[to + 1] = big;
            }
            if (rowMin > max) {
                return big;
            }
            int[] recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return previous[lb];
    }

    /**
     * A lower bound of the distance that costs one pass over each string: an insertion, deletion or substitution
     * changes by at most one the characters one string has and the other lacks (counted with multiplicity), a
     * transposition changes nothing, so the distance is at least the larger of the two counts. Characters share 64
     * buckets, which can only lower the bound. Most pairs the matcher compares (two unrelated ids or postcodes) are
     * told apart here without the alignment.
     */
    private static int bagDistance(String a, String b) {
        int[] bag = BAG.get();
        for (int i = 0; i < a.length(); i++) {
            bag[a.charAt(i) & 63]++;
        }
        for (int i = 0; i < b.length(); i++) {
            bag[b.charAt(i) & 63]--;
        }
        int onlyInA = 0;
        int onlyInB = 0;
        for (int i = 0; i < a.length(); i++) {
            int slot = a.charAt(i) & 63;
            onlyInA += Math.max(bag[slot], 0);
            onlyInB += Math.max(-bag[slot], 0);
            bag[slot] = 0;
        }
        for (int i = 0; i < b.length(); i++) {
            int slot = b.charAt(i) & 63;
            onlyInB += Math.max(-bag[slot], 0);
            bag[slot] = 0;
        }
        return Math.max(onlyInA, onlyInB);
    }
}
