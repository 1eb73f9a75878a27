package io.rapport.core.match;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Blocking keys: the strings under which a record is filed so that likely duplicates meet without comparing every
 * pair. Two records are candidates when they share a key. Each key starts with its kind and a colon.
 *
 * <table>
 *   <caption>Key kinds</caption>
 *   <tr><th>kind</th><th>value</th><th>catches</th></tr>
 *   <tr><td>{@code fn-by}</td><td>family name Double Metaphone (4) + birth year</td><td>typos in given name,
 *       address, ids; the classic person block</td></tr>
 *   <tr><td>{@code gn-pc}</td><td>given name Double Metaphone (4) + postcode</td><td>typos in family name and
 *       birth date</td></tr>
 *   <tr><td>{@code names}</td><td>the two names' Double Metaphone codes (4), in sorted order</td><td>moved house
 *       and no birth date; given and family name swapped</td></tr>
 *   <tr><td>{@code dob}</td><td>full birth date</td><td>both names damaged or changed (marriage)</td></tr>
 *   <tr><td>{@code nid}</td><td>national id</td><td>everything else damaged</td></tr>
 *   <tr><td>{@code email}</td><td>each valid email address</td><td>contact-only records (web shop)</td></tr>
 *   <tr><td>{@code phone}</td><td>each E.164 phone number</td><td>contact-only records (call centre)</td></tr>
 *   <tr><td>{@code pc-sn}</td><td>postcode + street number</td><td>names and birth date damaged, same home</td></tr>
 *   <tr><td>{@code fn-loc}</td><td>family name Double Metaphone (4) + locality</td><td>birth date and postcode
 *       damaged or missing</td></tr>
 *   <tr><td>{@code fn-gi}</td><td>family name key + first letter of the given name</td><td>a typo that changes the
 *       given name's code, in sparse records (name and email only)</td></tr>
 *   <tr><td>{@code gn-fi}</td><td>given name key + first letter of the family name</td><td>likewise for the
 *       family name</td></tr>
 * </table>
 *
 * <p>Every key but the identifiers combines two fields and no field is in more than five keys, so that a duplicate
 * with one damaged field still shares most of its keys with the original (and with two damaged fields, at least one
 * as long as the rest are present). Placeholder values (an id of one repeated character, {@code noemail@...},
 * 1900-01-01) are no values and make no key. Cost and tuning: docs/matching.md.
 */
public final class BlockingKeys {

    public static final String FAMILY_BIRTH_YEAR = "fn-by";
    public static final String GIVEN_POSTCODE = "gn-pc";
    public static final String NAMES = "names";
    public static final String BIRTH_DATE = "dob";
    public static final String NATIONAL_ID = "nid";
    public static final String EMAIL = "email";
    public static final String PHONE = "phone";
    public static final String POSTCODE_STREET_NUMBER = "pc-sn";
    public static final String FAMILY_LOCALITY = "fn-loc";
    public static final String FAMILY_GIVEN_INITIAL = "fn-gi";
    public static final String GIVEN_FAMILY_INITIAL = "gn-fi";

    /** Every key kind, in the order keys are produced. */
    public static final List<String> KINDS = List.of(FAMILY_BIRTH_YEAR, GIVEN_POSTCODE, NAMES, BIRTH_DATE,
            NATIONAL_ID, EMAIL, PHONE, POSTCODE_STREET_NUMBER, FAMILY_LOCALITY, FAMILY_GIVEN_INITIAL,
            GIVEN_FAMILY_INITIAL);

    private final boolean familyBirthYear;
    private final boolean givenPostcode;
    private final boolean names;
    private final boolean birthDate;
    private final boolean nationalId;
    private final boolean email;
    private final boolean phone;
    private final boolean postcodeStreetNumber;
    private final boolean familyLocality;
    private final boolean familyGivenInitial;
    private final boolean givenFamilyInitial;
    private final int maxBlockSize;
    private final int singleKeyMaxBlockSize;

    public BlockingKeys(MatchSettings.Blocking settings) {
        List<String> keys = settings.keys();
        this.familyBirthYear = keys.contains(FAMILY_BIRTH_YEAR);
        this.givenPostcode = keys.contains(GIVEN_POSTCODE);
        this.names = keys.contains(NAMES);
        this.birthDate = keys.contains(BIRTH_DATE);
        this.nationalId = keys.contains(NATIONAL_ID);
        this.email = keys.contains(EMAIL);
        this.phone = keys.contains(PHONE);
        this.postcodeStreetNumber = keys.contains(POSTCODE_STREET_NUMBER);
        this.familyLocality = keys.contains(FAMILY_LOCALITY);
        this.familyGivenInitial = keys.contains(FAMILY_GIVEN_INITIAL);
        this.givenFamilyInitial = keys.contains(GIVEN_FAMILY_INITIAL);
        this.maxBlockSize = settings.maxBlockSize();
        this.singleKeyMaxBlockSize = settings.singleKeyMaxBlockSize();
    }

    /** A key shared by more records than this is skipped by the store (too common to mean anything). */
    public int maxBlockSize() {
        return maxBlockSize;
    }

