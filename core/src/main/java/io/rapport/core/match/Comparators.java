package io.rapport.core.match;

/**
 * The comparison functions of the scorer: each takes two keys of one field and returns the index of a comparison
 * level of that field ({@link MatchField#levels}), or {@link #MISSING} when either side has no value. All are
 * symmetric, allocation-free and regex-free: they run for every candidate pair.
 */
final class Comparators {

    static final int MISSING = -1;

    // given_name
    static final int GIVEN_EXACT = 0;
    static final int GIVEN_NICKNAME = 1;
    static final int GIVEN_CLOSE = 2;
    static final int GIVEN_PHONETIC = 3;
    static final int GIVEN_SIMILAR = 4;
    static final int GIVEN_INITIAL = 5;
    static final int GIVEN_DIFFERENT_UNLISTED = 6;
    static final int GIVEN_DIFFERENT = 7;
    // family_name
    static final int FAMILY_EXACT = 0;
    static final int FAMILY_CLOSE = 1;
    static final int FAMILY_PHONETIC = 2;
    static final int FAMILY_SIMILAR = 3;
    static final int FAMILY_DIFFERENT = 4;
    // birth_date
    static final int DATE_EXACT = 0;
    static final int DATE_DAY_MONTH_SWAPPED = 1;
    static final int DATE_ONE_DIGIT = 2;
    static final int DATE_YEAR_ONLY = 3;
    static final int DATE_DIFFERENT = 4;
    // national_id
    static final int ID_EXACT = 0;
    static final int ID_ONE_EDIT = 1;
    static final int ID_TWO_EDITS = 2;
    static final int ID_DIFFERENT_FORMAT = 3;
    static final int ID_DIFFERENT = 4;
    // email, phone, street_number, street, locality, postcode
    static final int EXACT = 0;
    static final int CLOSE = 1;
    static final int DIFFERENT = 2;
    // region
    static final int REGION_EXACT = 0;
    static final int REGION_DIFFERENT = 1;

    /** Jaro-Winkler similarity from which two names of any length count as a spelling variant of each other. */
    static final double NAME_CLOSE_JW = 0.94;
    /** Jaro-Winkler similarity that two names with a Double Metaphone code in common need to count as phonetic. */
    static final double PHONETIC_MIN_JW = 0.70;
    /**
     * Jaro-Winkler similarity from which two given names, one of them not a known given name, count as
     * "different_unlisted" (perhaps one name badly damaged) rather than "different" (a contradiction).
     */
    static final double DAMAGED_MIN_JW = 0.70;
    /** Jaro-Winkler similarity from which two names count as similar (more damage than a typo, or a related name). */
    static final double NAME_SIMILAR_JW = 0.88;
    /** Jaro-Winkler similarity that two names at most two edits apart need to count as similar. */
    static final double NAME_SIMILAR_TWO_EDITS_JW = 0.80;
    /** Jaro-Winkler similarity from which two address words (street, locality) count as a variant. */
    static final double PLACE_CLOSE_JW = 0.92;

    private Comparators() {
    }

    /**
     * Whether two different name keys are one name misspelt: one edit (insertion, deletion, substitution or
     * swap of neighbours) apart, names of at least 3 letters or one a prefix of the other ("jo"/"joe"); or, for
     * longer damage, a Jaro-Winkler similarity of {@link #NAME_CLOSE_JW} (e.g. two edits in a long name).
     */
    static boolean closeName(String a, String b) {
        return closeName(a, b, JaroWinkler.similarity(a, b));
    }

    private static boolean closeName(String a, String b, double jw) {
        int min = Math.min(a.length(), b.length());
        if (min < 2) {
            return false;
        }
        if (EditDistance.bounded(a, b, 1) <= 1) {
            return min >= 3 || a.startsWith(b) || b.startsWith(a);
        }
        return min >= 4 && jw >= NAME_CLOSE_JW;
    }

