package io.rapport.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.party.PhoneNumber;
import io.rapport.core.party.QualityIssue;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneNormalizerTest {

    private final PhoneNormalizer normalizer = new PhoneNormalizer();
    private final Issues issues = new Issues();

    private List<PhoneNumber> normalize(String raw, String region) {
        return normalizer.normalize(raw, region, "phone", issues);
    }

    private String e164(String raw, String region) {
        return normalize(raw, region).get(0).e164();
    }

    @Test
    void phoneInNationalFormatBecomesE164WithTheDefaultRegion() {
        assertThat(normalize("912 34 567", "NO")).containsExactly(new PhoneNumber("912 34 567", "+4791234567"));
        assertThat(e164("(02) 9374 4000", "AU")).isEqualTo("+61293744000");
        assertThat(e164("0412 345 678", "AU")).isEqualTo("+61412345678");
        assertThat(e164("(201) 555-0123", "US")).isEqualTo("+12015550123");
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void numbersStartingWithPlusOrDoubleZeroAreInternationalWhateverTheRegion() {
        assertThat(e164("+47 912 34 567", "US")).isEqualTo("+4791234567");
        assertThat(e164("0047 912 34 567", "US")).isEqualTo("+4791234567");
        assertThat(e164("0047 912 34 567", null)).isEqualTo("+4791234567");
        assertThat(e164("+61 2 9374 4000", null)).isEqualTo("+61293744000");
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void theRegionsOwnInternationalPrefixIsUnderstoodToo() {
        assertThat(e164("0011 47 912 34 567", "AU")).isEqualTo("+4791234567");
        assertThat(e164("011 47 912 34 567", "US")).isEqualTo("+4791234567");
    }

    @Test
    void fullWidthDigitsAreReadAsDigits() {
        assertThat(e164("＋４７ ９１２ ３４ ５６７", null)).isEqualTo("+4791234567");
    }

    @Test
    void severalNumbersAreSeparatedBySemicolons() {
        assertThat(normalize("912 34 567; +46 8 123 456 78;", "NO")).extracting(PhoneNumber::e164)
                .containsExactly("+4791234567", "+46812345678");
    }

    @Test
    void anInvalidNationalNumberIsKeptWithoutE164AndFlaggedWithTheRegion() {
        assertThat(normalize("123", "NO")).containsExactly(new PhoneNumber("123", null));
        assertThat(issues.toList()).containsExactly(new QualityIssue("phone", "not a valid number for region NO"));
    }

    @Test
    void aNationalNumberWithoutARegionCannotBeInterpreted() {
        assertThat(normalize("91234567", null)).containsExactly(new PhoneNumber("91234567", null));
        assertThat(issues.toList()).containsExactly(new QualityIssue("phone", "no region to interpret a national number"));
    }

    @Test
    void anInvalidInternationalNumberIsFlagged() {
        assertThat(e164("+47 123", "NO")).isNull();
        assertThat(issues.toList()).containsExactly(new QualityIssue("phone", "not a valid international number"));
    }

    @Test
    void textThatIsNoNumberIsFlagged() {
        assertThat(normalize("unknown", "NO")).containsExactly(new PhoneNumber("unknown", null));
        assertThat(issues.toList()).containsExactly(new QualityIssue("phone", "not a phone number: no digits"));
    }

    @Test
    void anInvalidNumberAmongSeveralIsNamedByItsPosition() {
        assertThat(normalize("+4791234567;555", "NO")).extracting(PhoneNumber::valid).containsExactly(true, false);
        assertThat(issues.toList()).containsExactly(new QualityIssue("phone", "entry 2 of 2: not a valid number for region NO"));
    }

    @Test
    void anExtensionIsFlaggedBecauseE164CannotHoldIt() {
        assertThat(normalize("+1 201 555 0123 ext. 42", null))
                .containsExactly(new PhoneNumber("+1 201 555 0123 ext. 42", "+12015550123"));
        assertThat(issues.toList()).extracting(QualityIssue::reason).singleElement().asString().contains("extension");
    }

    @Test
    void aNationalNumberOfTheRecordsCountryIsReadThereWhateverTheDefaultRegion() {
        // a British customer of a Norwegian hub: the address country says how to read 020 ...
        assertThat(normalizer.normalize("020 7946 0018", "GB", "NO", "phone", issues)).extracting(PhoneNumber::e164)
                .containsExactly("+442079460018");
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void aNumberInvalidForTheRecordsCountryIsTriedInTheDefaultRegion() {
        // a customer abroad who kept a number from home, in the hub's national format
        assertThat(normalizer.normalize("912 34 567", "GB", "NO", "phone", issues)).extracting(PhoneNumber::e164)
                .containsExactly("+4791234567");
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void aNumberValidInNeitherRegionIsFlaggedNamingBoth() {
        assertThat(normalizer.normalize("123", "GB", "NO", "phone", issues)).containsExactly(new PhoneNumber("123", null));
        assertThat(issues.toList()).extracting(QualityIssue::reason)
                .containsExactly("not a valid number for region GB or NO");
    }

    @Test
    void noRegionBeyondTheRecordsCountryAndTheDefaultIsGuessed() {
        // valid in Great Britain, but the record is German and the hub Norwegian
        assertThat(normalizer.normalize("020 7946 0018", "DE", "NO", "phone", issues)).extracting(PhoneNumber::e164)
                .containsOnlyNulls();
        assertThat(issues.toList()).hasSize(1);
        // without a country of its own the default region alone reads it
        assertThat(normalizer.normalize("020 7946 0018", null, "NO", "phone", new Issues()))
                .extracting(PhoneNumber::e164).containsOnlyNulls();
    }
}
