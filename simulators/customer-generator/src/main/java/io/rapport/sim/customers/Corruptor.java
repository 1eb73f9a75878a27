package io.rapport.sim.customers;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * Applies corruptions to duplicates, mild noise to any record, and invalid values to a few records. Every method
 * returns whether it could apply to the record at hand; the caller draws again when it could not.
 */
final class Corruptor {

    private static final String[] KEYBOARD = new String[26];

    static {
        String[] rows = {"q:wa", "w:qeas", "e:wrsd", "r:etdf", "t:ryfg", "y:tugh", "u:yihj", "i:uojk", "o:ipkl", "p:ol",
            "a:qwsz", "s:weadzx", "d:erfsxc", "f:rtgdcv", "g:tyhfvb", "h:yujgbn", "j:uikhnm", "k:iojlm", "l:opk",
            "z:asx", "x:zsdc", "c:xdfv", "v:cfgb", "b:vghn", "n:bhjm", "m:njk"};
        for (String row : rows) {
            KEYBOARD[row.charAt(0) - 'a'] = row.substring(2);
        }
    }

    private static final String[][] OCR = {{"o", "0"}, {"O", "0"}, {"0", "O"}, {"l", "1"}, {"1", "l"}, {"I", "1"},
        {"i", "1"}, {"s", "5"}, {"S", "5"}, {"5", "S"}, {"B", "8"}, {"8", "B"}, {"m", "rn"}, {"rn", "m"}, {"cl", "d"},
        {"d", "cl"}, {"w", "vv"}, {"vv", "w"}, {"h", "b"}, {"e", "c"}, {"g", "q"}, {"u", "v"}, {"Z", "2"}, {"G", "6"},
        {"nn", "m"}};

    private static final String[][] PHONETIC = {{"ph", "f"}, {"f", "ph"}, {"ck", "k"}, {"k", "ck"}, {"ie", "y"},
        {"y", "ie"}, {"c", "k"}, {"k", "c"}, {"sch", "sh"}, {"sh", "sch"}, {"tz", "z"}, {"th", "t"}, {"t", "th"},
        {"ei", "ey"}, {"ey", "ei"}, {"ai", "ay"}, {"ay", "ai"}, {"ou", "ow"}, {"v", "w"}, {"w", "v"}, {"ae", "e"},
        {"oo", "u"}, {"gh", "g"}, {"sen", "son"}, {"son", "sen"}, {"sson", "son"}, {"ll", "l"}, {"nn", "n"},
        {"ss", "s"}, {"tt", "t"}, {"rr", "r"}, {"mm", "m"}, {"ff", "f"}, {"pp", "p"}, {"l", "ll"}, {"n", "nn"},
        {"s", "ss"}, {"t", "tt"}, {"r", "rr"}, {"m", "mm"}, {"x", "ks"}, {"ks", "x"}, {"qu", "kw"}, {"dt", "t"},
        {"ij", "y"}, {"z", "s"}, {"j", "y"}};

    private static final Column[] TYPO_TARGETS = {Column.GIVEN_NAME, Column.FAMILY_NAME, Column.FULL_NAME,
        Column.STREET, Column.LOCALITY, Column.EMAIL, Column.ORGANIZATION};
    private static final int[] TYPO_WEIGHTS = {3, 3, 3, 2, 1, 1, 1};
    private static final Column[] NAME_PLACE_TARGETS = {Column.GIVEN_NAME, Column.FAMILY_NAME, Column.FULL_NAME,
        Column.STREET, Column.LOCALITY};
    private static final int[] NAME_PLACE_WEIGHTS = {3, 3, 3, 2, 1};
    private static final Column[] DIACRITIC_TARGETS = {Column.GIVEN_NAME, Column.FAMILY_NAME, Column.FULL_NAME,
        Column.STREET, Column.LOCALITY, Column.REGION, Column.ORGANIZATION};
    private static final int[] DIACRITIC_WEIGHTS = {3, 3, 3, 2, 2, 1, 1};
    private static final Column[] MISSING_TARGETS = {Column.GIVEN_NAME, Column.FAMILY_NAME, Column.FULL_NAME,
        Column.ORGANIZATION, Column.EMAIL, Column.PHONE, Column.STREET_NUMBER, Column.STREET, Column.ADDRESS_LINE2,
        Column.LOCALITY, Column.REGION, Column.POSTCODE, Column.COUNTRY, Column.BIRTH_DATE, Column.NATIONAL_ID,
        Column.SOCIAL_HANDLE};
    private static final int[] MISSING_WEIGHTS = {1, 1, 1, 2, 3, 4, 2, 2, 2, 2, 3, 2, 2, 3, 3, 2};

