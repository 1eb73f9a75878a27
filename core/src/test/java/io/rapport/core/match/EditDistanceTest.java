package io.rapport.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsAndSubstitutionsOnceEach() {
        assertThat(EditDistance.bounded("smith", "smith", 3)).isZero();
        assertThat(EditDistance.bounded("smith", "smyth", 3)).isEqualTo(1);
        assertThat(EditDistance.bounded("smith", "smiths", 3)).isEqualTo(1);
        assertThat(EditDistance.bounded("smith", "mith", 3)).isEqualTo(1);
        assertThat(EditDistance.bounded("kitten", "sitting", 5)).isEqualTo(3);
    }

    @Test
    void aSwapOfNeighboursIsOneEdit() {
        assertThat(EditDistance.bounded("5304218", "5302418", 3)).isEqualTo(1);
        assertThat(EditDistance.bounded("marhta", "martha", 3)).isEqualTo(1);
    }

    @Test
    void isTheOptimalStringAlignmentDistanceThatNeverEditsASubstringTwice() {
        // unrestricted Damerau-Levenshtein would say 2 (swap, then insert between); OSA says 3
        assertThat(EditDistance.bounded("ca", "abc", 5)).isEqualTo(3);
    }

    @Test
    void stopsAtTheBoundAndAnswersBoundPlusOne() {
        assertThat(EditDistance.bounded("abcdefgh", "hgfedcba", 2)).isEqualTo(3);
        assertThat(EditDistance.bounded("a", "abcdef", 1)).isEqualTo(2);
        assertThat(EditDistance.bounded("", "ab", 1)).isEqualTo(2);
        assertThat(EditDistance.bounded("", "a", 1)).isEqualTo(1);
        assertThatThrownBy(() -> EditDistance.bounded("a", "b", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundedAnswersAgreeWithTheFullDistanceWhereverItIsWithinTheBound() {
        String[] words = {"", "a", "ab", "ba", "abc", "acb", "bca", "jonathan", "johnathan", "jonathon", "nathan",
            "catherine", "kathryn", "kathrine", "x".repeat(70), "x".repeat(69) + "y"};
        for (String a : words) {
            for (String b : words) {
                int full = EditDistance.bounded(a, b, 100);
                for (int max = 0; max <= 4; max++) {
                    int bounded = EditDistance.bounded(a, b, max);
                    assertThat(bounded).as(a + "/" + b + " max " + max).isEqualTo(full <= max ? full : max + 1);
                }
                assertThat(full).isEqualTo(EditDistance.bounded(b, a, 100));
            }
        }
    }

    @Test
    void agreesWithTheTextbookAlignmentOnRandomIdsAndPostcodes() {
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 20_000; n++) {
            String a = randomText(random);
            String b = random.nextInt(3) == 0 ? mutate(a, random) : randomText(random);
            int reference = optimalStringAlignment(a, b);
            for (int max = 0; max <= 3; max++) {
                assertThat(EditDistance.bounded(a, b, max)).as(a + "/" + b + " max " + max)
                        .isEqualTo(reference <= max ? reference : max + 1);
            }
        }
    }

    private static String randomText(java.util.Random random) {
        String alphabet = random.nextBoolean() ? "0123456789" : "abcxyz019@";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(10); i >= 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String mutate(String text, java.util.Random random) {
        StringBuilder mutated = new StringBuilder(text);
        for (int edits = random.nextInt(4); edits > 0 && mutated.length() > 1; edits--) {
            int at = random.nextInt(mutated.length() - 1);
            switch (random.nextInt(4)) {
                case 0 -> mutated.deleteCharAt(at);
                case 1 -> mutated.insert(at, (char) ('0' + random.nextInt(10)));
                case 2 -> mutated.setCharAt(at, (char) ('0' + random.nextInt(10)));
                default -> {
                    char c = mutated.charAt(at);
                    mutated.setCharAt(at, mutated.charAt(at + 1));
                    mutated.setCharAt(at + 1, c);
                }
            }
        }
        return mutated.toString();
    }

    /** The full dynamic programme, no band and no shortcut. */
    private static int optimalStringAlignment(String a, String b) {
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
