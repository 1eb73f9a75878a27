package io.rapport.core.match;

import static io.rapport.core.match.Person.person;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComparatorsTest {

    private static int given(String a, String b) {
        return Comparators.givenName(person(a, "x").profile(), person(b, "x").profile());
    }

    private static int family(String a, String b) {
        return Comparators.familyName(person("x", a).profile(), person("x", b).profile());
    }

    private static int date(int a, int b) {
        return Comparators.birthDate(a, b);
    }

    @Test
    void givenNamesEqualAfterCaseAccentsAndPunctuationAreExact() {
        assertThat(given("Chloé", "CHLOE")).isEqualTo(Comparators.GIVEN_EXACT);
        assertThat(given("Mary-Anne", "mary anne")).isEqualTo(Comparators.GIVEN_EXACT);
        assertThat(given("Dr John", "john")).isEqualTo(Comparators.GIVEN_EXACT);
    }

    @Test
    void nicknamesAreTheirOwnLevel() {
        assertThat(given("William", "Bill")).isEqualTo(Comparators.GIVEN_NICKNAME);
        assertThat(given("Peggy", "Margaret")).isEqualTo(Comparators.GIVEN_NICKNAME);
    }

    @Test
    void aSingleTypoInANameIsClose() {
        assertThat(given("michaela", "micheala")).isEqualTo(Comparators.GIVEN_CLOSE); // transposition
        assertThat(given("joshua", "joshue")).isEqualTo(Comparators.GIVEN_CLOSE); // substitution
        assertThat(given("lachlan", "lachln")).isEqualTo(Comparators.GIVEN_CLOSE); // deletion
        assertThat(family("thompson", "thomson")).isEqualTo(Comparators.FAMILY_CLOSE);
        assertThat(family("christodoulou", "christodolou")).isEqualTo(Comparators.FAMILY_CLOSE);
    }

    @Test
    void ocrConfusionsCountAsOneTypo() {
        assertThat(given("adam", "adarn")).isEqualTo(Comparators.GIVEN_CLOSE);
        assertThat(family("williams", "wi11iams")).isEqualTo(Comparators.FAMILY_CLOSE);
    }

    @Test
    void namesThatSoundAlikeArePhonetic() {
        assertThat(family("catherwood", "kathyrwood")).isEqualTo(Comparators.FAMILY_PHONETIC);
    }

    @Test
    void twoEditsInALongNameAreSimilarButInAShortNameMakeAnotherName() {
        assertThat(given("samuel", "tamuel1")).isEqualTo(Comparators.GIVEN_SIMILAR);
        assertThat(given("matilda", "mtaidla")).isEqualTo(Comparators.GIVEN_SIMILAR);
        assertThat(given("jane", "james")).isEqualTo(Comparators.GIVEN_DIFFERENT);
    }

    @Test
    void anInitialAgreesWithTheNameItStartsAndContradictsOthers() {
        assertThat(given("J", "John")).isEqualTo(Comparators.GIVEN_INITIAL);
        assertThat(given("J.", "john")).isEqualTo(Comparators.GIVEN_INITIAL);
        assertThat(given("K", "John")).isEqualTo(Comparators.GIVEN_DIFFERENT);
    }

    @Test
    void aMissingMiddleNameIsClose() {
        assertThat(given("Mary Ann", "Mary")).isEqualTo(Comparators.GIVEN_CLOSE);
        assertThat(given("john paul", "john george")).isEqualTo(Comparators.GIVEN_CLOSE);
    }

    @Test
    void twoDifferentKnownNamesAreDifferentButAnUnknownLookalikeMayBeDamaged() {
        assertThat(given("emma", "olivia")).isEqualTo(Comparators.GIVEN_DIFFERENT);
        assertThat(given("emily", "amelia")).isEqualTo(Comparators.GIVEN_DIFFERENT);
        assertThat(given("james", "jermes")).isEqualTo(Comparators.GIVEN_DIFFERENT_UNLISTED);
        assertThat(given("olivia", "hernnah")).isEqualTo(Comparators.GIVEN_DIFFERENT);
    }

    @Test
    void aNameMissingOnEitherSideIsMissing() {
        assertThat(given(null, "john")).isEqualTo(Comparators.MISSING);
        assertThat(family("smith", "  ")).isEqualTo(Comparators.MISSING);
    }

    @Test
    void birthDatesCompareExactSwappedOneDigitYearOnlyOrDifferent() {
        assertThat(date(19560923, 19560923)).isEqualTo(Comparators.DATE_EXACT);
        assertThat(date(19560307, 19560703)).isEqualTo(Comparators.DATE_DAY_MONTH_SWAPPED);
        assertThat(date(19560923, 19560928)).isEqualTo(Comparators.DATE_ONE_DIGIT);
        assertThat(date(19560923, 19650923)).isEqualTo(Comparators.DATE_ONE_DIGIT); // neighbours 5 and 6 swapped
        assertThat(date(19560923, 19561123)).isEqualTo(Comparators.DATE_YEAR_ONLY);
        assertThat(date(19560923, 19841102)).isEqualTo(Comparators.DATE_DIFFERENT);
        assertThat(date(0, 19841102)).isEqualTo(Comparators.MISSING);
    }

    @Test
    void aDayMonthSwapNeedsTheSameYear() {
        assertThat(date(19560307, 19570703)).isEqualTo(Comparators.DATE_DIFFERENT);
    }

    @Test
    void nationalIdsCompareByEditDistanceAndFormat() {
        assertThat(Comparators.identifier("5304218", "5304218")).isEqualTo(Comparators.ID_EXACT);
        assertThat(Comparators.identifier("5304218", "5304213")).isEqualTo(Comparators.ID_ONE_EDIT);
        assertThat(Comparators.identifier("5304218", "5302418")).isEqualTo(Comparators.ID_ONE_EDIT);
        assertThat(Comparators.identifier("5304218", "530421")).isEqualTo(Comparators.ID_ONE_EDIT);
        assertThat(Comparators.identifier("5304218", "5314228")).isEqualTo(Comparators.ID_TWO_EDITS);
        assertThat(Comparators.identifier("5304218", "7729146")).isEqualTo(Comparators.ID_DIFFERENT);
        assertThat(Comparators.identifier("5304218", "AB123456")).isEqualTo(Comparators.ID_DIFFERENT_FORMAT);
        assertThat(Comparators.identifier(null, "5304218")).isEqualTo(Comparators.MISSING);
    }

    @Test
    void streetsCompareWithAbbreviationsWrittenOut() {
        MatchProfile a = person("x", "y").street("Stanley Street").profile();
        MatchProfile b = person("x", "y").street("stanley st.").profile();
        MatchProfile c = person("x", "y").street("stanely street").profile();
        MatchProfile d = person("x", "y").street("Kirkwood Crescent").profile();
        assertThat(Comparators.street(a, b)).isEqualTo(Comparators.EXACT);
        assertThat(Comparators.street(a, c)).isEqualTo(Comparators.CLOSE);
        assertThat(Comparators.street(a, d)).isEqualTo(Comparators.DIFFERENT);
    }

    @Test
    void addressLinesTypedIntoEachOthersFieldAreClose() {
        MatchProfile a = person("x", "y").street("miller place").line2("wirilda").profile();
        MatchProfile b = person("x", "y").street("wirilda").line2("miller place").profile();
        assertThat(Comparators.street(a, b)).isEqualTo(Comparators.CLOSE);
    }

    @Test
    void postcodesLocalitiesAndStreetNumbersHaveATypoLevel() {
        assertThat(Comparators.postcode("2600", "2600")).isEqualTo(Comparators.EXACT);
        assertThat(Comparators.postcode("2600", "2060")).isEqualTo(Comparators.CLOSE);
        assertThat(Comparators.postcode("2600", "4217")).isEqualTo(Comparators.DIFFERENT);
        assertThat(Comparators.locality("winston hills", "winstn hills")).isEqualTo(Comparators.CLOSE);
        assertThat(Comparators.streetNumber("12", "12a")).isEqualTo(Comparators.CLOSE);
        assertThat(Comparators.streetNumber("12", "148")).isEqualTo(Comparators.DIFFERENT);
    }

    @Test
    void emailsAndPhonesAgreeWhenAnyPairAgrees() {
        String[] a = {"ann@example.com", "ann.lee@work.example"};
        String[] b = {"ann.lee@work.example"};
        assertThat(Comparators.anyOf(a, b)).isEqualTo(Comparators.EXACT);
        assertThat(Comparators.anyOf(new String[] {"+61299998888"}, new String[] {"+61299998889"}))
                .isEqualTo(Comparators.CLOSE);
        assertThat(Comparators.anyOf(new String[] {"+61299998888"}, new String[0])).isEqualTo(Comparators.MISSING);
    }
}