    private static final String[] INVALID_PHONES = {"n/a", "-", "0000000000", "123", "unknown", "see email", "TBD",
        "999"};
    private static final String[] INVALID_POSTCODES = {"XXXX", "0", "123456789", "N/A", "?"};
    private static final String[] INVALID_COUNTRIES = {"XX", "Unknown", "Narnia", "N/A", "-"};

    private final Catalog catalog;
    private final PersonFactory factory;
    private final Profile profile;
    private final SplittableRandom r;

    Corruptor(Catalog catalog, PersonFactory factory, Profile profile, SplittableRandom random) {
        this.catalog = catalog;
        this.factory = factory;
        this.profile = profile;
        this.r = random;
    }

    boolean apply(Corruption corruption, Draft d) {
        return switch (corruption) {
            case TYPO -> text(d, TYPO_TARGETS, TYPO_WEIGHTS, 0);
            case OCR -> text(d, NAME_PLACE_TARGETS, NAME_PLACE_WEIGHTS, 1);
            case PHONETIC -> text(d, NAME_PLACE_TARGETS, NAME_PLACE_WEIGHTS, 2);
            case DIACRITICS -> diacritics(d);
            case NICKNAME -> nickname(d);
            case MISSING_VALUE -> missing(d);
            case SWAP_NAMES -> swapNames(d);
            case SWAP_DAY_MONTH -> swapDayMonth(d);
            case DIGIT_ERROR -> digitError(d);
            case DATE_FORMAT -> dateFormat(d);
            case MOVED -> moved(d);
            case PHONE_FORMAT -> phoneFormat(d);
            case EMAIL_CHANGE -> emailChange(d);
            case FULL_NAME_ONLY -> fullNameOnly(d);
        };
    }

    // ----------------------------------------------------------------------------------------- text corruptions

    private Column pick(Draft d, Column[] targets, int[] weights, java.util.function.Predicate<String> usable) {
        int total = 0;
        for (int i = 0; i < targets.length; i++) {
            if (profile.has(targets[i]) && d.has(targets[i]) && (usable == null || usable.test(d.get(targets[i])))) {
                total += weights[i];
            }
        }
        if (total == 0) {
            return null;
        }
        int u = r.nextInt(total);
        for (int i = 0; i < targets.length; i++) {
            if (profile.has(targets[i]) && d.has(targets[i]) && (usable == null || usable.test(d.get(targets[i])))) {
                u -= weights[i];
                if (u < 0) {
                    return targets[i];
                }
            }
        }
        return null;
    }

