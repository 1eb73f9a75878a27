package io.rapport.core.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaroWinklerTest {

    @Test
    void givesTheTextbookValuesOfWinklersExamples() {
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.840, within(0.001));
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
    }

    @Test
    void equalStringsAreOneAndStringsWithNothingInCommonAreZero() {
        assertThat(JaroWinkler.similarity("smith", "smith")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
        assertThat(JaroWinkler.similarity("", "abc")).isZero();
        assertThat(JaroWinkler.similarity("", "")).isZero();
    }

    @Test
    void isSymmetric() {
        String[] names = {"jon", "john", "johnathan", "jonathan", "catherine", "kathryn", "ab", "ba", "aab", "abab"};
        for (String a : names) {
            for (String b : names) {
                assertThat(JaroWinkler.similarity(a, b)).as(a + "/" + b).isEqualTo(JaroWinkler.similarity(b, a));
            }
        }
    }

    @Test
    void rewardsACommonPrefix() {
        assertThat(JaroWinkler.similarity("christopher", "christophre"))
                .isGreaterThan(JaroWinkler.similarity("hcristopher", "christopher"));
    }

    @Test
    void stringsLongerThanSixtyFourCharactersUseTheGeneralPath() {
        String a = "a".repeat(40) + "bcdefghijklmnopqrstuvwxyz" + "z".repeat(10);
        String b = "a".repeat(40) + "bcdefghijklmnopqrstuvwxzy" + "z".repeat(10);
        assertThat(JaroWinkler.similarity(a, b)).isGreaterThan(0.99).isLessThan(1.0);
        assertThat(JaroWinkler.similarity(a, b)).isEqualTo(JaroWinkler.similarity(b, a));
    }
}
