package io.rapport.core.social.rules;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The closest known word to a misspelt one, for error messages: {@code intnet} is most likely {@code intent}. Only
 * a near miss is offered (at most a third of the word's letters, and never more than three, edited), since a wild
 * guess misleads more than it helps.
 */
public final class DidYouMean {

    private static final int MAX_EDITS = 3;

    private DidYouMean() {
    }

    public static Optional<String> closest(String word, Collection<String> known) {
        String typed = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(typed, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(MAX_EDITS, Math.max(1, typed.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** {@code " (did you mean x?)"}, or nothing. */
    public static String hint(String word, Collection<String> known) {
        return closest(word, known).map(match -> " (did you mean " + match + "?)").orElse("");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
