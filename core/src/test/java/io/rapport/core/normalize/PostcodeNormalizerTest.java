package io.rapport.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.party.QualityIssue;
import org.junit.jupiter.api.Test;

class PostcodeNormalizerTest {

    private final PostcodeNormalizer normalizer = new PostcodeNormalizer();
    private final Issues issues = new Issues();

    private String normalize(String raw, String country) {
        return normalizer.normalize(raw, country, "postcode", issues);
    }

    @Test
    void postcodesAreUpperCasedWithWhitespaceCollapsed() {
        assertThat(normalize("  sw1a   1aa ", "GB")).isEqualTo("SW1A 1AA");
        assertThat(normalize("1234\tab", "NL")).isEqualTo("1234 AB");
        assertThat(normalize("ｋ１ａ ０ｂ１", "CA")).isEqualTo("K1A 0B1");
        assertThat(normalize("   ", "GB")).isNull();
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void validPostcodesOfTheCheckedCountries() {
        assertThat(normalize("0155", "NO")).isEqualTo("0155");
        assertThat(normalize("2000", "AU")).isEqualTo("2000");
        assertThat(normalize("8000", "DK")).isEqualTo("8000");
        assertThat(normalize("1010", "AT")).isEqualTo("1010");
        assertThat(normalize("8001", "CH")).isEqualTo("8001");
        assertThat(normalize("1000", "BE")).isEqualTo("1000");
        assertThat(normalize("10115", "DE")).isEqualTo("10115");
        assertThat(normalize("75001", "FR")).isEqualTo("75001");
        assertThat(normalize("00184", "IT")).isEqualTo("00184");
        assertThat(normalize("28001", "ES")).isEqualTo("28001");
        assertThat(normalize("00100", "FI")).isEqualTo("00100");
        assertThat(normalize("90210", "US")).isEqualTo("90210");
        assertThat(normalize("90210-1234", "US")).isEqualTo("90210-1234");
        assertThat(normalize("123 45", "SE")).isEqualTo("123 45");
        assertThat(normalize("12345", "SE")).isEqualTo("12345");
        assertThat(normalize("M1 1AE", "GB")).isEqualTo("M1 1AE");
        assertThat(normalize("EC1A1BB", "GB")).isEqualTo("EC1A1BB");
        assertThat(normalize("1012JS", "NL")).isEqualTo("1012JS");
        assertThat(normalize("K1A0B1", "CA")).isEqualTo("K1A0B1");
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void aMismatchIsFlaggedButTheNormalizedPostcodeIsKept() {
        assertThat(normalize("01 55", "NO")).isEqualTo("01 55");
        assertThat(issues.toList()).containsExactly(new QualityIssue("postcode", "does not match the postcode format of NO"));
    }

    @Test
    void mismatchesInEachCheckedFormat() {
        normalize("12345", "AU");
        normalize("1011", "DE");
        normalize("9021", "US");
        normalize("90210-12", "US");
        normalize("1234 5", "SE");
        normalize("SW1A", "GB");
        normalize("0123 AB", "NL");
        normalize("D1A 0B1", "CA");
        assertThat(issues.toList()).hasSize(8);
    }

    @Test
    void otherCountriesAndUnknownCountriesAreNotChecked() {
        assertThat(normalize("100-0001", "JP")).isEqualTo("100-0001");
        assertThat(normalize("anything", null)).isEqualTo("ANYTHING");
        assertThat(issues.toList()).isEmpty();
    }
}
