package io.rapport.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.party.NationalId;
import org.junit.jupiter.api.Test;

class NationalIdNormalizerTest {

    private final NationalIdNormalizer normalizer = new NationalIdNormalizer();
    private final Issues issues = new Issues();

    private NationalId normalize(String raw) {
        return normalizer.normalize(raw, "national_id", issues);
    }

    @Test
    void separatorsAreRemovedAndLettersUpperCased() {
        assertThat(normalize(" 125-50-6099 ")).isEqualTo(new NationalId("125506099"));
        assertThat(normalize("010185 123.45")).isEqualTo(new NationalId("01018512345"));
        assertThat(normalize("ab/12 34/56c")).isEqualTo(new NationalId("AB123456C"));
        assertThat(normalize("ＡＢ１２３４")).isEqualTo(new NationalId("AB1234"));
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void tooShortTooLongOrOtherCharactersAreQualityIssues() {
        assertThat(normalize("12-3")).isNull();
        assertThat(normalize("1".repeat(21))).isNull();
        assertThat(normalize("1234_5678")).isNull();
        assertThat(normalize("12345Ø")).isNull();
        assertThat(issues.toList()).hasSize(4)
                .allSatisfy(issue -> assertThat(issue.field()).isEqualTo("national_id"));
    }

    @Test
    void theBoundsAreInclusive() {
        assertThat(normalize("1234")).isNotNull();
        assertThat(normalize("12".repeat(10))).isNotNull();
    }

    @Test
    void theIdIsMaskedWhenPrinted() {
        var customer = NormalizerFixtures.normalize(null, "national_id", "010185 12345");

        assertThat(customer.toString()).doesNotContain("01018512345").doesNotContain("010185");
    }

    @Test
    void placeholdersOfOneRepeatedCharacterAreQualityIssuesNotIds() {
        assertThat(normalize("000000000")).isNull();
        assertThat(normalize("11111111111")).isNull();
        assertThat(normalize("111-11-1111")).isNull();
        assertThat(normalize("0000")).isNull();
        assertThat(normalize("xxxxxx")).isNull();
        assertThat(issues.toList()).hasSize(5).allSatisfy(issue -> {
            assertThat(issue.field()).isEqualTo("national_id");
            assertThat(issue.reason()).contains("placeholder").doesNotContain("0000").doesNotContain("1111");
        });
    }

    @Test
    void runsOfConsecutiveDigitsArePlaceholdersFromSixDigitsOn() {
        assertThat(normalize("123-45-6789")).isNull();
        assertThat(normalize("0123456789")).isNull();
        assertThat(normalize("987654321")).isNull();
        assertThat(issues.toList()).hasSize(3);
        // short runs and ids that merely contain a run are ids
        assertThat(normalize("1234")).isEqualTo(new NationalId("1234"));
        assertThat(normalize("12345679")).isEqualTo(new NationalId("12345679"));
        assertThat(normalize("AB123456C")).isEqualTo(new NationalId("AB123456C"));
        assertThat(normalize("00000001")).isEqualTo(new NationalId("00000001"));
        assertThat(issues.toList()).hasSize(3);
    }
}
