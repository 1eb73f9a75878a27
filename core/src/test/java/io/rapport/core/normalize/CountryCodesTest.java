package io.rapport.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountryCodesTest {

    @Test
    void isoAlpha2AndAlpha3CodesInAnyCase() {
        assertThat(CountryCodes.toAlpha2("NO")).isEqualTo("NO");
        assertThat(CountryCodes.toAlpha2(" au ")).isEqualTo("AU");
        assertThat(CountryCodes.toAlpha2("NOR")).isEqualTo("NO");
        assertThat(CountryCodes.toAlpha2("deu")).isEqualTo("DE");
        assertThat(CountryCodes.toAlpha2("USA")).isEqualTo("US");
    }

    @Test
    void englishNamesIgnoringCaseAccentsPunctuationAndALeadingThe() {
        assertThat(CountryCodes.toAlpha2("Norway")).isEqualTo("NO");
        assertThat(CountryCodes.toAlpha2("UNITED STATES")).isEqualTo("US");
        assertThat(CountryCodes.toAlpha2("the Netherlands")).isEqualTo("NL");
        assertThat(CountryCodes.toAlpha2("Cote d'Ivoire")).isEqualTo("CI");
        assertThat(CountryCodes.toAlpha2("Côte d’Ivoire")).isEqualTo("CI");
        assertThat(CountryCodes.toAlpha2("Bosnia and Herzegovina")).isEqualTo("BA");
        assertThat(CountryCodes.toAlpha2("Bosnia & Herzegovina")).isEqualTo("BA");
        assertThat(CountryCodes.toAlpha2("Saint Kitts and Nevis")).isEqualTo("KN");
        assertThat(CountryCodes.toAlpha2("St. Lucia")).isEqualTo("LC");
    }

    @Test
    void commonAliases() {
        assertThat(CountryCodes.toAlpha2("U.S.A.")).isEqualTo("US");
        assertThat(CountryCodes.toAlpha2("United States of America")).isEqualTo("US");
        assertThat(CountryCodes.toAlpha2("UK")).isEqualTo("GB");
        assertThat(CountryCodes.toAlpha2("Great Britain")).isEqualTo("GB");
        assertThat(CountryCodes.toAlpha2("England")).isEqualTo("GB");
        assertThat(CountryCodes.toAlpha2("Scotland")).isEqualTo("GB");
        assertThat(CountryCodes.toAlpha2("Wales")).isEqualTo("GB");
        assertThat(CountryCodes.toAlpha2("Holland")).isEqualTo("NL");
        assertThat(CountryCodes.toAlpha2("Deutschland")).isEqualTo("DE");
        assertThat(CountryCodes.toAlpha2("Norge")).isEqualTo("NO");
        assertThat(CountryCodes.toAlpha2("Sverige")).isEqualTo("SE");
        assertThat(CountryCodes.toAlpha2("Russia")).isEqualTo("RU");
        assertThat(CountryCodes.toAlpha2("Russian Federation")).isEqualTo("RU");
        assertThat(CountryCodes.toAlpha2("South Korea")).isEqualTo("KR");
        assertThat(CountryCodes.toAlpha2("Czech Republic")).isEqualTo("CZ");
    }

    @Test
    void namesInOtherLanguages() {
        assertThat(CountryCodes.toAlpha2("Norvège")).isEqualTo("NO");
        assertThat(CountryCodes.toAlpha2("norvege")).isEqualTo("NO");
        assertThat(CountryCodes.toAlpha2("Österreich")).isEqualTo("AT");
        assertThat(CountryCodes.toAlpha2("Alemania")).isEqualTo("DE");
        assertThat(CountryCodes.toAlpha2("Tyskland")).isEqualTo("DE");
        assertThat(CountryCodes.toAlpha2("ノルウェー")).isEqualTo("NO");
        assertThat(CountryCodes.toAlpha2("Германия")).isEqualTo("DE");
    }

    @Test
    void fullWidthInputIsReadAsPlainCharacters() {
        assertThat(CountryCodes.toAlpha2("ＮＯ")).isEqualTo("NO");
        assertThat(CountryCodes.toAlpha2("Ｎｏｒｗａｙ")).isEqualTo("NO");
    }

    @Test
    void unknownNamesAreNotCountries() {
        assertThat(CountryCodes.toAlpha2("Atlantis")).isNull();
        assertThat(CountryCodes.toAlpha2("XX")).isNull();
        assertThat(CountryCodes.toAlpha2("  ")).isNull();
        assertThat(CountryCodes.toAlpha2("--")).isNull();
        assertThat(CountryCodes.toAlpha2(null)).isNull();
    }

    @Test
    void anUnknownCountryInARecordIsAQualityIssueWithoutTheValue() {
        var customer = NormalizerFixtures.normalize("NO", "country", "Atlantis");

        assertThat(customer.address().country()).isNull();
        assertThat(customer.qualityIssues()).singleElement()
                .satisfies(issue -> assertThat(issue.field()).isEqualTo("country"))
                .satisfies(issue -> assertThat(issue.reason()).doesNotContain("Atlantis"));
    }
}