    /**
     * Whether two different name keys that are not {@link #closeName close} still have most letters in common: at
     * most two edits apart with a Jaro-Winkler similarity of {@link #NAME_SIMILAR_TWO_EDITS_JW}, both of at least 5
     * letters ("samuel" and "zamucl"; in shorter names two edits make another name: "jane" and "james"), or a
     * similarity of {@link #NAME_SIMILAR_JW}. Such a pair proves little either way, but it is no contradiction.
     */
    static boolean similarName(String a, String b) {
        return similarName(a, b, JaroWinkler.similarity(a, b));
    }

    private static boolean similarName(String a, String b, double jw) {
        int min = Math.min(a.length(), b.length());
        if (min < 3) {
            return false;
        }
        return jw >= NAME_SIMILAR_JW
                || (min >= 5 && jw >= NAME_SIMILAR_TWO_EDITS_JW && EditDistance.bounded(a, b, 2) <= 2);
    }

    /**
     * Whether two names share a Double Metaphone code (primary or alternate). The scorer also asks for a spelling
     * similarity of {@link #PHONETIC_MIN_JW}, so that a coincidence of the coarse code ("emily" and "amelia" are
     * both AML) does not count.
     */
    static boolean sharedCode(String a1, String a2, String b1, String b2) {
        if (a1 == null || b1 == null) {
            return false;
        }
        return a1.equals(b1) || a1.equals(b2) || (a2 != null && (a2.equals(b1) || a2.equals(b2)));
    }

    /**
     * How two different name keys compare, on the family name scale: close (a typo, also once OCR confusions are
     * undone: "adarn" and "adam"), phonetic, similar or different. Jaro-Winkler is computed once.
     */
    private static int spelling(String x, String xOcr, String xp1, String xp2,
                                String y, String yOcr, String yp1, String yp2, double jw) {
        if (closeName(x, y, jw)) {
            return FAMILY_CLOSE;
        }
        if ((xOcr != x || yOcr != y) && (xOcr.equals(yOcr) || closeName(xOcr, yOcr))) {
            return FAMILY_CLOSE;
        }
        if (jw >= PHONETIC_MIN_JW && sharedCode(xp1, xp2, yp1, yp2)) {
            return FAMILY_PHONETIC;
        }
        return similarName(x, y, jw) ? FAMILY_SIMILAR : FAMILY_DIFFERENT;
    }

    static int givenName(MatchProfile a, MatchProfile b) {
        String x = a.given;
        String y = b.given;
        if (x == null || y == null) {
            return MISSING;
        }
        if (x.equals(y)) {
            return GIVEN_EXACT;
        }
        if (x.length() == 1 || y.length() == 1) {
            return x.charAt(0) == y.charAt(0) ? GIVEN_INITIAL : GIVEN_DIFFERENT;
        }
        // "mary ann" and "mary": the first given names agree, a middle name is missing or different
        if ((a.givenFirst != x || b.givenFirst != y) && a.givenFirst.equals(b.givenFirst)) {
            return GIVEN_CLOSE;
        }
        if (Nicknames.share(a.givenNicknames, b.givenNicknames)) {
            return GIVEN_NICKNAME;
        }
        double jw = JaroWinkler.similarity(x, y);
        int spelling = spelling(x, a.givenOcr, a.givenPhonetic, a.givenPhoneticAlt,
                y, b.givenOcr, b.givenPhonetic, b.givenPhoneticAlt, jw);
        if (spelling == FAMILY_CLOSE) {
            return GIVEN_CLOSE;
        }
        return switch (spelling) {
            case FAMILY_PHONETIC -> GIVEN_PHONETIC;
            case FAMILY_SIMILAR -> GIVEN_SIMILAR;
            // two real names are two people; a name we do not know that still resembles the other may be it,
            // damaged beyond a typo ("jermes" and "james")
            default -> (!a.givenKnown || !b.givenKnown) && jw >= DAMAGED_MIN_JW
                    ? GIVEN_DIFFERENT_UNLISTED : GIVEN_DIFFERENT;
        };
    }

    static int familyName(MatchProfile a, MatchProfile b) {
        return nameLevel(a.family, a.familyOcr, a.familyPhonetic, a.familyPhoneticAlt,
                b.family, b.familyOcr, b.familyPhonetic, b.familyPhoneticAlt);
    }

