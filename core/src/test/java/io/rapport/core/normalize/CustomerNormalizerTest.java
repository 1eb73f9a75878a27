package io.rapport.core.normalize;

import static io.rapport.core.normalize.NormalizerFixtures.RECEIVED_AT;
import static io.rapport.core.normalize.NormalizerFixtures.fieldsWithIssues;
import static io.rapport.core.normalize.NormalizerFixtures.normalize;
import static io.rapport.core.normalize.NormalizerFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.customer.SourceName;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.Consent;
import io.rapport.core.party.EmailAddress;
import io.rapport.core.party.NationalId;
import io.rapport.core.party.PartyType;
import io.rapport.core.party.PersonName;
import io.rapport.core.party.PhoneNumber;
import io.rapport.core.party.PostalAddress;
import io.rapport.core.party.QualityIssue;
import io.rapport.core.party.SocialHandle;
import io.rapport.core.party.SourceRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CustomerNormalizerTest {

    @Test
    void aCompleteRecordBecomesACanonicalCustomer() {
        CanonicalCustomer customer = normalize("NO",
                "given_name", "  Åse ", "family_name", "Ødegård", "full_name", "Åse Ødegård",
                "email", " Ase.Odegard@Example.NO ", "email_verified", "yes",
                "phone", "912 34 567", "street_number", "12B", "street", "Storgata", "address_line2", "H0201",
                "locality", "Oslo", "region", "Oslo", "postcode", "0155", "country", "Norge",
                "birth_date", "12.03.1985", "national_id", "010185 12345", "social_handle", "@AseO",
                "consent_email", "y", "source_updated_at", "2025-05-30T08:00:00Z", "loyalty_tier", "gold");

        assertThat(customer.modelVersion()).isEqualTo(CanonicalCustomer.MODEL_VERSION);
        assertThat(customer.source()).isEqualTo(new SourceRef(SourceName.of("crm"), "c-1", Instant.parse("2025-05-30T08:00:00Z")));
        assertThat(customer.type()).isEqualTo(PartyType.PERSON);
        assertThat(customer.name()).isEqualTo(new PersonName("Åse", "Ødegård", "Åse Ødegård"));
        assertThat(customer.emails()).containsExactly(new EmailAddress("Ase.Odegard@Example.NO", "ase.odegard@example.no", true));
        assertThat(customer.phones()).containsExactly(new PhoneNumber("912 34 567", "+4791234567"));
        assertThat(customer.address()).isEqualTo(new PostalAddress("12B", "Storgata", "H0201", "Oslo", "Oslo", "0155", "NO"));
        assertThat(customer.birthDate()).isEqualTo(LocalDate.of(1985, 3, 12));
        assertThat(customer.nationalId()).isEqualTo(new NationalId("01018512345"));
        assertThat(customer.socialHandles()).containsExactly(new SocialHandle("x", "aseo"));
        assertThat(customer.consents()).containsExactly(new Consent("email", true));
        assertThat(customer.attributes()).containsExactly(Map.entry("loyalty_tier", "gold"));
        assertThat(customer.qualityIssues()).isEmpty();
    }

    @Test
    void displayValuesKeepTheirSpellingAndOnlyLoseSurroundingWhitespace() {
        CanonicalCustomer customer = normalize(null, "full_name", " \tMcDONALD-o'Brien,  Seán\u00a0",
                "organization", " ACME  GmbH ", "street", "  rue de l'Église ", "locality", "SAINT-ÉTIENNE ");

        assertThat(customer.name().full()).isEqualTo("McDONALD-o'Brien,  Seán");
        assertThat(customer.organization()).isEqualTo("ACME  GmbH");
        assertThat(customer.address().street()).isEqualTo("rue de l'Église");
        assertThat(customer.address().locality()).isEqualTo("SAINT-ÉTIENNE");
    }

    @Test
    void blankDisplayValuesAreAbsent() {
        CanonicalCustomer customer = normalize(null, "given_name", "   ", "family_name", "Doe", "street", "\t");

        assertThat(customer.name()).isEqualTo(new PersonName(null, "Doe", null));
        assertThat(customer.address().street()).isNull();
        assertThat(customer.qualityIssues()).isEmpty();
    }

    @Test
    void anOrganizationWithoutAPersonNameIsAnOrganization() {
        assertThat(normalize(null, "organization", "Acme AS").type()).isEqualTo(PartyType.ORGANIZATION);
    }

    @Test
    void anOrganizationWithAPersonNameIsAPersonWorkingThere() {
        assertThat(normalize(null, "organization", "Acme AS", "family_name", "Doe").type()).isEqualTo(PartyType.PERSON);
        assertThat(normalize(null, "organization", "Acme AS", "full_name", "Jo Doe").type()).isEqualTo(PartyType.PERSON);
    }

    @Test
    void aRecordWithNeitherIsAPerson() {
        assertThat(normalize(null, "email", "a@example.com").type()).isEqualTo(PartyType.PERSON);
    }

    @Test
    void unknownColumnsAreKeptAsAttributesUnchanged() {
        CanonicalCustomer customer = normalize(null, "Loyalty_Tier", " Gold ", "segment", "B2C", "email", "a@example.com");

        assertThat(customer.attributes()).containsOnly(Map.entry("Loyalty_Tier", " Gold "), Map.entry("segment", "B2C"));
    }

    @Test
    void specialColumnsAreConsumedAndNotAttributes() {
        CanonicalCustomer customer = normalize(null, "email", "a@example.com", "email_verified", "1",
                "consent_email", "yes", "Consent_SMS", "no", "source_updated_at", "2025-01-01", "updated_at", "2024-01-01",
                "source_id", "c-1");

        assertThat(customer.attributes()).isEmpty();
        assertThat(customer.consents()).containsExactly(new Consent("email", true), new Consent("sms", false));
        assertThat(customer.source().timestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void consentValuesAcceptTheCommonYesNoSpellings() {
        CanonicalCustomer customer = normalize(null, "consent_a", "TRUE", "consent_b", "false", "consent_c", "Y",
                "consent_d", "n", "consent_e", "1", "consent_f", "0", "consent_g", "Yes", "consent_h", "NO");

        assertThat(customer.consents()).extracting(Consent::granted)
                .containsExactly(true, false, true, false, true, false, true, false);
    }

    @Test
    void anUnreadableConsentIsAQualityIssueAndNoConsent() {
        CanonicalCustomer customer = normalize(null, "consent_email", "maybe", "consent_post", "yes");

        assertThat(customer.consents()).containsExactly(new Consent("post", true));
        assertThat(customer.qualityIssues()).extracting(QualityIssue::field).containsExactly("consent_email");
    }

    @Test
    void aBlankConsentIsUnknownNotAQualityIssue() {
        CanonicalCustomer customer = normalize(null, "consent_email", "  ");

        assertThat(customer.consents()).isEmpty();
        assertThat(customer.qualityIssues()).isEmpty();
        assertThat(customer.attributes()).isEmpty();
    }

    @Test
    void emailsAreVerifiedOnlyWhenEmailVerifiedIsATrueValue() {
        assertThat(normalize(null, "email", "a@example.com", "email_verified", "true").emails().get(0).verified()).isTrue();
        assertThat(normalize(null, "email", "a@example.com", "email_verified", "no").emails().get(0).verified()).isFalse();
        assertThat(normalize(null, "email", "a@example.com").emails().get(0).verified()).isFalse();
    }

    @Test
    void anUnreadableEmailVerifiedIsAQualityIssueAndTheEmailIsNotVerified() {
        CanonicalCustomer customer = normalize(null, "email", "a@example.com", "email_verified", "checked");

        assertThat(customer.emails()).containsExactly(new EmailAddress("a@example.com", "a@example.com", false));
        assertThat(fieldsWithIssues(customer)).containsExactly("email_verified");
    }

    @Test
    void withoutASourceTimestampTheTimeOfReceiptIsUsed() {
        assertThat(normalize(null, "email", "a@example.com").source().timestamp()).isEqualTo(RECEIVED_AT);
    }

    @Test
    void sourceTimestampsAcceptInstantsOffsetsLocalDateTimesAsUtcAndDates() {
        assertThat(normalize(null, "updated_at", "2025-05-01T10:15:30Z").source().timestamp())
                .isEqualTo(Instant.parse("2025-05-01T10:15:30Z"));
        assertThat(normalize(null, "updated_at", "2025-05-01T12:15:30+02:00").source().timestamp())
                .isEqualTo(Instant.parse("2025-05-01T10:15:30Z"));
        assertThat(normalize(null, "updated_at", "2025-05-01T10:15:30").source().timestamp())
                .isEqualTo(Instant.parse("2025-05-01T10:15:30Z"));
        assertThat(normalize(null, "updated_at", "2025-05-01 10:15:30").source().timestamp())
                .isEqualTo(Instant.parse("2025-05-01T10:15:30Z"));
        assertThat(normalize(null, "updated_at", "2025-05-01").source().timestamp())
                .isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
    }

    @Test
    void sourceUpdatedAtWinsOverUpdatedAt() {
        assertThat(normalize(null, "updated_at", "2020-01-01", "source_updated_at", "2021-01-01").source().timestamp())
                .isEqualTo(Instant.parse("2021-01-01T00:00:00Z"));
    }

    @Test
    void anUnreadableSourceTimestampIsAQualityIssueAndTheTimeOfReceiptIsUsed() {
        CanonicalCustomer customer = normalize(null, "source_updated_at", "last tuesday", "family_name", "Doe");

        assertThat(customer.source().timestamp()).isEqualTo(RECEIVED_AT);
        assertThat(fieldsWithIssues(customer)).containsExactly("source_updated_at");
        assertThat(customer.name().family()).isEqualTo("Doe");
    }

    @Test
    void anUnknownCountryIsAQualityIssueAndTheDefaultRegionStillReadsNationalPhones() {
        CanonicalCustomer customer = normalize("NO", "country", "Atlantis", "phone", "91234567", "postcode", "ABC");

        assertThat(customer.address().country()).isNull();
        assertThat(customer.phones()).containsExactly(new PhoneNumber("91234567", "+4791234567"));
        // the postcode is not checked against a country the record may not be in
        assertThat(customer.address().postcode()).isEqualTo("ABC");
        assertThat(fieldsWithIssues(customer)).containsExactly("country");
    }

    @Test
    void anAbsentCountryIsTheDefaultRegion() {
        assertThat(normalize("AU", "locality", "Perth").address().country()).isEqualTo("AU");
        assertThat(normalize(null, "locality", "Perth").address().country()).isNull();
    }

    @Test
    void theRecordsCountryOverridesTheDefaultRegionForPhonesAndPostcodes() {
        CanonicalCustomer customer = normalize("NO", "country", "Germany", "phone", "030 1234567", "postcode", "10115");

        assertThat(customer.address().country()).isEqualTo("DE");
        assertThat(customer.phones()).containsExactly(new PhoneNumber("030 1234567", "+49301234567"));
        assertThat(customer.qualityIssues()).isEmpty();
    }

    @Test
    void aPhoneInTheRecordsCountrysNationalFormatIsNoIssueWhateverTheDefaultRegion() {
        CanonicalCustomer customer = normalize("NO", "country", "United Kingdom", "phone", "020 7946 0018");

        assertThat(customer.phones()).containsExactly(new PhoneNumber("020 7946 0018", "+442079460018"));
        assertThat(customer.qualityIssues()).isEmpty();
    }

    @Test
    void aPhoneNotValidInTheRecordsCountryIsReadInTheDefaultRegionBeforeItIsFlagged() {
        CanonicalCustomer abroad = normalize("NO", "country", "United Kingdom", "phone", "912 34 567");
        assertThat(abroad.phones()).containsExactly(new PhoneNumber("912 34 567", "+4791234567"));
        assertThat(abroad.qualityIssues()).isEmpty();

        CanonicalCustomer nowhere = normalize("NO", "country", "United Kingdom", "phone", "12");
        assertThat(nowhere.phones()).containsExactly(new PhoneNumber("12", null));
        assertThat(fieldsWithIssues(nowhere)).containsExactly("phone");
    }

    @Test
    void aPlaceholderNationalIdIsAQualityIssueNotAnIdentifier() {
        CanonicalCustomer customer = normalize("NO", "national_id", "000000000", "given_name", "Kari");

        assertThat(customer.nationalId()).isNull();
        assertThat(fieldsWithIssues(customer)).containsExactly("national_id");
        assertThat(normalize("NO", "national_id", "111 111 111 11").nationalId()).isNull();
    }

    @Test
    void impossibleDateIsAQualityIssueAndTheRestStillNormalizes() {
        CanonicalCustomer customer = normalize("NO", "given_name", "Kari", "birth_date", "30.02.1990",
                "email", "kari@example.no", "phone", "+47 912 34 567");

        assertThat(customer.birthDate()).isNull();
        assertThat(customer.qualityIssues()).containsExactly(new QualityIssue("birth_date", "not a calendar date"));
        assertThat(customer.name().given()).isEqualTo("Kari");
        assertThat(customer.emails()).extracting(EmailAddress::canonical).containsExactly("kari@example.no");
        assertThat(customer.phones()).extracting(PhoneNumber::e164).containsExactly("+4791234567");
    }

    @Test
    void everyBadValueIsAQualityIssueOnItsColumnAndTheRecordStillNormalizes() {
        CanonicalCustomer customer = normalize("US", "family_name", "Doe", "email", "doe-at-example.com",
                "phone", "12", "postcode", "ABCDE", "country", "Nowhereland", "birth_date", "31/31/1999",
                "national_id", "12", "social_handle", "bad handle!", "consent_email", "perhaps",
                "email_verified", "checked", "updated_at", "yesterday");

        assertThat(fieldsWithIssues(customer)).containsExactlyInAnyOrder("email", "phone", "country", "birth_date",
                "national_id", "social_handle", "consent_email", "email_verified", "updated_at");
        assertThat(customer.name().family()).isEqualTo("Doe");
        assertThat(customer.emails()).containsExactly(new EmailAddress("doe-at-example.com", null, false));
        assertThat(customer.phones()).containsExactly(new PhoneNumber("12", null));
        assertThat(customer.address().postcode()).isEqualTo("ABCDE");
    }

    @Test
    void qualityIssueReasonsNeverContainTheRawValue() {
        List<String> values = List.of("zzsecret-mail@@example.com", "+4799zz123", "ZZ9 Q", "Zzyzxland",
                "1999-13-45", "ZZ-1", "zz handle!", "zzmaybe", "zzsometime", "zzchecked", "31/02/2001");
        CanonicalCustomer customer = normalize("GB", "email", values.get(0), "phone", values.get(1),
                "postcode", values.get(2), "country", values.get(3), "birth_date", values.get(4),
                "national_id", values.get(5), "social_handle", values.get(6), "consent_zz", values.get(7),
                "updated_at", values.get(8), "email_verified", values.get(9));
        CanonicalCustomer more = normalize("GB", "birth_date", values.get(10), "phone", "0zz7700 900zz;abc",
                "email", "a b@example.com;x@y", "social_handle", "https://example.com/zzuser;facebook:zz user;myspace:zzx");

        List<QualityIssue> issues = new ArrayList<>(customer.qualityIssues());
        issues.addAll(more.qualityIssues());
        assertThat(issues).hasSizeGreaterThanOrEqualTo(15);
        for (QualityIssue issue : issues) {
            assertThat(issue.reason()).doesNotContainIgnoringCase("zz").doesNotContain("@example").doesNotContain("1999")
                    .doesNotContain("2001").doesNotContain("handle!");
        }
    }

    @Test
    void nullArgumentsAreProgrammingErrors() {
        CustomerNormalizer normalizer = new CustomerNormalizer(NormalizationSettings.withoutDefaultRegion());

        assertThatThrownBy(() -> normalizer.normalize(null, RECEIVED_AT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> normalizer.normalize(record(), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CustomerNormalizer(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anEmptyRecordNormalizesToAnEmptyPerson() {
        CanonicalCustomer customer = normalize(null);

        assertThat(customer.type()).isEqualTo(PartyType.PERSON);
        assertThat(customer.name().isEmpty()).isTrue();
        assertThat(customer.address().isEmpty()).isTrue();
        assertThat(customer.qualityIssues()).isEmpty();
    }

    @Test
    void oneNormalizerServesManyThreadsWithTheSameResults() throws Exception {
        CustomerNormalizer normalizer = new CustomerNormalizer(new NormalizationSettings("NO"));
        List<io.rapport.core.customer.SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            records.add(record("given_name", "Person " + i, "email", "p" + i + "@example.no",
                    "phone", "9" + (1000000 + i), "birth_date", (1 + i % 28) + ".03.1980", "country", i % 2 == 0 ? "NO" : "Sverige",
                    "postcode", i % 2 == 0 ? "0155" : "123 45"));
        }
        List<CanonicalCustomer> expected = records.stream().map(r -> normalizer.normalize(r, RECEIVED_AT)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<CanonicalCustomer>>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> records.stream().map(r -> normalizer.normalize(r, RECEIVED_AT)).toList()));
            }
            for (Future<List<CanonicalCustomer>> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

}
