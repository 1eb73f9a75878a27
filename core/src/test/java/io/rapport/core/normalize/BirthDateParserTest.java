package io.rapport.core.normalize;

import static io.rapport.core.normalize.NormalizerFixtures.RECEIVED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.party.QualityIssue;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BirthDateParserTest {

    private static final LocalDate MARCH_12_1985 = LocalDate.of(1985, 3, 12);

    private final BirthDateParser parser = new BirthDateParser();
    private final Issues issues = new Issues();

    private LocalDate parse(String raw, String region) {
        return parser.parse(raw, region, RECEIVED_AT, "birth_date", issues);
    }

    @Test
    void isoDatesAlsoWithATimePart() {
        assertThat(parse("1985-03-12", "NO")).isEqualTo(MARCH_12_1985);
        assertThat(parse("1985-03-12T00:00:00", "NO")).isEqualTo(MARCH_12_1985);
        assertThat(parse("1985-03-12T00:00:00.000+01:00", "NO")).isEqualTo(MARCH_12_1985);
        assertThat(parse("1985-03-12 23:30:00Z", "NO")).isEqualTo(MARCH_12_1985);
        assertThat(issues.toList()).isEmpty();
    }

    @Test
    void compactDottedAndDashedDates() {
        assertThat(parse("19850312", null)).isEqualTo(MARCH_12_1985);
        assertThat(parse("12.03.1985", null)).isEqualTo(MARCH_12_1985);
        assertThat(parse("12.3.1985", null)).isEqualTo(MARCH_12_1985);
        assertThat(parse("12-03-1985", null)).isEqualTo(MARCH_12_1985);
        // dots and dashes are day first even in the US
        assertThat(parse("12-03-1985", "US")).isEqualTo(MARCH_12_1985);
    }

    @Test
    void englishMonthNames() {
        assertThat(parse("12 March 1985", null)).isEqualTo(MARCH_12_1985);
        assertThat(parse("March 12, 1985", null)).isEqualTo(MARCH_12_1985);
        assertThat(parse("12th Mar 1985", null)).isEqualTo(MARCH_12_1985);
        assertThat(parse("Mar. 12 1985", null)).isEqualTo(MARCH_12_1985);
        assertThat(parse("12-MAR-1985", null)).isEqualTo(MARCH_12_1985);
        assertThat(parse("1 Sept 1985", null)).isEqualTo(LocalDate.of(1985, 9, 1));
    }

    @Test
    void ambiguousSlashDatesAreMonthFirstInTheUs() {
        assertThat(parse("03/12/1985", "US")).isEqualTo(MARCH_12_1985);
    }

    @Test
    void ambiguousSlashDatesAreDayFirstOutsideTheUsAndWithoutRegion() {
        assertThat(parse("12/03/1985", "GB")).isEqualTo(MARCH_12_1985);
        assertThat(parse("12/03/1985", "AU")).isEqualTo(MARCH_12_1985);
        assertThat(parse("12/03/1985", null)).isEqualTo(MARCH_12_1985);
    }

    @Test
    void aSlashDateWhoseFirstNumberIsAbove12IsDayFirstEvenInTheUs() {
        assertThat(parse("25/03/1985", "US")).isEqualTo(LocalDate.of(1985, 3, 25));
    }

    @Test
    void aSlashDateWhoseSecondNumberIsAbove12IsMonthFirstEvenOutsideTheUs() {
        assertThat(parse("03/25/1985", "NO")).isEqualTo(LocalDate.of(1985, 3, 25));
    }

    @Test
    void fullWidthDigitsAreReadAsDigits() {
        assertThat(parse("１９８５-０３-１２", null)).isEqualTo(MARCH_12_1985);
    }

    @Test
    void impossibleDatesAreQualityIssues() {
        assertThat(parse("30.02.1990", null)).isNull();
        assertThat(parse("1990-13-01", null)).isNull();
        assertThat(parse("00.01.1990", null)).isNull();
        assertThat(parse("29.02.1991", null)).isNull();
        assertThat(parse("31/31/1990", "US")).isNull();
        assertThat(issues.toList()).hasSize(5).allMatch(issue -> issue.reason().equals("not a calendar date"));
        assertThat(parse("29.02.1992", null)).isEqualTo(LocalDate.of(1992, 2, 29));
    }

    @Test
    void aDateAfterTheDayOfReceiptIsAQualityIssue() {
        assertThat(parse("2025-06-03", null)).isNull();
        assertThat(issues.toList()).containsExactly(new QualityIssue("birth_date", "in the future"));
    }

    @Test
    void theDayOfReceiptItselfIsAccepted() {
        assertThat(parse("2025-06-01", null)).isEqualTo(LocalDate.of(2025, 6, 1));
    }

    @Test
    void aDateBefore1880IsAQualityIssue() {
        assertThat(parse("1879-12-31", null)).isNull();
        assertThat(parse("1880-01-01", null)).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(issues.toList()).containsExactly(new QualityIssue("birth_date", "before 1880"));
    }

    @Test
    void otherFormatsAreQualityIssues() {
        assertThat(parse("12 Mars 1985", null)).isNull();
        assertThat(parse("85-03-12", null)).isNull();
        assertThat(parse("12/03/85", null)).isNull();
        assertThat(parse("yesterday", null)).isNull();
        assertThat(parse("1985-03-12 lunchtime", null)).isNull();
        assertThat(issues.toList()).hasSize(5);
    }

    @Test
    void theRecordsCountryDecidesSlashDates() {
        assertThat(NormalizerFixtures.normalize("NO", "country", "USA", "birth_date", "03/12/1985").birthDate())
                .isEqualTo(MARCH_12_1985);
        assertThat(NormalizerFixtures.normalize("US", "country", "Norway", "birth_date", "12/03/1985").birthDate())
                .isEqualTo(MARCH_12_1985);
        assertThat(NormalizerFixtures.normalize("US", "birth_date", "03/12/1985").birthDate()).isEqualTo(MARCH_12_1985);
    }
}