    /** Exact, close, phonetic, similar or different, on the family name scale (also used across fields for swaps). */
    static int nameLevel(String x, String xOcr, String xp1, String xp2, String y, String yOcr, String yp1, String yp2) {
        if (x == null || y == null) {
            return MISSING;
        }
        if (x.equals(y)) {
            return FAMILY_EXACT;
        }
        return spelling(x, xOcr, xp1, xp2, y, yOcr, yp1, yp2, JaroWinkler.similarity(x, y));
    }

    /**
     * Birth dates as yyyymmdd numbers (0 = unknown): exact; day and month swapped (a US/European confusion);
     * one digit different or two neighbouring digits swapped (a typo in the written date); same year only;
     * different.
     */
    static int birthDate(int a, int b) {
        if (a == 0 || b == 0) {
            return MISSING;
        }
        if (a == b) {
            return DATE_EXACT;
        }
        int ya = a / 10000;
        int yb = b / 10000;
        int ma = a / 100 % 100;
        int mb = b / 100 % 100;
        int da = a % 100;
        int db = b % 100;
        if (ya == yb && ma == db && da == mb) {
            return DATE_DAY_MONTH_SWAPPED;
        }
        int diffs = 0;
        int first = -1;
        int x = a;
        int y = b;
        for (int i = 0; i < 8; i++) {
            if (x % 10 != y % 10) {
                if (diffs == 0) {
                    first = i;
                }
                diffs++;
            }
            x /= 10;
            y /= 10;
        }
        if (diffs == 1 || (diffs == 2 && neighboursSwapped(a, b, first))) {
            return DATE_ONE_DIGIT;
        }
        return ya == yb ? DATE_YEAR_ONLY : DATE_DIFFERENT;
    }

    /**
     * The birth dates of a pair where at least one record has none of its own: the date a record's national id
     * states stands in for its missing birth date ({@link NationalIdBirthDates}). Not used when both records have
     * a national id: the ids are compared with each other, and the dates they state would count that twice. When
     * one date lacks the century, both are compared without it. A French NIR states only year and month: it can
     * contradict a birth date (another year or month, beyond one digit) but not confirm it (MISSING).
     */
    static int impliedBirthDate(MatchProfile a, MatchProfile b) {
        if ((a.birthDate != 0 && b.birthDate != 0) || (a.nationalId != null && b.nationalId != null)) {
            return MISSING;
        }
        int x = a.birthDate != 0 ? a.birthDate : a.idBirthDate;
        int y = b.birthDate != 0 ? b.birthDate : b.idBirthDate;
        if (x != 0 && y != 0) {
            if (x < NationalIdBirthDates.NO_CENTURY || y < NationalIdBirthDates.NO_CENTURY) {
                x %= NationalIdBirthDates.NO_CENTURY;
                y %= NationalIdBirthDates.NO_CENTURY;
            }
            return birthDate(x, y);
        }
        int mx = x != 0 ? x % NationalIdBirthDates.NO_CENTURY / 100 : a.idBirthYearMonth;
        int my = y != 0 ? y % NationalIdBirthDates.NO_CENTURY / 100 : b.idBirthYearMonth;
        if (mx < 0 || my < 0 || (x == 0 && y == 0) || (x != 0 && y != 0)) {
            return MISSING;
        }
        int digits = (mx % 10 != my % 10 ? 1 : 0) + (mx / 10 % 10 != my / 10 % 10 ? 1 : 0)
                + (mx / 100 % 10 != my / 100 % 10 ? 1 : 0) + (mx / 1000 != my / 1000 ? 1 : 0);
        return digits <= 1 ? MISSING : DATE_DIFFERENT;
    }

    private static boolean neighboursSwapped(int a, int b, int position) {
        if (position >= 7) {
            return false;
        }
        int p = 1;
        for (int i = 0; i < position; i++) {
            p *= 10;
        }
        int a0 = a / p % 10;
        int a1 = a / (p * 10) % 10;
        int b0 = b / p % 10;
        int b1 = b / (p * 10) % 10;
        return a0 == b1 && a1 == b0;
    }