    /** kind 0: typo, 1: OCR, 2: phonetic. Tries the other fields when the first pick offers no place to apply. */
    private boolean text(Draft d, Column[] targets, int[] weights, int kind) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Column c = pick(d, targets, weights, s -> s.length() > 1);
            if (c == null) {
                return false;
            }
            String before = d.get(c);
            String after = switch (kind) {
                case 0 -> typo(before);
                case 1 -> rule(before, OCR, false);
                default -> rule(before, PHONETIC, true);
            };
            if (after != null && !after.equals(before) && !after.isBlank()) {
                d.set(c, after);
                return true;
            }
        }
        return false;
    }

    String typo(String s) {
        int n = s.length();
        // Errors in the first letter are rarer than later ones.
        int pos = n > 1 && r.nextDouble() < 0.85 ? 1 + r.nextInt(n - 1) : r.nextInt(n);
        char c = s.charAt(pos);
        double u = r.nextDouble();
        if (u < 0.35 || (u >= 0.8 && n < 2)) {
            if (!Character.isLetter(c)) {
                return null;
            }
            char replacement = neighbour(c);
            return s.substring(0, pos) + replacement + s.substring(pos + 1);
        }
        if (u < 0.6) {
            return s.substring(0, pos) + s.substring(pos + 1);
        }
        if (u < 0.8) {
            char inserted = r.nextBoolean() && Character.isLetter(c) ? neighbour(c) : c;
            return s.substring(0, pos) + inserted + s.substring(pos);
        }
        if (pos == n - 1) {
            pos--;
        }
        char a = s.charAt(pos);
        char b = s.charAt(pos + 1);
        if (a == b) {
            return null;
        }
        boolean capital = pos == 0 && Character.isUpperCase(a) && Character.isLowerCase(b);
        if (capital) {
            a = Character.toLowerCase(a);
            b = Character.toUpperCase(b);
        }
        return s.substring(0, pos) + b + a + s.substring(pos + 2);
    }

    private char neighbour(char c) {
        char lower = Character.toLowerCase(c);
        char replacement;
        if (lower >= 'a' && lower <= 'z' && r.nextDouble() < 0.8) {
            String keys = KEYBOARD[lower - 'a'];
            replacement = keys.charAt(r.nextInt(keys.length()));
        } else {
            do {
                replacement = (char) ('a' + r.nextInt(26));
            } while (replacement == lower);
        }
        return Character.isUpperCase(c) ? Character.toUpperCase(replacement) : replacement;
    }

    /** Applies one rule at one occurrence: rule first (among those that match), then the occurrence. */
    String rule(String s, String[][] rules, boolean ignoreCase) {
        String haystack = ignoreCase ? Text.lower(s) : s;
        int start = r.nextInt(rules.length);
        int matching = 0;
        for (int i = 0; i < rules.length; i++) {
            if (haystack.contains(rules[i][0])) {
                matching++;
            }
        }
        if (matching == 0) {
            return null;
        }
        int chosen = r.nextInt(matching);
        for (int k = 0; k < rules.length; k++) {
            String[] rule = rules[(start + k) % rules.length];
            if (!haystack.contains(rule[0])) {
                continue;
            }
            if (chosen-- > 0) {
                continue;
            }
            int occurrences = 0;
            for (int at = haystack.indexOf(rule[0]); at >= 0; at = haystack.indexOf(rule[0], at + 1)) {
                occurrences++;
            }
            int which = r.nextInt(occurrences);
            int at = haystack.indexOf(rule[0]);
            while (which-- > 0) {
                at = haystack.indexOf(rule[0], at + 1);
            }
            String original = s.substring(at, at + rule[0].length());
            String replacement = ignoreCase ? Text.matchCase(original, rule[1]) : rule[1];
            if (ignoreCase && Text.isAllUpper(s)) {
                replacement = Text.upper(replacement);
            }
            return s.substring(0, at) + replacement + s.substring(at + rule[0].length());
        }
        return null;
    }

    private boolean diacritics(Draft d) {
        Column c = pick(d, DIACRITIC_TARGETS, DIACRITIC_WEIGHTS, s -> !Text.isAscii(s));
        if (c == null) {
            return false;
        }
        d.set(c, Text.fold(d.get(c), r.nextDouble() < 0.4));
        return true;
    }

    private boolean nickname(Draft d) {
        String given = d.get(Column.GIVEN_NAME);
        if (given == null) {
            return false;
        }
        String[] variants = catalog.nicknames.get(Catalog.key(given));
        if (variants == null) {
            return false;
        }
        d.set(Column.GIVEN_NAME, Text.matchCase(given, variants[r.nextInt(variants.length)]));
        return true;
    }

    private boolean missing(Draft d) {
        Column c = pick(d, MISSING_TARGETS, MISSING_WEIGHTS, null);
        if (c == null) {
            return false;
        }
        d.clear(c);
        return true;
    }

    private boolean swapNames(Draft d) {
        String given = d.get(Column.GIVEN_NAME);
        String family = d.get(Column.FAMILY_NAME);
        if (given == null || family == null || given.equals(family)) {
            return false;
        }
        d.set(Column.GIVEN_NAME, family);
        d.set(Column.FAMILY_NAME, given);
        return true;
    }

    // ---------------------------------------------------------------------------------- dates, digits, formats

    private boolean swapDayMonth(Draft d) {
        LocalDate b = d.birth;
        if (b == null || d.birthOverride != null || b.getDayOfMonth() > 12 || b.getDayOfMonth() == b.getMonthValue()) {
            return false;
        }
        d.birth = LocalDate.of(b.getYear(), b.getDayOfMonth(), b.getMonthValue());
        return true;
    }

    private boolean dateFormat(Draft d) {
        if (d.birth == null || d.birthOverride != null) {
            return false;
        }
        DateStyle[] styles = DateStyle.values();
        DateStyle style;
        do {
            style = styles[r.nextInt(styles.length)];
        } while (style == d.dateStyle);
        d.dateStyle = style;
        return true;
    }

    private boolean phoneFormat(Draft d) {
        if (d.phone == null || d.phoneOverride != null) {
            return false;
        }
        PhoneStyle[] styles = PhoneStyle.values();
        PhoneStyle style;
        do {
            style = styles[r.nextInt(styles.length)];
        } while (style == d.phoneStyle || d.phone.format(style).equals(d.phone.format(d.phoneStyle)));
        d.phoneStyle = style;
        return true;
    }

    private boolean digitError(Draft d) {
        for (int attempt = 0; attempt < 4; attempt++) {
            int u = r.nextInt(10);
            if (u < 3) {
                if (d.birth != null && d.birthOverride == null && birthDigit(d)) {
                    return true;
                }
            } else if (u < 6) {
                if (digitIn(d, Column.NATIONAL_ID)) {
                    return true;
                }
            } else if (u < 8) {
                if (d.phone != null && d.phoneOverride == null) {
                    String nsn = d.phone.nsn();
                    d.phone = d.phone.withNsn(changeDigit(nsn, 1 + r.nextInt(nsn.length() - 1)));
                    return true;
                }
            } else if (u < 9) {
                if (digitIn(d, Column.POSTCODE)) {
                    return true;
                }
            } else if (digitIn(d, Column.STREET_NUMBER)) {
                return true;
            }
        }
        return false;
    }

    private boolean birthDigit(Draft d) {
        LocalDate b = d.birth;
        String digits = DateStyle.COMPACT.format(b);
        for (int attempt = 0; attempt < 10; attempt++) {
            // Positions 2..7 of yyyyMMdd: a wrong century is not a typing slip.
            String changed = changeDigit(digits, 2 + r.nextInt(6));
            int year = Integer.parseInt(changed.substring(0, 4));
            int month = Integer.parseInt(changed.substring(4, 6));
            int day = Integer.parseInt(changed.substring(6, 8));
            if (year >= 1900 && year <= 2024 && month >= 1 && month <= 12 && day >= 1
                    && day <= YearMonth.of(year, month).lengthOfMonth()) {
                d.birth = LocalDate.of(year, month, day);
                return true;
            }
        }
        return false;
    }

    private boolean digitIn(Draft d, Column c) {
        String value = d.get(c);
        if (value == null || !profile.has(c) || !Text.hasDigit(value)) {
            return false;
        }
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                count++;
            }
        }
        int which = r.nextInt(count);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i)) && which-- == 0) {
                String changed = changeDigit(value, i);
                if (c == Column.STREET_NUMBER && changed.charAt(0) == '0') {
                    return false;
                }
                d.set(c, changed);
                return true;
            }
        }
        return false;
    }

    private String changeDigit(String s, int pos) {
        char old = s.charAt(pos);
        char digit;
        do {
            digit = (char) ('0' + r.nextInt(10));
        } while (digit == old);
        return s.substring(0, pos) + digit + s.substring(pos + 1);
    }

    // ------------------------------------------------------------------------------------- addresses, contacts

    private boolean moved(Draft d) {
        if (!d.has(Column.STREET) && !d.has(Column.LOCALITY)) {
            return false;
        }
        Country country = d.person.country;
        Address moved;
        do {
            moved = factory.address(country, r);
        } while (moved.street().equals(d.get(Column.STREET)));
        if (r.nextDouble() < 0.4) {
            // Moved within the same town: new street and number, same locality and (mostly) postcode.
            Address old = d.person.address;
            moved = new Address(moved.streetNumber(), moved.street(), moved.line2(), old.locality(),
                    old.locality().postcode(country, r), country);
        }
        d.set(Column.STREET_NUMBER, moved.streetNumber());
        d.set(Column.STREET, moved.street());
        d.set(Column.ADDRESS_LINE2, moved.line2());
        d.set(Column.LOCALITY, moved.locality().name());
        if (d.has(Column.REGION) || r.nextBoolean()) {
            d.set(Column.REGION, moved.locality().region());
        }
        d.set(Column.POSTCODE, moved.postcode());
        return true;
    }

    private boolean emailChange(Draft d) {
        String email = d.get(Column.EMAIL);
        if (email == null || !profile.has(Column.EMAIL)) {
            return false;
        }
        double u = r.nextDouble();
        if (u < 0.5) {
            String changed;
            if (u < 0.15) {
                changed = Text.upper(email);
            } else {
                StringBuilder b = new StringBuilder(email.length());
                boolean start = true;
                for (int i = 0; i < email.length(); i++) {
                    char c = email.charAt(i);
                    b.append(start ? Character.toUpperCase(c) : c);
                    start = c == '.' || c == '@' || c == '_';
                }
                changed = b.toString();
            }
            if (changed.equals(email)) {
                return false;
            }
            d.set(Column.EMAIL, changed);
            return true;
        }
        String other;
        if (u < 0.7 && d.person.organization != null) {
            // A work address at the employer.
            String domain = Text.slug(d.person.organization.split(" ")[0]);
            other = Text.slug(d.person.given) + '.' + Text.slug(d.person.family) + '@'
                    + (domain.isEmpty() ? "example" : domain) + '.' + Text.lower(d.person.country.name());
        } else {
            other = factory.email(d.person, r, false);
        }
        if (other == null || other.equalsIgnoreCase(email)) {
            return false;
        }
        d.set(Column.EMAIL, other);
        return true;
    }

    private boolean fullNameOnly(Draft d) {
        String given = d.get(Column.GIVEN_NAME);
        String family = d.get(Column.FAMILY_NAME);
        if (!profile.has(Column.FULL_NAME) || given == null || family == null) {
            return false;
        }
        double u = r.nextDouble();
        String full;
        if (u < 0.65) {
            full = d.person.familyCulture.equals("chinese") && u < 0.2 ? family + ' ' + given : given + ' ' + family;
        } else if (u < 0.82) {
            full = family + ", " + given;
        } else if (u < 0.92) {
            full = Text.upper(family) + ' ' + given;
        } else {
            full = given + ' ' + (char) ('A' + r.nextInt(26)) + ". " + family;
        }
        d.set(Column.FULL_NAME, full);
        d.clear(Column.GIVEN_NAME);
        d.clear(Column.FAMILY_NAME);
        return true;
    }

    // ----------------------------------------------------------------------------------------------- mild noise

    /** Harmless variation any system produces: letter case, abbreviations, blanks, another number format. */
    boolean noise(Draft d) {
        for (int attempt = 0; attempt < 4; attempt++) {
            int u = r.nextInt(profile == Profile.FEBRL ? 3 : 8);
            switch (u) {
                case 0 -> {
                    String street = d.get(Column.STREET);
                    String abbreviated = street == null ? null : Country.abbreviateStreet(street);
                    if (abbreviated != null) {
                        d.set(Column.STREET, abbreviated);
                        return true;
                    }
                }
                case 1 -> {
                    String given = d.get(Column.GIVEN_NAME);
                    if (given != null) {
                        // Stray blanks: the hub strips them, a byte-wise comparison would not.
                        d.set(Column.GIVEN_NAME, r.nextBoolean() ? given + ' ' : ' ' + given);
                        return true;
                    }
                }
                case 2 -> {
                    String street = d.get(Column.STREET);
                    if (street != null && street.indexOf(' ') > 0) {
                        d.set(Column.STREET, street.replaceFirst(" ", "  "));
                        return true;
                    }
                }
                case 3 -> {
                    String family = d.get(Column.FAMILY_NAME);
                    if (family != null && !Text.isAllUpper(family)) {
                        d.set(Column.FAMILY_NAME, Text.upper(family));
                        return true;
                    }
                }
                case 4 -> {
                    String given = d.get(Column.GIVEN_NAME);
                    String family = d.get(Column.FAMILY_NAME);
                    if (given != null && family != null) {
                        d.set(Column.GIVEN_NAME, Text.lower(given));
                        d.set(Column.FAMILY_NAME, Text.lower(family));
                        return true;
                    }
                }
                case 5 -> {
                    if (phoneFormat(d)) {
                        return true;
                    }
                }
                case 6 -> {
                    String id = d.get(Column.NATIONAL_ID);
                    String spaced = id == null ? null : nationalIdVariant(d.person.country, id);
                    if (spaced != null) {
                        d.set(Column.NATIONAL_ID, spaced);
                        return true;
                    }
                }
                default -> {
                    String postcode = d.get(Column.POSTCODE);
                    String variant = postcode == null ? null : postcodeVariant(d.person.country, postcode);
                    if (variant != null) {
                        d.set(Column.POSTCODE, variant);
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private String nationalIdVariant(Country country, String id) {
        return switch (country) {
            case NO -> id.length() == 11 ? id.substring(0, 6) + ' ' + id.substring(6) : null;
            case SE -> id.length() == 11 ? Text.digitsOnly(id) : null;
            case DE -> id.length() == 11 ? id.substring(0, 2) + ' ' + id.substring(2, 5) + ' ' + id.substring(5, 8) + ' '
                    + id.substring(8) : null;
            case GB -> id.length() == 9 ? id.substring(0, 2) + ' ' + id.substring(2, 4) + ' ' + id.substring(4, 6) + ' '
                    + id.substring(6, 8) + ' ' + id.substring(8) : null;
            case US -> Text.digitsOnly(id);
            case FR -> id.length() == 15 ? id.charAt(0) + " " + id.substring(1, 3) + ' ' + id.substring(3, 5) + ' '
                    + id.substring(5, 7) + ' ' + id.substring(7, 10) + ' ' + id.substring(10, 13) + ' ' + id.substring(13)
                    : null;
            case AU -> null;
        };
    }

    private String postcodeVariant(Country country, String postcode) {
        return switch (country) {
            case SE, GB -> postcode.indexOf(' ') > 0 ? postcode.replace(" ", "") : null;
            case US -> postcode.length() == 5 ? postcode + '-' + Text.padded(r.nextInt(10_000), 4) : null;
            case NO -> postcode.length() == 4 ? "N-" + postcode : null;
            case DE -> postcode.length() == 5 ? "D-" + postcode : null;
            default -> null;
        };
    }

    // ------------------------------------------------------------------------------------------ invalid values

    /** One value that no system should accept: impossible date, junk telephone, broken e-mail, wrong postcode. */
    boolean invalid(Draft d) {
        for (int attempt = 0; attempt < 4; attempt++) {
            int u = r.nextInt(profile == Profile.FEBRL ? 4 : 6);
            switch (u) {
                case 0 -> {
                    int year = d.person.birth.getYear();
                    DateStyle style = d.birth != null ? d.dateStyle : profile == Profile.FEBRL ? DateStyle.COMPACT
                            : DateStyle.ISO;
                    d.birthOverride = switch (r.nextInt(5)) {
                        case 0 -> style.format(year, 2, 30);
                        case 1 -> style.format(year, 13, 1 + r.nextInt(28));
                        case 2 -> style.format(year, 4, 31);
                        case 3 -> style.format(year, 0, 0);
                        default -> style.format(2090 + r.nextInt(10), 1 + r.nextInt(12), 1 + r.nextInt(28));
                    };
                    return true;
                }
                case 1 -> {
                    d.phoneOverride = profile == Profile.FEBRL ? "0" + r.nextInt(10) + " " + r.nextInt(1000)
                            : INVALID_PHONES[r.nextInt(INVALID_PHONES.length)];
                    return true;
                }
                case 2 -> {
                    if (profile.has(Column.NATIONAL_ID)) {
                        String id = d.person.nationalId;
                        d.set(Column.NATIONAL_ID, switch (r.nextInt(3)) {
                            case 0 -> id.substring(0, Math.max(1, id.length() - 3));
                            case 1 -> "0".repeat(id.length());
                            default -> id + r.nextInt(10);
                        });
                        return true;
                    }
                }
                case 3 -> {
                    d.set(Column.POSTCODE, INVALID_POSTCODES[r.nextInt(INVALID_POSTCODES.length)]);
                    return true;
                }
                case 4 -> {
                    String local = Text.slug(d.person.given);
                    String domain = d.person.country.emailDomain(r);
                    String family = Text.slug(d.person.family);
                    d.set(Column.EMAIL, switch (r.nextInt(6)) {
                        case 0 -> local + ".at." + domain;
                        case 1 -> local + '@';
                        case 2 -> '@' + domain;
                        case 3 -> local + ' ' + family + '@' + domain;
                        case 4 -> local + "@@" + domain;
                        default -> local + '@' + domain.substring(0, domain.indexOf('.'));
                    });
                    return true;
                }
                default -> {
                    d.set(Column.COUNTRY, INVALID_COUNTRIES[r.nextInt(INVALID_COUNTRIES.length)]);
                    return true;
                }
            }
        }
        return false;
    }
}
