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
}