    /**
     * Identifiers: exact; one edit (a mistyped, missing or transposed character); two edits (twice damaged; for
     * two random identifiers of 7 or more characters still unlikely); different, when both have the same format
     * (length, and letters and digits in the same places: the same kind of identifier, so a real contradiction);
     * different format (probably different kinds of identifier, or a badly damaged one).
     */
    static int identifier(String a, String b) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return ID_EXACT;
        }
        int edits = EditDistance.bounded(a, b, 2);
        if (edits <= 1) {
            return ID_ONE_EDIT;
        }
        if (edits == 2 && Math.min(a.length(), b.length()) >= 6) {
            return ID_TWO_EDITS;
        }
        return sameFormat(a, b) ? ID_DIFFERENT : ID_DIFFERENT_FORMAT;
    }

    private static boolean sameFormat(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            if (Character.isDigit(a.charAt(i)) != Character.isDigit(b.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Any of several values (emails, phones): exact if one pair is equal, close if one pair is one edit apart. */
    static int anyOf(String[] a, String[] b) {
        if (a.length == 0 || b.length == 0) {
            return MISSING;
        }
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    return EXACT;
                }
            }
        }
        for (String x : a) {
            for (String y : b) {
                if (Math.min(x.length(), y.length()) >= 6 && EditDistance.bounded(x, y, 1) <= 1) {
                    return CLOSE;
                }
            }
        }
        return DIFFERENT;
    }

    /** Street numbers: exact; close when one edit apart or one has a suffix ("12" and "12a"); different. */
    static int streetNumber(String a, String b) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return EXACT;
        }
        if (EditDistance.bounded(a, b, 1) <= 1 || leadingNumber(a) == leadingNumber(b) && leadingNumber(a) >= 0) {
            return CLOSE;
        }
        return DIFFERENT;
    }

    private static int leadingNumber(String s) {
        int n = 0;
        int i = 0;
        while (i < s.length() && i < 9 && Character.isDigit(s.charAt(i))) {
            n = n * 10 + (s.charAt(i) - '0');
            i++;
        }
        return i == 0 ? -1 : n;
    }

    /**
     * Street keys (abbreviations written out): exact; close when up to two edits apart (longer names), similar
     * by Jaro-Winkler, one the other's leading words ("main" / "main street"), or the street of one is the
     * address line 2 of the other (lines swapped); different.
     */
    static int street(MatchProfile a, MatchProfile b) {
        String x = a.street;
        String y = b.street;
        if (x == null || y == null) {
            return MISSING;
        }
        if (x.equals(y)) {
            return EXACT;
        }
        if (closePlace(x, y) || wordPrefix(x, y) || wordPrefix(y, x) || x.equals(b.line2) || y.equals(a.line2)) {
            return CLOSE;
        }
        return DIFFERENT;
    }

    /** Localities: exact; close when a variant spelling; different. */
    static int locality(String a, String b) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return EXACT;
        }
        return closePlace(a, b) ? CLOSE : DIFFERENT;
    }

    static boolean closePlace(String a, String b) {
        int min = Math.min(a.length(), b.length());
        if (min < 3) {
            return false;
        }
        int allowed = min >= 8 ? 2 : 1;
        if (EditDistance.bounded(a, b, allowed) <= allowed) {
            return true;
        }
        return min >= 5 && JaroWinkler.similarity(a, b) >= PLACE_CLOSE_JW;
    }

    private static boolean wordPrefix(String shorter, String longer) {
        return shorter.length() >= 4 && longer.length() > shorter.length() && longer.startsWith(shorter)
                && longer.charAt(shorter.length()) == ' ';
    }

    /** Postcodes: exact; close when one edit apart (a typo, or a neighbouring area); different. */
    static int postcode(String a, String b) {
        if (a == null || b == null) {
            return MISSING;
        }
        if (a.equals(b)) {
            return EXACT;
        }
        return EditDistance.bounded(a, b, 1) <= 1 ? CLOSE : DIFFERENT;
    }

    static int region(String a, String b) {
        if (a == null || b == null) {
            return MISSING;
        }
        return a.equals(b) ? REGION_EXACT : REGION_DIFFERENT;
    }
}
