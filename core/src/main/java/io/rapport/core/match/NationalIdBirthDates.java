package io.rapport.core.match;

/**
 * The birth date that a national identifier states, for the schemes that encode it and carry check digits, so
 * that an id recognised here is very unlikely to be another scheme's number or a typo:
 *
 * <ul>
 *   <li>Norwegian fødselsnummer (and D-number): 11 digits {@code DDMMYYIIIKK}, both mod-11 check digits; the
 *       century follows from the individual number {@code III};</li>
 *   <li>Swedish personnummer (and samordningsnummer): 10 digits {@code YYMMDDNNNC} or 12 digits
 *       {@code YYYYMMDDNNNC}, Luhn check digit; the 10-digit form does not say the century;</li>
 *   <li>French NIR (numéro de sécurité sociale): 15 characters {@code SYYMMDDCCCOOOKK} (Corsica {@code 2A}/
 *       {@code 2B}), key {@code 97 - n mod 97}; it says only the year (without century) and the month.</li>
 * </ul>
 *
 * Other ids (British NINO, US SSN, German Steuer-ID, ...) say nothing about the birth date. Input is the
 * normalized id key ({@link MatchKeys#nationalId}: upper case letters and digits). The record's country is not
 * consulted (records without one get the hub's default region): the check digits and a valid date make it very
 * unlikely that another scheme's id is misread (an 11-digit German Steuer-ID passes both Norwegian checks and
 * forms a valid date about 3 times in 10,000).
 */
final class NationalIdBirthDates {

    /** Returned dates below this have no century: {@code yymmdd}. */
    static final int NO_CENTURY = 1_000_000;

    private static final int[] NO_K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] NO_K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private NationalIdBirthDates() {
    }

    /**
     * The birth date the id states: {@code yyyymmdd}, or {@code yymmdd} (below {@link #NO_CENTURY}) when the id
     * does not say the century; 0 when the id is not of a scheme above (or fails its check).
     */
    static int birthDate(String id) {
        if (id == null || !digits(id)) {
            return 0;
        }
        if (id.length() == 11) {
            return norwegian(id);
        }
        if (id.length() == 10 && luhn(id)) {
            return swedish(num(id, 0, 2), num(id, 2, 2), num(id, 4, 2), -1);
        }
        if (id.length() == 12 && luhn(id.substring(2))) {
            return swedish(num(id, 2, 2), num(id, 4, 2), num(id, 6, 2), num(id, 0, 2));
        }
        return 0;
    }

    /** Year (without century) and month the id states, {@code yymm}, or -1 (a French NIR); see {@link #birthDate}. */
    static int birthYearMonth(String id) {
        if (id == null || id.length() != 15) {
            return -1;
        }
        char sex = id.charAt(0);
        if ("123478".indexOf(sex) < 0) {
            return -1;
        }
        // Corsica's départements 2A and 2B count as 19 and 18 for the key
        String numeric = id.substring(0, 5) + (id.startsWith("2A", 5) ? "19" : id.startsWith("2B", 5) ? "18"
                : id.substring(5, 7)) + id.substring(7);
        if (!digits(numeric)) {
            return -1;
        }
        long n = Long.parseLong(numeric.substring(0, 13));
        if (97 - n % 97 != num(numeric, 13, 2)) {
            return -1;
        }
        int month = num(numeric, 3, 2);
        if (month < 1 || month > 12) {
            return -1; // 20, 30-42, 50-99: month unknown
        }
        return num(numeric, 1, 2) * 100 + month;
    }

    private static int norwegian(String id) {
        if (check(id, NO_K1) != id.charAt(9) - '0' || check(id, NO_K2) != id.charAt(10) - '0') {
            return 0;
        }
        int day = num(id, 0, 2);
        int month = num(id, 2, 2);
        int yy = num(id, 4, 2);
        int individual = num(id, 6, 3);
        if (day > 40) {
            day -= 40; // D-number (foreign residents)
        }
        int century;
        if (individual < 500) {
            century = 1900;
        } else if (individual < 750 && yy >= 54) {
            century = 1800;
        } else if (yy < 40) {
            century = 2000;
        } else if (individual >= 900) {
            century = 1900;
        } else {
            return 0;
        }
        return date(century + yy, month, day);
    }

    private static int swedish(int yy, int month, int day, int century) {
        if (day > 60) {
            day -= 60; // samordningsnummer
        }
        if (century < 0) {
            return date(2000 + yy, month, day) == 0 && date(1900 + yy, month, day) == 0 ? 0 : yy * 10000 + month * 100 + day;
        }
        return date(century * 100 + yy, month, day);
    }

    private static int date(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return 0;
        }
        return year * 10000 + month * 100 + day;
    }

    private static int check(String id, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (id.charAt(i) - '0') * weights[i];
        }
        int k = 11 - sum % 11;
        return k == 11 ? 0 : k; // 10 is never a valid check digit: it compares unequal to any digit
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = (digits.charAt(i) - '0') * ((digits.length() - i) % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        return sum % 10 == 0;
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int from, int length) {
        int n = 0;
        for (int i = from; i < from + length; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }
}
