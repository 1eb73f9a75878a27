package io.rapport.core.survivorship;

import static io.rapport.core.survivorship.GoldenFields.ADDRESS;
import static io.rapport.core.survivorship.GoldenFields.BIRTH_DATE;
import static io.rapport.core.survivorship.GoldenFields.CONSENTS;
import static io.rapport.core.survivorship.GoldenFields.EMAIL;
import static io.rapport.core.survivorship.GoldenFields.EMAILS;
import static io.rapport.core.survivorship.GoldenFields.FAMILY_NAME;
import static io.rapport.core.survivorship.GoldenFields.FULL_NAME;
import static io.rapport.core.survivorship.GoldenFields.GIVEN_NAME;
import static io.rapport.core.survivorship.GoldenFields.NATIONAL_ID;
import static io.rapport.core.survivorship.GoldenFields.ORGANIZATION;
import static io.rapport.core.survivorship.GoldenFields.PHONE;
import static io.rapport.core.survivorship.GoldenFields.PHONES;
import static io.rapport.core.survivorship.GoldenFields.SOCIAL_HANDLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.Consent;
import io.rapport.core.party.NationalId;
import io.rapport.core.party.PartyType;
import io.rapport.core.party.PostalAddress;
import io.rapport.core.party.SocialHandle;
import io.rapport.core.party.SourceRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GoldenRecordBuilderTest {

    private static final GoldenRecordBuilder DEFAULTS = new GoldenRecordBuilder(SurvivorshipRules.defaults());

    private static GoldenRecord build(Member... members) {
        return build(DEFAULTS, members);
    }

    private static GoldenRecord build(GoldenRecordBuilder builder, Member... members) {
        List<CanonicalCustomer> records = new ArrayList<>();
        for (Member member : members) {
            records.add(member.build());
        }
        return builder.build("cust-1", records);
    }

    private static GoldenRecordBuilder with(String field, FieldRule rule) {
        return new GoldenRecordBuilder(new SurvivorshipRules(Map.of(field, rule), null));
    }

    // ---- strategies ------------------------------------------------------------------------------
    @Test
    void aSingleCandidateSurvivesAsOnlyValue() {
        GoldenRecord golden = build(Member.of("crm", "1", 1).name("Anna", "Berg"), Member.of("erp", "9", 2));

        assertThat(golden.fields().get(GIVEN_NAME))
                .isEqualTo(new SurvivingValue("Anna", Member.ref("crm", "1", 1), "only_value", 1));
    }

    @Test
    void mostRecentPicksTheValueOfTheLatestSourceTimestamp() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 3).email("old@example.com"),
                Member.of("webshop", "7", 9).email("new@example.com"),
                Member.of("erp", "4", 5).email("mid@example.com"));

        assertThat(golden.fields().get(EMAIL))
                .isEqualTo(new SurvivingValue("new@example.com", Member.ref("webshop", "7", 9), "most_recent", 3));
    }

    @Test
    void sourcePriorityPicksTheFirstListedSource() {
        GoldenRecordBuilder erpWins = with(BIRTH_DATE,
                new FieldRule(List.of(Strategy.SOURCE_PRIORITY, Strategy.MOST_RECENT), List.of("erp", "crm")));

        GoldenRecord golden = build(erpWins,
                Member.of("crm", "1", 9).birthDate("1980-05-06"),
                Member.of("erp", "4", 1).birthDate("1980-06-05"));

        assertThat(golden.fields().get(BIRTH_DATE))
                .isEqualTo(new SurvivingValue(LocalDate.of(1980, 6, 5), Member.ref("erp", "4", 1), "source_priority", 2));
    }

    @Test
    void sourcePriorityRanksUnlistedSourcesAfterListedOnes() {
        GoldenRecordBuilder crmFirst = with(BIRTH_DATE,
                new FieldRule(List.of(Strategy.SOURCE_PRIORITY, Strategy.MOST_RECENT), List.of("crm")));

        GoldenRecord golden = build(crmFirst,
                Member.of("webshop", "1", 9).birthDate("1980-05-06"),
                Member.of("crm", "4", 1).birthDate("1980-06-05"),
                Member.of("erp", "2", 8).birthDate("1980-07-07"));

        assertThat(golden.fields().get(BIRTH_DATE).lineage()).isEqualTo(Member.ref("crm", "4", 1));
    }

    @Test
    void sourcePriorityLeavesUnlistedSourcesTiedForTheNextStrategy() {
        GoldenRecordBuilder crmFirst = with(BIRTH_DATE,
                new FieldRule(List.of(Strategy.SOURCE_PRIORITY, Strategy.MOST_RECENT), List.of("crm")));

        GoldenRecord golden = build(crmFirst,
                Member.of("webshop", "1", 9).birthDate("1980-05-06"),
                Member.of("erp", "2", 8).birthDate("1980-07-07"));

        assertThat(golden.fields().get(BIRTH_DATE))
                .isEqualTo(new SurvivingValue(LocalDate.of(1980, 5, 6), Member.ref("webshop", "1", 9), "most_recent", 2));
    }

    @Test
    void mostCompleteNamePrefersMoreCharacters() {
        GoldenRecordBuilder complete = with(GIVEN_NAME, FieldRule.of(Strategy.MOST_COMPLETE));

        GoldenRecord golden = build(complete,
                Member.of("crm", "1", 9).name("Kate", "Berg"),
                Member.of("erp", "2", 1).name("Katherine", "Berg"));

        assertThat(golden.fields().get(GIVEN_NAME))
                .isEqualTo(new SurvivingValue("Katherine", Member.ref("erp", "2", 1), "most_complete", 2));
    }

    @Test
    void mostCompleteNamePrefersMoreWordsOverMoreCharacters() {
        GoldenRecordBuilder complete = with(GIVEN_NAME, FieldRule.of(Strategy.MOST_COMPLETE));

        GoldenRecord golden = build(complete,
                Member.of("crm", "1", 1).name("Annemarie", "Berg"),
                Member.of("erp", "2", 1).name("Anne Marie", "Berg"));

        assertThat(golden.value(GIVEN_NAME)).isEqualTo("Anne Marie");
    }

    @Test
    void mostCompleteAddressHasTheMostParts() {
        GoldenRecordBuilder complete = with(ADDRESS, FieldRule.of(Strategy.MOST_COMPLETE));
        PostalAddress full = new PostalAddress("12", "Storgata", "H0301", "Oslo", null, "0155", "NO");

        GoldenRecord golden = build(complete,
                Member.of("crm", "1", 9).address("12", "Storgata", "Oslo", null, "NO"),
                Member.of("erp", "2", 1).address(full));

        assertThat(golden.fields().get(ADDRESS))
                .isEqualTo(new SurvivingValue(full, Member.ref("erp", "2", 1), "most_complete", 2));
    }

    @Test
    void mostFrequentCountsValuesEqualByTheirTextKey() {
        GoldenRecordBuilder frequent = with(FAMILY_NAME, FieldRule.of(Strategy.MOST_FREQUENT));

        GoldenRecord golden = build(frequent,
                Member.of("crm", "1", 1).name("Anna", "BERG"),
                Member.of("erp", "2", 2).name("Anna", "berg "),
                Member.of("webshop", "3", 9).name("Anna", "Borg"));

        SurvivingValue family = golden.fields().get(FAMILY_NAME);
        assertThat(family.rule()).isEqualTo("most_frequent");
        // the agreeing records tie on frequency: the final tie-break (smallest source key) picks the spelling
        assertThat(family.value()).isEqualTo("BERG");
        assertThat(family.lineage()).isEqualTo(Member.ref("crm", "1", 1));
        assertThat(family.candidates()).isEqualTo(3);
    }

    // ---- tie breaking ----------------------------------------------------------------------------
    @Test
    void theNextStrategyDecidesWhenTheFirstTies() {
        // defaults for names: MOST_FREQUENT (1 vote each) then MOST_RECENT
        GoldenRecord golden = build(
                Member.of("crm", "1", 2).name("Anna", "Berg"),
                Member.of("erp", "2", 7).name("Ann", "Berg"));

        assertThat(golden.fields().get(GIVEN_NAME))
                .isEqualTo(new SurvivingValue("Ann", Member.ref("erp", "2", 7), "most_recent", 2));
    }

    @Test
    void theFirstStrategyDecidesWhenItSeparatesTheValues() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 2).name("Anna", "Berg"),
                Member.of("webshop", "3", 3).name("anna", "Berg"),
                Member.of("erp", "2", 7).name("Ann", "Berg"));

        SurvivingValue given = golden.fields().get(GIVEN_NAME);
        assertThat(given.rule()).isEqualTo("most_frequent");
        // among the agreeing records the chain goes on: the most recent spelling and its lineage
        assertThat(given.value()).isEqualTo("anna");
        assertThat(given.lineage()).isEqualTo(Member.ref("webshop", "3", 3));
    }

    @Test
    void strategiesApplyInTheConfiguredOrder() {
        PostalAddress recentShort = new PostalAddress(null, "Storgata", null, "Oslo", null, null, "NO");
        PostalAddress olderFull = new PostalAddress("12", "Storgata", null, "Oslo", null, "0155", "NO");
        Member recent = Member.of("crm", "1", 9).address(recentShort);
        Member older = Member.of("erp", "2", 1).address(olderFull);

        assertThat(build(with(ADDRESS, FieldRule.of(Strategy.MOST_RECENT, Strategy.MOST_COMPLETE)), recent, older)
                .value(ADDRESS)).isEqualTo(recentShort);
        assertThat(build(with(ADDRESS, FieldRule.of(Strategy.MOST_COMPLETE, Strategy.MOST_RECENT)), recent, older)
                .value(ADDRESS)).isEqualTo(olderFull);
    }

    @Test
    void whenEveryStrategyTiesTheSmallestSourceKeyWins() {
        // same timestamp, one vote each, equal length
        GoldenRecord golden = build(
                Member.of("webshop", "1", 5).email("bbb@example.com"),
                Member.of("erp", "9", 5).email("ccc@example.com"),
                Member.of("erp", "10", 5).email("aaa@example.com"));

        assertThat(golden.fields().get(EMAIL))
                .isEqualTo(new SurvivingValue("aaa@example.com", Member.ref("erp", "10", 5), "tie_break", 3));
    }

    @Test
    void anEmptyStrategyListLeavesTheChoiceToTheTieBreak() {
        GoldenRecord golden = build(with(GIVEN_NAME, new FieldRule(List.of(), null)),
                Member.of("webshop", "1", 9).name("Zoe", null),
                Member.of("crm", "2", 1).name("Anna", null));

        assertThat(golden.fields().get(GIVEN_NAME))
                .isEqualTo(new SurvivingValue("Anna", Member.ref("crm", "2", 1), "tie_break", 2));
    }

    @Test
    void agreeingCandidatesSurviveAsConsensusWithTheLineageOfTheChain() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 2).birthDate("1980-05-06"),
                Member.of("erp", "2", 8).birthDate("1980-05-06"));

        // birth_date: MOST_FREQUENT, SOURCE_PRIORITY (none), MOST_RECENT
        assertThat(golden.fields().get(BIRTH_DATE))
                .isEqualTo(new SurvivingValue(LocalDate.of(1980, 5, 6), Member.ref("erp", "2", 8), "consensus", 2));
    }

    // ---- order independence ----------------------------------------------------------------------
    private List<CanonicalCustomer> cluster() {
        return List.of(
                Member.of("crm", "1", 5).name("Anna", "Berg").email("anna@example.com").phone("4712345678", "+4712345678")
                        .address("12", "Storgata", "Oslo", "0155", "NO").birthDate("1980-05-06").consent("email", true)
                        .social("x", "anna").build(),
                Member.of("erp", "2", 5).name("Anna", "Berg").email("anna.berg@example.com").phone("x", "+4799999999")
                        .address("12", "Storgata", "Oslo", null, "NO").birthDate("1980-06-05").consent("email", false)
                        .nationalId("01018012345").build(),
                Member.of("webshop", "3", 5).name("Ana", "Berg").email("anna@example.com").email("a@example.com")
                        .address("14", "Storgata", "Oslo", "0155", "NO").birthDate("1980-06-05").consent("post", true)
                        .social("x", "anna").social("instagram", "anna.b").nationalId("01018012346").build(),
                Member.of("crm", "4", 5).name("Anne", "Borg").email("zed@example.com").phone("y", "+4711111111")
                        .consent("email", true).build(),
                Member.of("shop", "5", 5).organization("Berg AS").email("post@berg.no").build());
    }

    @Test
    void shufflingTheMembersNeverChangesTheGoldenRecord() {
        GoldenRecord expected = DEFAULTS.build("cust-1", cluster());
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            List<CanonicalCustomer> shuffled = new ArrayList<>(cluster());
            Collections.shuffle(shuffled, random);
            GoldenRecord actual = DEFAULTS.build("cust-1", shuffled);
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.fields().keySet()).containsExactlyElementsOf(expected.fields().keySet());
        }
    }

    @Test
    void membersAreListedBySourceKeyWhateverTheInputOrder() {
        List<CanonicalCustomer> reversed = new ArrayList<>(cluster());
        Collections.reverse(reversed);
        GoldenRecord golden = DEFAULTS.build("cust-1", reversed);

        assertThat(golden.members()).extracting(SourceRef::key)
                .containsExactly("crm:1", "crm:4", "erp:2", "shop:5", "webshop:3");
    }

    @Test
    void twoVersionsOfOneSourceRecordCountOnceAsTheMostRecent() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).name("Anna", "Berg"),
                Member.of("crm", "1", 2).name("Anna", "Berg"),
                Member.of("crm", "1", 9).name("Hanna", "Berg"),
                Member.of("erp", "2", 3).name("Anna", "Berg"));

        assertThat(golden.members()).containsExactly(Member.ref("crm", "1", 9), Member.ref("erp", "2", 3));
        // one vote each: most recent decides
        assertThat(golden.fields().get(GIVEN_NAME))
                .isEqualTo(new SurvivingValue("Hanna", Member.ref("crm", "1", 9), "most_recent", 2));
    }

    // ---- invalid and empty values ----------------------------------------------------------------
    @Test
    void anEmailWithoutCanonicalFormIsNeverACandidate() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).email("anna@example.com"),
                Member.of("webshop", "2", 9).invalidEmail("anna(at)example"));

        assertThat(golden.fields().get(EMAIL))
                .isEqualTo(new SurvivingValue("anna@example.com", Member.ref("crm", "1", 1), "only_value", 1));
        assertThat(golden.value(EMAILS)).isEqualTo(List.of("anna@example.com"));
    }

    @Test
    void aPhoneWithoutE164FormIsNeverACandidate() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).phone("+47 12 34 56 78", "+4712345678"),
                Member.of("webshop", "2", 9).phone("12", null).issue("phone"));

        assertThat(golden.fields().get(PHONE))
                .isEqualTo(new SurvivingValue("+4712345678", Member.ref("crm", "1", 1), "only_value", 1));
    }

    @Test
    void aValidPhoneStaysACandidateWhenItsRecordHasAPhoneIssue() {
        // e.g. "has an extension, which E.164 cannot hold": the number itself is valid
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).phone("+47 12 34 56 78", "+4712345678"),
                Member.of("webshop", "2", 9).phone("+47 99 99 99 99 ext 12", "+4799999999").issue("phone"));

        assertThat(golden.fields().get(PHONE))
                .isEqualTo(new SurvivingValue("+4799999999", Member.ref("webshop", "2", 9), "most_recent", 2));
    }

    @Test
    void aValueWhoseColumnHasAQualityIssueIsNotACandidateFromThatRecord() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).birthDate("1980-05-06"),
                Member.of("webshop", "2", 9).birthDate("2080-05-06").issue("birth_date"),
                Member.of("erp", "3", 9).nationalId("X1").issue("national_id"));

        assertThat(golden.fields().get(BIRTH_DATE))
                .isEqualTo(new SurvivingValue(LocalDate.of(1980, 5, 6), Member.ref("crm", "1", 1), "only_value", 1));
        assertThat(golden.fields()).doesNotContainKey(NATIONAL_ID);
    }

    @Test
    void aQualityIssueOnOneColumnLeavesTheOtherColumnsOfThatRecordCandidates() {
        GoldenRecord golden = build(
                Member.of("webshop", "2", 9).name("Anna", "Berg").birthDate("2080-05-06").issue("birth_date"));

        assertThat(golden.value(GIVEN_NAME)).isEqualTo("Anna");
        assertThat(golden.fields()).doesNotContainKey(BIRTH_DATE);
    }

    @Test
    void blankValuesAreNotCandidates() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).name("Anna", "Berg").employer("Berg AS"),
                Member.of("webshop", "2", 9).name("  ", "\t").employer(" "));

        assertThat(golden.fields().get(GIVEN_NAME).lineage()).isEqualTo(Member.ref("crm", "1", 1));
        assertThat(golden.fields().get(FAMILY_NAME).rule()).isEqualTo("only_value");
        assertThat(golden.fields().get(ORGANIZATION).candidates()).isEqualTo(1);
    }

    @Test
    void aFieldNoMemberStatesIsAbsent() {
        GoldenRecord golden = build(Member.of("crm", "1", 1).name("Anna", null));

        assertThat(golden.fields()).containsOnlyKeys(GIVEN_NAME, FULL_NAME);
        assertThat(golden.value(EMAIL)).isNull();
    }

    @Test
    void anAddressWithAPostcodeOrCountryIssueLosesToAnyCleanAddress() {
        PostalAddress clean = new PostalAddress("12", "Storgata", null, "Oslo", null, "0155", "NO");
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).address(clean),
                Member.of("webshop", "2", 9).address("14", "Storgata", "Oslo", "XXXX", "NO").issue("postcode"),
                Member.of("erp", "3", 8).address("16", "Storgata", "Oslo", "0155", null).issue("country"));

        assertThat(golden.fields().get(ADDRESS))
                .isEqualTo(new SurvivingValue(clean, Member.ref("crm", "1", 1), "only_value", 1));
    }

    @Test
    void anAddressWithAnIssueSurvivesWhenNoMemberHasACleanOne() {
        GoldenRecord golden = build(
                Member.of("webshop", "2", 9).address("14", "Storgata", "Oslo", "XXXX", "NO").issue("postcode"),
                Member.of("erp", "3", 8).address("16", "Storgata", "Oslo", "0155", null).issue("country"));

        assertThat(golden.fields().get(ADDRESS).lineage()).isEqualTo(Member.ref("webshop", "2", 9));
        assertThat(golden.fields().get(ADDRESS).rule()).isEqualTo("most_recent");
    }

    @Test
    void anAddressWithOnlyACountryIsEmpty() {
        GoldenRecord golden = build(Member.of("crm", "1", 1).address(null, null, null, null, "NO"));

        assertThat(golden.fields()).doesNotContainKey(ADDRESS);
    }

    // ---- whole values ----------------------------------------------------------------------------
    @Test
    void theAddressSurvivesWholeNeverMixedAcrossRecords() {
        PostalAddress recentNoPostcode = new PostalAddress("12", "Storgata", null, "Oslo", null, null, "NO");
        PostalAddress olderOtherStreet = new PostalAddress("3", "Kirkeveien", "2nd floor", "Bergen", "Vestland", "5003", "NO");

        GoldenRecord golden = build(
                Member.of("crm", "1", 9).address(recentNoPostcode),
                Member.of("erp", "2", 1).address(olderOtherStreet));

        // most recent first: the recent address wins whole, its missing postcode is not filled from the other
        assertThat(golden.value(ADDRESS)).isEqualTo(recentNoPostcode);
        assertThat(((PostalAddress) golden.value(ADDRESS)).postcode()).isNull();
    }

    @Test
    void theNationalIdSurvivesAsNationalIdAndIsMaskedWhenPrinted() {
        GoldenRecord golden = build(Member.of("erp", "1", 1).nationalId("01018012345"));

        assertThat(golden.value(NATIONAL_ID)).isEqualTo(new NationalId("01018012345"));
        assertThat(golden.toString()).doesNotContain("01018012345").contains("NationalId[");
    }

    @Test
    void theFullNameIsTheSourcesFullNameElseGivenAndFamilyJoined() {
        GoldenRecordBuilder frequent = with(FULL_NAME, FieldRule.of(Strategy.MOST_FREQUENT, Strategy.MOST_RECENT));

        GoldenRecord golden = build(frequent,
                Member.of("crm", "1", 1).name("Anna", "Berg", "Anna Berg"),
                Member.of("erp", "2", 2).name("Anna", "Berg"),
                Member.of("webshop", "3", 9).name(null, null, "Anna M. Berg"));

        assertThat(golden.fields().get(FULL_NAME).value()).isEqualTo("Anna Berg");
        assertThat(golden.fields().get(FULL_NAME).rule()).isEqualTo("most_frequent");
    }

    // ---- lists and lineage -----------------------------------------------------------------------
    @Test
    void emailsHoldEveryDistinctValidAddressWithTheSurvivingPrimaryFirst() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).email("anna@example.com").email("anna@work.example"),
                Member.of("webshop", "2", 9).invalidEmail("nope").email("anna.berg@example.com").email("anna@example.com"));

        assertThat(golden.fields().get(EMAIL))
                .isEqualTo(new SurvivingValue("anna.berg@example.com", Member.ref("webshop", "2", 9), "most_recent", 2));
        assertThat(golden.fields().get(EMAILS)).isEqualTo(new SurvivingValue(
                List.of("anna.berg@example.com", "anna@example.com", "anna@work.example"),
                Member.ref("webshop", "2", 9), "union", 4));
    }

    @Test
    void phonesAreDistinctE164WithTheLineageOfThePrimary() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 5).phone("+47 12 34 56 78", "+4712345678"),
                Member.of("erp", "2", 3).phone("12345678", "+4712345678").phone("99 99 99 99", "+4799999999"));

        assertThat(golden.fields().get(PHONE))
                .isEqualTo(new SurvivingValue("+4712345678", Member.ref("crm", "1", 5), "consensus", 2));
        assertThat(golden.fields().get(PHONES)).isEqualTo(new SurvivingValue(
                List.of("+4712345678", "+4799999999"), Member.ref("crm", "1", 5), "union", 3));
    }

    @Test
    void lineagePointsAtTheRecordEachValueCameFrom() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 9).name("Anna", "Berg").email("anna@example.com"),
                Member.of("erp", "2", 1).name("Anna", "Berg").birthDate("1980-05-06").nationalId("01018012345"),
                Member.of("webshop", "3", 5).address("12", "Storgata", "Oslo", "0155", "NO"));

        assertThat(golden.fields().get(EMAIL).lineage()).isEqualTo(Member.ref("crm", "1", 9));
        assertThat(golden.fields().get(BIRTH_DATE).lineage()).isEqualTo(Member.ref("erp", "2", 1));
        assertThat(golden.fields().get(NATIONAL_ID).lineage()).isEqualTo(Member.ref("erp", "2", 1));
        assertThat(golden.fields().get(ADDRESS).lineage()).isEqualTo(Member.ref("webshop", "3", 5));
        assertThat(golden.fields().get(GIVEN_NAME).lineage().timestamp())
                .isEqualTo(Member.ref("crm", "1", 9).timestamp());
    }

    @Test
    void socialHandlesAreTheDistinctUnionOfAllMembers() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).social("x", "anna").social("instagram", "anna.b"),
                Member.of("social", "2", 9).social("x", "anna"),
                // the normalizer dropped a rejected handle and flagged it: the accepted one still counts
                Member.of("webshop", "3", 4).social("x", "annab").issue("social_handle"));

        assertThat(golden.fields().get(SOCIAL_HANDLES)).isEqualTo(new SurvivingValue(
                List.of(new SocialHandle("instagram", "anna.b"), new SocialHandle("x", "anna"), new SocialHandle("x", "annab")),
                Member.ref("social", "2", 9), "union", 4));
    }

    @Test
    void fieldsAreInTheDocumentedOrder() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).consent("profiling", false).consent("email", true).social("x", "anna")
                        .nationalId("01018012345").birthDate("1980-05-06").address("1", "Storgata", "Oslo", "0155", "NO")
                        .phone("1", "+4712345678").email("anna@example.com").employer("Berg AS")
                        .name("Anna", "Berg", "Anna Berg"));

        assertThat(golden.fields().keySet()).containsExactly(GIVEN_NAME, FAMILY_NAME, FULL_NAME, ORGANIZATION, EMAIL,
                EMAILS, PHONE, PHONES, ADDRESS, BIRTH_DATE, NATIONAL_ID, SOCIAL_HANDLES, CONSENTS,
                "consents.email", "consents.profiling");
    }

    @Test
    void theExampleInTheDocsHolds() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 9).name("Anna", "Berg").email("anna@example.com")
                        .address("12", "Storgata", "Oslo", null, "NO").consent("email", true),
                Member.of("erp", "2", 1).name("Anna", "Berg").birthDate("1980-05-06"),
                Member.of("webshop", "3", 5).name("Ana", "Berg").email("a.berg@example.com").email("anna@example.com")
                        .address("12", "Storgata", "Oslo", "0155", "NO").issue("postcode")
                        .birthDate("1980-06-05").issue("birth_date").consent("email", false));

        SourceRef crm = Member.ref("crm", "1", 9);
        assertThat(golden.fields().get(GIVEN_NAME)).isEqualTo(new SurvivingValue("Anna", crm, "most_frequent", 3));
        assertThat(golden.fields().get(FAMILY_NAME)).isEqualTo(new SurvivingValue("Berg", crm, "consensus", 3));
        assertThat(golden.fields().get(EMAIL)).isEqualTo(new SurvivingValue("anna@example.com", crm, "most_recent", 2));
        assertThat(golden.fields().get(EMAILS))
                .isEqualTo(new SurvivingValue(List.of("anna@example.com", "a.berg@example.com"), crm, "union", 3));
        assertThat(golden.fields().get(ADDRESS)).isEqualTo(new SurvivingValue(
                new PostalAddress("12", "Storgata", null, "Oslo", null, null, "NO"), crm, "only_value", 1));
        assertThat(golden.fields().get(BIRTH_DATE)).isEqualTo(
                new SurvivingValue(LocalDate.of(1980, 5, 6), Member.ref("erp", "2", 1), "only_value", 1));
        assertThat(golden.fields().get("consents.email"))
                .isEqualTo(new SurvivingValue(new Consent("email", true), crm, "most_recent", 2));
    }

    // ---- consents --------------------------------------------------------------------------------
    @Test
    void eachPurposeTakesItsMostRecentStatement() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).consent("email", true).consent("profiling", true),
                Member.of("webshop", "2", 9).consent("email", false),
                Member.of("erp", "3", 5).consent("post", true));

        assertThat(golden.fields().get("consents.email"))
                .isEqualTo(new SurvivingValue(new Consent("email", false), Member.ref("webshop", "2", 9), "most_recent", 2));
        assertThat(golden.fields().get("consents.profiling"))
                .isEqualTo(new SurvivingValue(new Consent("profiling", true), Member.ref("crm", "1", 1), "only_value", 1));
        assertThat(golden.fields().get(CONSENTS)).isEqualTo(new SurvivingValue(
                List.of(new Consent("email", false), new Consent("post", true), new Consent("profiling", true)),
                Member.ref("webshop", "2", 9), "most_recent", 4));
    }

    @Test
    void aRefusalWinsOverAGrantStatedAtTheSameInstant() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 4).consent("email", true),
                Member.of("erp", "2", 4).consent("email", false));

        assertThat(golden.fields().get("consents.email"))
                .isEqualTo(new SurvivingValue(new Consent("email", false), Member.ref("erp", "2", 4), "refusal_wins_tie", 2));
    }

    @Test
    void purposesMatchIgnoringCase() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).consent("Email", true),
                Member.of("erp", "2", 3).consent("email", true));

        assertThat(golden.fields().get("consents.email"))
                .isEqualTo(new SurvivingValue(new Consent("email", true), Member.ref("erp", "2", 3), "consensus", 2));
    }

    // ---- party types -----------------------------------------------------------------------------
    @Test
    void allOrganizationsMakeAnOrganization() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).organization("Berg AS"),
                Member.of("erp", "2", 2).organization("BERG AS"));

        assertThat(golden.type()).isEqualTo(PartyType.ORGANIZATION);
        assertThat(golden.fields().get(ORGANIZATION).rule()).isEqualTo("consensus");
    }

    @Test
    void anyPersonMemberMakesAPerson() {
        GoldenRecord golden = build(
                Member.of("crm", "1", 1).organization("Berg AS"),
                Member.of("erp", "2", 2).name("Anna", "Berg").employer("Berg AS"));

        assertThat(golden.type()).isEqualTo(PartyType.PERSON);
    }

    // ---- contract --------------------------------------------------------------------------------
    @Test
    void buildDoesNotModifyTheMembersCollection() {
        List<CanonicalCustomer> members = new ArrayList<>(List.of(
                Member.of("webshop", "2", 9).email("b@example.com").build(),
                Member.of("crm", "1", 1).email("a@example.com").build()));
        List<CanonicalCustomer> before = List.copyOf(members);

        DEFAULTS.build("cust-1", members);

        assertThat(members).containsExactlyElementsOf(before);
    }

    @Test
    void aGoldenRecordNeedsAtLeastOneMember() {
        assertThatThrownBy(() -> DEFAULTS.build("cust-1", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theGoldenRecordCarriesTheCustomerId() {
        assertThat(build(Member.of("crm", "1", 1)).customerId()).isEqualTo("cust-1");
    }

    @Test
    void theFieldsOfAGoldenRecordCannotBeChanged() {
        GoldenRecord golden = build(Member.of("crm", "1", 1).name("Anna", "Berg"));

        assertThatThrownBy(() -> golden.fields().remove(GIVEN_NAME)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> golden.members().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
