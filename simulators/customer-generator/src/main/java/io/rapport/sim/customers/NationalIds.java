package io.rapport.sim.customers;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * National identifiers with the structure and check digits of the real schemes, derived from birth date and sex
 * where the scheme does that: Norwegian fødselsnummer, Swedish personnummer, German Steuer-ID, British National
 * Insurance number, US Social Security number, French NIR, and FEBRL's seven-digit soc_sec_id for Australia.
 */
final class NationalIds {

    private static final int[] NO_K1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
    private static final int[] NO_K2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    private static final String NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ";
    private static final String NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ";

    private NationalIds() {
    }

    static String generate(Country country, LocalDate birth, boolean male, String postcode, SplittableRandom r) {
        return switch (country) {
            case NO -> norwegian(birth, male, r);
            case SE -> swedish(birth, male, r);
            case DE -> german(r);
            case GB -> british(r);
            case US -> american(r);
            case FR -> french(birth, male, postcode, r);
            case AU -> Integer.toString(1_000_000 + r.nextInt(9_000_000));
        };
    }

    static String norwegian(LocalDate birth, boolean male, SplittableRandom r) {
        StringBuilder date = new StringBuilder(6);
        Text.appendPadded(date, birth.getDayOfMonth(), 2);
        Text.appendPadded(date, birth.getMonthValue(), 2);
        Text.appendPadded(date, birth.getYear() % 100, 2);
        int low = birth.getYear() >= 2000 ? 500 : 0;
        for (;;) {
            int individual = low + r.nextInt(500);
            if ((individual % 2 == 1) != male) {
                individual = individual % 2 == 1 ? individual - 1 : individual + 1;
            }
            String nine = date + Text.padded(individual, 3);
            int k1 = mod11(nine, NO_K1);
            if (k1 < 0) {
                continue;
            }
            String ten = nine + k1;
            int k2 = mod11(ten, NO_K2);
            if (k2 < 0) {
                continue;
            }
            return ten + k2;
        }
    }

    private static int mod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        int k = 11 - sum % 11;
        if (k == 11) {
            return 0;
        }
        return k == 10 ? -1 : k;
    }

    static String swedish(LocalDate birth, boolean male, SplittableRandom r) {
        StringBuilder b = new StringBuilder(11);
        Text.appendPadded(b, birth.getYear() % 100, 2);
        Text.appendPadded(b, birth.getMonthValue(), 2);
        Text.appendPadded(b, birth.getDayOfMonth(), 2);
        int serial = r.nextInt(1000);
        if ((serial % 2 == 1) != male) {
            serial = serial % 2 == 1 ? serial - 1 : serial + 1;
        }
        String nine = b + Text.padded(serial, 3);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int d = (nine.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }
        int check = (10 - sum % 10) % 10;
        // "+" instead of "-" marks people aged a hundred or more.
        char separator = birth.getYear() < 1926 ? '+' : '-';
        return nine.substring(0, 6) + separator + nine.substring(6) + check;
    }

    /** Steuerliche Identifikationsnummer: 11 digits, one digit repeated in the first ten, ISO 7064 MOD 11,10 check. */
    static String german(SplittableRandom r) {
        int[] digits = new int[10];
        for (int i = 0; i < 10; i++) {
            digits[i] = i;
        }
        for (int i = 9; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = digits[i];
            digits[i] = digits[j];
            digits[j] = t;
        }
        digits[9] = digits[r.nextInt(9)];
        for (int i = 9; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = digits[i];
            digits[i] = digits[j];
            digits[j] = t;
        }
        if (digits[0] == 0) {
            for (int i = 1; i < 10; i++) {
                if (digits[i] != 0) {
                    digits[0] = digits[i];
                    digits[i] = 0;
                    break;
                }
            }
        }
        int product = 10;
        StringBuilder b = new StringBuilder(11);
        for (int d : digits) {
            b.append(d);
            int sum = (d + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        b.append(check == 10 ? 0 : check);
        return b.toString();
    }

    static String british(SplittableRandom r) {
        String prefix;
        do {
            prefix = "" + NINO_FIRST.charAt(r.nextInt(NINO_FIRST.length()))
                    + NINO_SECOND.charAt(r.nextInt(NINO_SECOND.length()));
        } while (prefix.equals("BG") || prefix.equals("GB") || prefix.equals("KN") || prefix.equals("NK")
                || prefix.equals("NT") || prefix.equals("TN") || prefix.equals("ZZ"));
        return prefix + Text.padded(r.nextInt(1_000_000), 6) + "ABCD".charAt(r.nextInt(4));
    }

    static String american(SplittableRandom r) {
        int area;
        do {
            area = 1 + r.nextInt(899);
        } while (area == 666);
        return Text.padded(area, 3) + '-' + Text.padded(1 + r.nextInt(99), 2) + '-' + Text.padded(1 + r.nextInt(9999), 4);
    }

    /** Numéro d'inscription au répertoire: sex, year, month, département, commune, order, key = 97 - n mod 97. */
    static String french(LocalDate birth, boolean male, String postcode, SplittableRandom r) {
        String department = postcode != null && postcode.length() >= 2 && Character.isDigit(postcode.charAt(0))
                && Character.isDigit(postcode.charAt(1)) && !postcode.startsWith("20") && !postcode.startsWith("00")
                ? postcode.substring(0, 2) : Text.padded(1 + r.nextInt(95), 2);
        if (department.equals("20")) {
            department = "21";
        }
        StringBuilder b = new StringBuilder(15);
        b.append(male ? '1' : '2');
        Text.appendPadded(b, birth.getYear() % 100, 2);
        Text.appendPadded(b, birth.getMonthValue(), 2);
        b.append(department);
        Text.appendPadded(b, 1 + r.nextInt(999), 3);
        Text.appendPadded(b, 1 + r.nextInt(999), 3);
        long n = Long.parseLong(b.toString());
        Text.appendPadded(b, 97 - n % 97, 2);
        return b.toString();
    }
}
