package io.rapport.core.match;

import static io.rapport.core.match.Person.person;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MatchKeysTest {

    @Test
    void wordsAreLowerCaseWithoutAccentsOrPunctuationAndApostrophesJoin() {
        assertThat(MatchKeys.words("  O'Brien-SMITH,  Jr. ")).isEqualTo("obrien smith jr");
        assertThat(MatchKeys.words("Müller Ødegård")).isEqualTo("muller odegard");
        assertThat(MatchKeys.words("Ｊｏｈｎ")).isEqualTo("john");
        assertThat(MatchKeys.words(" - ")).isNull();
        assertThat(MatchKeys.compactName("Van der Berg")).isEqualTo("vanderberg");
    }

    @Test
    void streetAbbreviationsAreWrittenOut() {
        assertThat(MatchKeys.street("12 Main St.")).isEqualTo("12 main street");
        assertThat(MatchKeys.street("Kirkwood Cres")).isEqualTo("kirkwood crescent");
        assertThat(MatchKeys.street("Pacific Hwy")).isEqualTo("pacific highway");
        assertThat(MatchKeys.street("Stanley Rd")).isEqualTo(MatchKeys.street("stanley road"));
    }

    @Test
    void nordicAndGermanCompoundStreetSuffixesShareOneForm() {
        assertThat(MatchKeys.street("Storgata")).isEqualTo(MatchKeys.street("Storgt."));
        assertThat(MatchKeys.street("Storgate")).isEqualTo(MatchKeys.street("Storgata"));
        assertThat(MatchKeys.street("Kirkeveien")).isEqualTo(MatchKeys.street("Kirkevn."));
        assertThat(MatchKeys.street("Kirkevegen")).isEqualTo(MatchKeys.street("Kirkeveien"));
        assertThat(MatchKeys.street("Drottninggatan")).isEqualTo(MatchKeys.street("Drottninggata"));
        assertThat(MatchKeys.street("Hauptstraße")).isEqualTo(MatchKeys.street("Hauptstr."));
    }

    @Test
    void australianStateNamesBecomeTheirAbbreviations() {
        assertThat(MatchKeys.region("New South Wales")).isEqualTo("nsw");
        assertThat(MatchKeys.region("NSW")).isEqualTo("nsw");
        assertThat(MatchKeys.region("Oslo")).isEqualTo("oslo");
    }

    @Test
    void ocrFoldingUndoesDigitsForLettersAndRnForM() {
        assertThat(MatchKeys.ocrFolded("wi11iarns")).isEqualTo("williams");
        String clean = "williams";
        assertThat(MatchKeys.ocrFolded(clean)).isSameAs(clean);
    }

    @Test
    void aStreetNumberWrittenInTheStreetIsSplitOff() {
        MatchProfile p = person("ann", "lee").street("12 Main Street").profile();
        assertThat(p.streetNumber).isEqualTo("12");
        assertThat(p.street).isEqualTo("main street");
    }

    @Test
    void aFullNameIsSplitWhenGivenAndFamilyAreAbsent() {
        MatchProfile plain = person(null, null).fullName("Ann Maria Lee").profile();
        assertThat(plain.given).isEqualTo("ann");
        assertThat(plain.family).isEqualTo("lee");
        MatchProfile comma = person(null, null).fullName("Lee, Ann").profile();
        assertThat(comma.given).isEqualTo("ann");
        assertThat(comma.family).isEqualTo("lee");
    }
}
