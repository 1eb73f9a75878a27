package io.rapport.core.match;

import static io.rapport.core.match.Person.febrl;
import static io.rapport.core.match.Person.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchScorerTest {

    private final MatchScorer scorer = new MatchScorer(MatchSettings.defaults());

    private static Person michaela() {
        return febrl("michaela", "neumann", "8", "stanley street", "winston hills", "4223", "nsw", "19151111",
                "5304218").line2("miami");
    }

    private boolean contradicts(Person a, Person b) {
        return scorer.contradicts(a.profile(), b.profile());
    }

    private MatchResult score(Person a, Person b) {
        return scorer.score(a.profile(), b.profile());
    }

    // ---- true duplicates with one or two corruptions: MATCH ----

    @Test
    void aTypoInTheGivenNameAndAMissingIdStillMatch() {
        MatchResult r = score(michaela(), michaela().given("micheala").nid(null));
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
        assertThat(r.deterministicRule()).isNull();
        assertThat(r.field("given_name").level()).isEqualTo("close");
        assertThat(r.field("national_id").level()).isEqualTo(FieldScore.MISSING);
        assertThat(r.field("national_id").weight()).isZero();
    }

    @Test
    void aNicknameAndAnAbbreviatedStreetStillMatch() {
        Person william = febrl("william", "kelly", "27", "rumbalara avenue", "oxley", "2602", "act", "19770302", null);
        MatchResult r = score(william, william.copy().given("Bill").street("Rumbalara Ave"));
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
        assertThat(r.field("given_name").level()).isEqualTo("nickname");
        assertThat(r.field("street").level()).isEqualTo("exact");
    }

    @Test
    void transposedNamesAndAOneDigitBirthDateTypoStillMatch() {
        MatchResult r = score(michaela().nid(null), michaela().nid(null).given("neumann").family("michaela")
                .born("19151171".replace("71", "17")));
        assertThat(r.field("given_name").level()).isEqualTo(FieldScore.TRANSPOSED);
        assertThat(r.field("family_name").level()).isEqualTo(FieldScore.TRANSPOSED);
        assertThat(r.field("given_name").weight()).isPositive();
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void namesTypedIntoEachOthersFieldWithATypoStillMatch() {
        MatchResult r = score(michaela(), michaela().given("neuman").family("michaela").nid(null));
        assertThat(r.field("given_name").level()).isEqualTo(FieldScore.TRANSPOSED);
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void dayAndMonthSwappedWithAPostcodeTypoStillMatch() {
        Person ann = febrl("ann", "lee", "5", "kirkwood crescent", "hawker", "2614", "act", "19800307", null);
        MatchResult r = score(ann, ann.copy().born("19800703").postcode("2641"));
        assertThat(r.field("birth_date").level()).isEqualTo("day_month_swapped");
        assertThat(r.field("postcode").level()).isEqualTo("close");
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void anOcrErrorInTheFamilyNameAndAMissingLocalityStillMatch() {
        Person a = febrl("jack", "williams", "15", "giblin street", "killarney", "4814", "qld", "19990219", null);
        MatchResult r = score(a, a.copy().family("wi1liarns").locality(null));
        assertThat(r.field("family_name").level()).isEqualTo("close");
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void aMistypedIdWithAFamilyNameTypoStillMatches() {
        MatchResult r = score(michaela(), michaela().nid("5304281").family("nuemann"));
        assertThat(r.field("national_id").level()).isEqualTo("one_edit");
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void nameAndAddressWithoutBirthDateOrIdMatch() {
        MatchResult r = score(michaela().born(null).nid(null), michaela().born(null).nid(null).given("michela"));
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void aWebShopRecordWithTheSameEmailAndNameMatchesTheCrmRecord() {
        Person crm = person("Sofie", "Hansen").address("12", "Storgata", "Oslo", "0155", null)
                .email("sofie.hansen@example.no", false).from("crm", "1");
        Person shop = person("Sofie", "Hansen").email("sofie.hansen@example.no", false).phone("+4791234567")
                .from("webshop", "A-9");
        MatchResult r = score(crm, shop);
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
        assertThat(r.deterministicRule()).isNull();
    }

    // ---- different people: not MATCH ----

    @Test
    void differentPeopleSharingFamilyNameAndPostcodeAreNoMatch() {
        Person other = febrl("thomas", "neumann", "41", "lawrence wackett crescent", "winston hills", "4223", "nsw",
                "19620730", "7729146");
        MatchResult r = score(michaela(), other);
        assertThat(r.decision()).isEqualTo(MatchDecision.NON_MATCH);
        assertThat(r.field("given_name").level()).isEqualTo("different");
    }

    @Test
    void twinsWithTheSameBirthDateAndAddressAreNotMerged() {
        Person emma = febrl("emma", "jones", "3", "miller place", "oxley", "2602", "act", "20010412", "1111111");
        Person olivia = emma.copy().given("olivia").nid("2222222");
        assertThat(score(emma, olivia).decision()).isNotEqualTo(MatchDecision.MATCH);
        // also when the records carry no id to tell them apart
        assertThat(score(emma.copy().nid(null), olivia.copy().nid(null)).decision()).isNotEqualTo(MatchDecision.MATCH);
        // and when one name is only an initial of a different name
        assertThat(score(emma.copy().nid(null), olivia.copy().nid(null).given("O")).decision())
                .isNotEqualTo(MatchDecision.MATCH);
    }

    @Test
    void fatherAndSonWithTheSameNameAndAddressButAnotherBirthYearAreNotMerged() {
        Person father = febrl("john", "smith", "14", "cotter road", "weston", "2611", "act", "19580314", "4410987");
        Person son = father.copy().born("19860922").nid("8814302");
        assertThat(score(father, son).decision()).isNotEqualTo(MatchDecision.MATCH);
        assertThat(score(father.copy().nid(null), son.copy().nid(null)).decision()).isNotEqualTo(MatchDecision.MATCH);
        // same day and month, a generation apart
        Person junior = father.copy().born("19820314").nid(null);
        assertThat(score(father.copy().nid(null), junior).decision()).isNotEqualTo(MatchDecision.MATCH);
    }

    @Test
    void namesakesElsewhereAreNoMatch() {
        Person a = febrl("james", "smith", "3", "kent street", "deakin", "2600", "act", "19700101", null);
        Person b = febrl("james", "smith", "90", "beach road", "brighton", "3186", "vic", "19831215", null);
        assertThat(score(a, b).decision()).isEqualTo(MatchDecision.NON_MATCH);
    }

    @Test
    void spousesSharingAddressAndPhoneAreNoMatch() {
        Person husband = febrl("peter", "nguyen", "7", "ovens street", "griffith", "2603", "act", "19650101", null)
                .phone("+61262951234");
        Person wife = husband.copy().given("linh").born("19680505");
        assertThat(score(husband, wife).decision()).isEqualTo(MatchDecision.NON_MATCH);
    }

    @Test
    void surnameAndAddressAloneAreNotEnoughForAnAutomaticMatch() {
        Person a = michaela().given(null).born(null).nid(null);
        MatchResult r = score(a, michaela().given(null).born(null).nid(null));
        assertThat(r.weight()).isGreaterThan(MatchSettings.DEFAULT_REVIEW_THRESHOLD);
        assertThat(r.decision()).isEqualTo(MatchDecision.POSSIBLE);
    }

    @Test
    void aParentAndChildOfTheSameNameAtOneAddressWithOtherPhonesAreLeftForReview() {
        Person father = febrl("john", "smith", "14", "cotter road", "weston", "2611", "act", null, null)
                .phone("+61262951234");
        Person son = febrl("john", "smith", "14", "cotter road", "weston", "2611", "act", null, null)
                .phone("+61412345678");
        MatchResult r = score(father, son);
        assertThat(r.weight()).isGreaterThan(MatchSettings.DEFAULT_MATCH_THRESHOLD);
        assertThat(r.decision()).isEqualTo(MatchDecision.POSSIBLE);
        // with a birth date in agreement the other phone is just another phone
        assertThat(score(father.copy().born("19580314"), son.copy().born("19580314")).decision())
                .isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void someoneWhoMovedIsStillMatchedByNameAndBirthDate() {
        Person moved = michaela().nid(null).address("90", "beach road", "brighton", "3186", "vic");
        MatchResult r = score(michaela().nid(null), moved);
        // another postcode says another place once: street, locality, region and house number add nothing to it
        assertThat(r.field("street").level()).isEqualTo(FieldScore.IMPLIED_BY_POSTCODE);
        assertThat(r.field("postcode").level()).isEqualTo("different");
        assertThat(r.field("street_number").level()).isEqualTo(FieldScore.IMPLIED_BY_STREET);
        assertThat(r.field("locality").level()).isEqualTo(FieldScore.IMPLIED_BY_POSTCODE);
        assertThat(r.field("region").level()).isEqualTo(FieldScore.IMPLIED_BY_POSTCODE);
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void placeholderIdsEmailsAndBirthDatesCountAsMissing() {
        Person a = person("ann", "lee").nid("0000000").email("noemail@example.com", true).born("19000101");
        Person b = person("peter", "hansen").nid("0000000").email("noemail@example.com", true).born("19000101");
        MatchResult r = score(a, b);
        assertThat(r.deterministicRule()).isNull();
        assertThat(r.field("national_id").level()).isEqualTo(FieldScore.MISSING);
        assertThat(r.field("email").level()).isEqualTo(FieldScore.MISSING);
        assertThat(r.field("birth_date").level()).isEqualTo(FieldScore.MISSING);
        assertThat(r.decision()).isEqualTo(MatchDecision.NON_MATCH);
        assertThat(new BlockingKeys(MatchSettings.defaults().blocking()).of(a.profile())).noneMatch(
                k -> k.startsWith("nid:") || k.startsWith("email:") || k.startsWith("dob:"));
    }

    // ---- deterministic rules ----

    @Test
    void theSameNationalIdDecidesAMatchOnItsOwn() {
        Person moved = michaela().family("smith").address("90", "beach road", "brighton", "3186", "vic");
        MatchResult r = score(michaela(), moved);
        assertThat(r.deterministicRule()).isEqualTo("national_id");
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void theSameNationalIdDoesNotDecideWhenBirthDateAndGivenNameContradictIt() {
        Person other = michaela().given("thomas").born("19620730");
        MatchResult r = score(michaela(), other);
        assertThat(r.deterministicRule()).isNull();
        assertThat(r.decision()).isEqualTo(MatchDecision.POSSIBLE);
    }

    @Test
    void theSameNationalIdDoesNotDecideForSomeoneWithBothNamesDifferentButGoesToReview() {
        // same house, no birth date: the id would outweigh the names, but two names differing describe someone else
        // (seven-digit ids shared by chance were most of the false links among a million records)
        Person housemate = michaela().given("peter").family("jones").born(null);
        MatchResult r = score(michaela(), housemate);
        assertThat(r.weight()).isPositive();
        assertThat(r.deterministicRule()).isNull();
        assertThat(r.decision()).isEqualTo(MatchDecision.POSSIBLE);
    }

    @Test
    void theSameNationalIdDoesNotDecideWhenEverythingElseSpeaksAgainstItButGoesToReview() {
        Person stranger = febrl("peter", "jones", "7", "bilu way", "yatelo", "5303", "sa", null, "5304218");
        MatchResult r = score(michaela(), stranger);
        assertThat(r.deterministicRule()).isNull();
        assertThat(r.weight()).isNegative();
        assertThat(r.decision()).isEqualTo(MatchDecision.POSSIBLE);
    }

    @Test
    void aSharedEmailDecidesOnlyWhenBothSourcesVerifiedIt() {
        Person a = person("ann", "lee").email("ann@example.com", true);
        assertThat(score(a, person("anne", "li").email("ann@example.com", true)).deterministicRule())
                .isEqualTo("verified_email");
        assertThat(score(a, person("anne", "li").email("ann@example.com", false)).deterministicRule()).isNull();
    }

    @Test
    void thePhoneRuleIsOffByDefaultAndCanBeSwitchedOn() {
        Person a = person("ann", "lee").phone("+61262951234");
        Person b = person("anne", "lee").phone("+61262951234");
        assertThat(score(a, b).deterministicRule()).isNull();
        MatchScorer withPhone = new MatchScorer(new MatchSettings(0, 0, null,
                new MatchSettings.Deterministic(null, null, true, null), null));
        assertThat(withPhone.score(a.profile(), b.profile()).deterministicRule()).isEqualTo("phone");
    }

    @Test
    void configuredExternalIdAttributesDecideAMatch() {
        Person a = person("ann", "lee").attribute("external_id", "C-100");
        Person b = person("a", "lee").attribute("external_id", " C-100 ");
        assertThat(score(a, b).deterministicRule()).isNull();
        MatchScorer withIds = new MatchScorer(new MatchSettings(0, 0, null,
                new MatchSettings.Deterministic(null, null, null, List.of("external_id")), null));
        MatchResult r = withIds.score(a.profile(), b.profile());
        assertThat(r.deterministicRule()).isEqualTo("external_id:external_id");
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
        // a profile made for those settings keeps only the attributes the rule reads, and scores the same
        MatchProfile lean = MatchProfile.of(a.attribute("notes", "long text").canonical(), withIds.settings());
        assertThat(lean.attributes).containsOnlyKeys("external_id");
        assertThat(withIds.score(lean, b.profile()).deterministicRule()).isEqualTo("external_id:external_id");
    }

    @Test
    void aMistypedIdLiftsASingleContradiction() {
        // a badly damaged given name ("different") but the id is one keystroke off and everything else agrees
        MatchResult r = score(michaela(), michaela().given("rnaria").nid("5304219"));
        assertThat(r.field("given_name").level()).isEqualTo("different");
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
    }

    // ---- properties ----

    @Test
    void scoresAreSymmetric() {
        List<Person> people = new ArrayList<>(List.of(michaela(), michaela().given("neumann").family("michaela"),
                michaela().given("micheala").nid(null), michaela().born("19151117").postcode("4232"),
                person("ann", "lee").email("ann@example.com", true), person("anne", "li").email("ann@example.com", true),
                febrl("j", "smith", "14", "cotter rd", "weston", "2611", "act", "19580314", "4410987"),
                febrl("john", "smith", "14", "cotter road", "weston", "2611", "act", "19860314", "4410978"),
                person(null, null).fullName("Lee, Ann")));
        for (Person a : people) {
            for (Person b : people) {
                MatchProfile pa = a.profile();
                MatchProfile pb = b.profile();
                assertThat(scorer.score(pa, pb)).isEqualTo(scorer.score(pb, pa));
            }
        }
    }

    @Test
    void everyEnabledFieldIsReportedInOrderAndTheWeightIsTheirSum() {
        MatchResult r = score(michaela(), michaela().given("micheala"));
        assertThat(r.fields()).extracting(FieldScore::field).containsExactlyElementsOf(MatchSettings.FIELD_NAMES);
        assertThat(r.weight()).isEqualTo(r.fields().stream().mapToDouble(FieldScore::weight).sum());
        assertThat(r.field("locality").level()).isEqualTo(FieldScore.IMPLIED_BY_POSTCODE);
    }

    @Test
    void emptyRecordsScoreZeroAndAreNoMatch() {
        MatchResult r = score(person(null, null), person(null, null));
        assertThat(r.weight()).isZero();
        assertThat(r.decision()).isEqualTo(MatchDecision.NON_MATCH);
        assertThat(person(null, null).profile().isEmpty()).isTrue();
    }

    @Test
    void aMoveCostsThePostcodeOnlySoNameAndPhoneStillMatchAfterAMove() {
        Person before = person("lauren", "butler").address("8", "hillside lane", "detroit", "48225", "mi")
                .phone("+16127902228");
        Person after = person("lauren", "butler").address("32", "beech avenue", "minneapolis", "55441", "mn")
                .phone("+16127902228").born("19970718");
        MatchResult r = score(before, after);
        assertThat(r.field("street").level()).isEqualTo(FieldScore.IMPLIED_BY_POSTCODE);
        assertThat(r.field("street").weight()).isZero();
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
        // the same street in another postcode is still counted: it is news
        assertThat(score(before, before.copy().from("b", "2").postcode("48226")).field("street").level())
                .isEqualTo("exact");
    }

    @Test
    void theBirthDateANationalIdStatesStandsInForAMissingBirthDate() {
        String fnr = NationalIdBirthDatesTest.norwegian("090595", 125);
        Person withId = person("kjell", "andersen").address("117", "bjerkeveien", "baerum", "1307", null).nid(fnr);
        Person withDate = person(null, "andersen").address("117", "bjerkeveien", "baerum", "1307", null)
                .born("19950509");
        MatchResult r = score(withId, withDate.from("b", "2"));
        assertThat(r.field("birth_date").level()).isEqualTo("exact");
        assertThat(r.decision()).isEqualTo(MatchDecision.MATCH);
        // and contradicts another one: a parent and child of the same name at one address
        MatchResult other = score(withId.copy().given("hans"), person("hans", "andersen").from("b", "3")
                .address("117", "bjerkeveien", "baerum", "1307", null).born("19620314"));
        assertThat(other.field("birth_date").level()).isEqualTo("different");
        assertThat(other.decision()).isNotEqualTo(MatchDecision.MATCH);
    }

    @Test
    void impliedBirthDatesAreNotComparedWhenBothRecordsHaveIds() {
        String fnr = NationalIdBirthDatesTest.norwegian("090595", 125);
        MatchResult r = score(person("kjell", "andersen").nid(fnr), person("kjell", "andersen").from("b", "2").nid(fnr));
        // the ids are compared with each other; their dates would count the same fact twice
        assertThat(r.field("birth_date").level()).isEqualTo(FieldScore.MISSING);
        assertThat(r.field("national_id").level()).isEqualTo("exact");
    }

    @Test
    void aSwedishIdWithoutCenturyIsComparedOnTheLastSixDigitsAndAFrenchIdCanOnlyContradict() {
        String pnr = NationalIdBirthDatesTest.swedish("900102", "844");
        MatchResult se = score(person("anne", "lind").nid(pnr), person("anne", "lind").from("b", "2").born("19900102"));
        assertThat(se.field("birth_date").level()).isEqualTo("exact");
        Person monique = person("monique", "montroux").address("3", "boulevard du general de gaulle", "reims", "51100", null)
                .nid("270045169301161");
        assertThat(score(monique, monique.copy().from("b", "2").nid(null).born("19700405")).field("birth_date").level())
                .isEqualTo(FieldScore.MISSING);
        assertThat(score(monique, monique.copy().from("b", "2").nid(null).born("20020303")).field("birth_date").level())
                .isEqualTo("different");
    }

    @Test
    void twoDifferentKnownGivenNamesThatOnlyLookAlikeNeedMoreThanTheHouseholdToLink() {
        Person mary = person("mary", "johnson").address("15", "main close", "london", "W23WD", null);
        Person gary = person("gary", "johnson").from("b", "2").address("15", "main close", "london", "W23WD", null);
        MatchResult r = score(mary, gary);
        assertThat(r.field("given_name").level()).isEqualTo("close");
        assertThat(r.weight()).isGreaterThan(MatchSettings.DEFAULT_MATCH_THRESHOLD);
        assertThat(r.decision()).isEqualTo(MatchDecision.POSSIBLE);
        // a typo that is not a listed name is still a typo; and a birth date in agreement decides
        assertThat(score(mary, gary.copy().given("maty")).decision()).isEqualTo(MatchDecision.MATCH);
        assertThat(score(mary.copy().born("19820817"), gary.copy().born("19820817")).decision())
                .isEqualTo(MatchDecision.MATCH);
    }

    @Test
    void anotherBirthDateOrGivenNameContradictsUnlessAnIdentifierAgrees() {
        Person child = michaela().nid(null).born("19800624");
        assertThat(contradicts(michaela().nid(null), child)).isTrue();
        assertThat(contradicts(michaela().nid(null), michaela().nid(null).given("sophie"))).isTrue();
        assertThat(contradicts(michaela(), child.nid("5304218"))).isFalse();
        assertThat(contradicts(michaela(), michaela().born(null).nid(null))).isFalse();
        assertThat(contradicts(michaela(), michaela().given("micheala").family("smith"))).isFalse();
    }
}