    /**
     * A record that shares only this one key with another, unless it is an {@linkplain #identifies identifier},
     * is worth scoring only when the key's block holds at most this many records: sharing one key of a big block
     * (a birth date among a million people) is mostly chance, and such pairs are most of the scoring and most of
     * the false matches as the data grows.
     */
    public int singleKeyMaxBlockSize() {
        return singleKeyMaxBlockSize;
    }

    /** Whether a key is an identifier (national id, email, phone): sharing it alone is reason to compare. */
    public static boolean identifies(String key) {
        return key.startsWith(NATIONAL_ID + ":") || key.startsWith(EMAIL + ":") || key.startsWith(PHONE + ":");
    }

    /** The kind of a key: the part before the first colon. */
    public static String kindOf(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    /** The keys of a profile, in {@link #KINDS} order; empty when the profile has nothing to block on. */
    public Set<String> of(MatchProfile p) {
        Set<String> keys = new LinkedHashSet<>();
        String familyCode = blockingCode(p.familyPhonetic);
        String givenCode = blockingCode(p.givenPhonetic);
        int year = p.birthDate / 10000;
        if (familyBirthYear && familyCode != null && year != 0) {
            keys.add(FAMILY_BIRTH_YEAR + ":" + familyCode + ":" + year);
        }
        if (givenPostcode && givenCode != null && p.postcode != null) {
            keys.add(GIVEN_POSTCODE + ":" + givenCode + ":" + p.postcode);
        }
        if (names && givenCode != null && familyCode != null) {
            boolean ordered = givenCode.compareTo(familyCode) <= 0;
            keys.add(NAMES + ":" + (ordered ? givenCode : familyCode) + ":" + (ordered ? familyCode : givenCode));
        }
        if (birthDate && p.birthDate != 0) {
            keys.add(BIRTH_DATE + ":" + p.birthDate);
        }
        if (nationalId && p.nationalId != null) {
            keys.add(NATIONAL_ID + ":" + p.nationalId);
        }
        if (email) {
            for (String e : p.emails) {
                keys.add(EMAIL + ":" + e);
            }
        }
        if (phone) {
            for (String ph : p.phones) {
                keys.add(PHONE + ":" + ph);
            }
        }
        if (postcodeStreetNumber && p.postcode != null && p.streetNumber != null) {
            keys.add(POSTCODE_STREET_NUMBER + ":" + p.postcode + ":" + p.streetNumber);
        }
        if (familyLocality && familyCode != null && p.locality != null) {
            keys.add(FAMILY_LOCALITY + ":" + familyCode + ":" + p.locality);
        }
        if (familyGivenInitial && p.family != null && p.given != null) {
            keys.add(FAMILY_GIVEN_INITIAL + ":" + p.family + ":" + p.given.charAt(0));
        }
        if (givenFamilyInitial && p.given != null && p.family != null) {
            keys.add(GIVEN_FAMILY_INITIAL + ":" + p.given + ":" + p.family.charAt(0));
        }
        return keys;
    }

    /**
     * Whether {@code other} is filed under {@code key}, one of {@code self}'s keys of kind {@code kind}, decided from
     * the two profiles' fields without building {@code other}'s keys. Identifier kinds answer false: their blocks
     * only grow oversized on shared placeholders.
     */
    public static boolean filedUnder(String kind, MatchProfile self, MatchProfile other) {
        return switch (kind) {
            case FAMILY_BIRTH_YEAR -> sameCode(self.familyPhonetic, other.familyPhonetic)
                    && self.birthDate / 10000 == other.birthDate / 10000;
            case GIVEN_POSTCODE -> sameCode(self.givenPhonetic, other.givenPhonetic)
                    && Objects.equals(self.postcode, other.postcode);
            case NAMES -> sameCode(self.givenPhonetic, other.givenPhonetic)
                    && sameCode(self.familyPhonetic, other.familyPhonetic)
                    || sameCode(self.givenPhonetic, other.familyPhonetic)
                    && sameCode(self.familyPhonetic, other.givenPhonetic);
            case BIRTH_DATE -> self.birthDate == other.birthDate;
            case POSTCODE_STREET_NUMBER -> Objects.equals(self.postcode, other.postcode)
                    && Objects.equals(self.streetNumber, other.streetNumber);
            case FAMILY_LOCALITY -> sameCode(self.familyPhonetic, other.familyPhonetic)
                    && Objects.equals(self.locality, other.locality);
            case FAMILY_GIVEN_INITIAL -> Objects.equals(self.family, other.family)
                    && other.given != null && self.given.charAt(0) == other.given.charAt(0);
            case GIVEN_FAMILY_INITIAL -> Objects.equals(self.given, other.given)
                    && other.family != null && self.family.charAt(0) == other.family.charAt(0);
            default -> false;
        };
    }

    /** Whether two phonetic codes give the same blocking code, both present. */
    private static boolean sameCode(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        int length = Math.min(a.length(), MatchProfile.BLOCKING_PHONETIC_LENGTH);
        return length == Math.min(b.length(), MatchProfile.BLOCKING_PHONETIC_LENGTH)
                && a.regionMatches(0, b, 0, length);
    }

    private static String blockingCode(String phonetic) {
        if (phonetic == null) {
            return null;
        }
        return phonetic.length() <= MatchProfile.BLOCKING_PHONETIC_LENGTH ? phonetic
                : phonetic.substring(0, MatchProfile.BLOCKING_PHONETIC_LENGTH);
    }
}
