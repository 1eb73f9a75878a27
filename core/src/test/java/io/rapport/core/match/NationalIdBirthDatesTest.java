package io.rapport.core.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NationalIdBirthDatesTest {

    @Test
    void aNorwegianFodselsnummerStatesTheFullBirthDate() {
        assertThat(NationalIdBirthDates.birthDate("05097919013")).isEqualTo(19790905);
        // D-number: day + 40, same check digits
        assertThat(NationalIdBirthDates.birthDate(dNumber("05097919013"))).satisfiesAnyOf(
                d -> assertThat(d).isEqualTo(19790905), d -> assertThat(d).isZero());
    }

    @Test
    void aNorwegianNumberWithAWrongCheckDigitStatesNothing() {
        assertThat(NationalIdBirthDates.birthDate("05097919014")).isZero();
        assertThat(NationalIdBirthDates.birthDate("05097919103")).isZero();
    }

    @Test
    void theNorwegianCenturyFollowsFromTheIndividualNumber() {
        // individual number 500-999 with year 00-39: born in the 2000s
        assertThat(NationalIdBirthDates.birthDate(norwegian("150310", 512))).isEqualTo(20100315);
        assertThat(NationalIdBirthDates.birthDate(norwegian("150310", 312))).isEqualTo(19100315);
    }

    @Test
    void aSwedishPersonnummerStatesTheDateWithoutCenturyOrWithItInTheLongForm() {
        String tenDigits = swedish("900102", "844");
        assertThat(NationalIdBirthDates.birthDate(tenDigits)).isEqualTo(900102);
        assertThat(NationalIdBirthDates.birthDate("19" + tenDigits)).isEqualTo(19900102);
        // samordningsnummer: day + 60
        assertThat(NationalIdBirthDates.birthDate(swedish("900162", "844"))).isEqualTo(900102);
        assertThat(NationalIdBirthDates.birthDate(tenDigits.substring(0, 9) + ((tenDigits.charAt(9) - '0' + 1) % 10)))
                .isZero();
    }

    @Test
    void aFrenchNirStatesYearAndMonth() {
        assertThat(NationalIdBirthDates.birthYearMonth("270045169301161")).isEqualTo(7004);
        assertThat(NationalIdBirthDates.birthYearMonth("270045169301162")).isEqualTo(-1);
        assertThat(NationalIdBirthDates.birthDate("270045169301161")).isZero();
    }

    @Test
    void otherIdsStateNoBirthDate() {
        assertThat(NationalIdBirthDates.birthDate("AB123456C")).isZero();   // British NINO
        assertThat(NationalIdBirthDates.birthDate("123456789")).isZero();   // US SSN
        assertThat(NationalIdBirthDates.birthDate("5304218")).isZero();     // FEBRL soc_sec_id
        assertThat(NationalIdBirthDates.birthDate(null)).isZero();
        assertThat(NationalIdBirthDates.birthYearMonth(null)).isEqualTo(-1);
    }

    /** A valid fødselsnummer for a ddmmyy date and an individual number (the next one with valid check digits). */
    static String norwegian(String ddmmyy, int individual) {
        int[] k1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] k2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        for (int i = individual; ; i++) {
            String nine = ddmmyy + String.format("%03d", i);
            int c1 = mod11(nine, k1);
            if (c1 == 10) {
                continue;
            }
            int c2 = mod11(nine + c1, k2);
            if (c2 == 10) {
                continue;
            }
            return nine + c1 + c2;
        }
    }

    private static String dNumber(String fnr) {
        String nine = (char) (fnr.charAt(0) + 4) + fnr.substring(1, 9);
        return norwegian(nine.substring(0, 6), Integer.parseInt(nine.substring(6, 9)));
    }

    private static int mod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k;
    }

    /** A valid 10-digit personnummer: yymmdd, serial, Luhn check digit. */
    static String swedish(String yymmdd, String serial) {
        String nine = yymmdd + serial;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return nine + (10 - sum % 10) % 10;
    }
}
