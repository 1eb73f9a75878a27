package io.rapport.core.match;

import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.EmailAddress;
import io.rapport.core.party.PartyType;
import io.rapport.core.party.PersonName;
import io.rapport.core.party.PhoneNumber;
import io.rapport.core.party.PostalAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * The comparison features of one canonical record, computed once ({@link #of}) and compared many times
 * ({@link MatchScorer#score}): name keys and their Double Metaphone codes and nickname groups, the birth date as
 * a number, identifier, email and phone keys, address keys with abbreviations written out. Immutable and
 * thread-safe; a few hundred bytes, so a resolver can keep the profiles of all records in memory.
 *
 * <p>The profile holds matching keys, including the national id: it is as sensitive as the record and its
 * {@link #toString()} shows only {@link #recordKey()}.
 */
public final class MatchProfile {

    /** Codes of up to 6 characters compare names; the first 4 characters are blocking keys. */
    private static final int PHONETIC_LENGTH = 6;
    static final int BLOCKING_PHONETIC_LENGTH = 4;
    private static final String[] NO_STRINGS = new String[0];
    /** Double Metaphone keeps no state between calls but its maximum code length, set once here. */
    private static final DoubleMetaphone ENCODER = new DoubleMetaphone();

    static {
        ENCODER.setMaxCodeLen(PHONETIC_LENGTH);
    }

    final String recordKey;
    final String given;
    final String givenFirst;
    /** The given name with OCR confusions undone ({@link MatchKeys#ocrFolded}); the same object when unchanged. */
    final String givenOcr;
    final String givenPhonetic;
    final String givenPhoneticAlt;
    final int[] givenNicknames;
    /** Whether the given name (or its first word) is a {@link GivenNames known} given name. */
    final boolean givenKnown;
    final String family;
    final String familyOcr;
    final String familyPhonetic;
    final String familyPhoneticAlt;
    /** yyyymmdd, 0 when unknown. */
    final int birthDate;
    final String nationalId;
    /**
     * The birth date the national id states ({@link NationalIdBirthDates}): yyyymmdd, yymmdd when the id does not
     * say the century, 0 when it states none.
     */
    final int idBirthDate;
    /** Year without century and month a French NIR states, yymm; -1 when the id states none. */
    final int idBirthYearMonth;
    final String[] emails;
    final boolean[] emailVerified;
    final String[] phones;
    final String streetNumber;
    final String street;
    final String line2;
    final String locality;
    final String postcode;
    final String region;
    final Map<String, String> attributes;

    private MatchProfile(CanonicalCustomer c, Map<String, String> attributes) {
        this.recordKey = c.source().key();
        PersonName name = c.name();
        String givenWords = MatchKeys.givenWords(name.given());
        String familyWords = MatchKeys.words(name.family());
        if (givenWords == null && familyWords == null && name.full() != null) {
            String full = name.full();
            int comma = full.indexOf(',');
            if (comma > 0) {
                familyWords = MatchKeys.words(full.substring(0, comma));
                givenWords = MatchKeys.givenWords(full.substring(comma + 1));
            } else {
                String words = MatchKeys.givenWords(full);
                if (words != null && words.indexOf(' ') > 0) {
                    givenWords = MatchKeys.firstWord(words);
                    familyWords = MatchKeys.lastWord(words);
                } else {
                    familyWords = words;
                }
            }
        }
        if (givenWords == null && familyWords == null && c.type() == PartyType.ORGANIZATION) {
            familyWords = MatchKeys.words(c.organization());
        }
        this.given = MatchKeys.compact(givenWords);
        String first = MatchKeys.firstWord(givenWords);
        this.givenFirst = first == null || first.equals(given) ? given : first;
        this.givenPhonetic = phonetic(given, false);
        this.givenPhoneticAlt = phonetic(given, true);
        this.givenNicknames = nicknameGroups(given, givenFirst);
        this.givenOcr = MatchKeys.ocrFolded(given);
        this.givenKnown = GivenNames.known(given) || GivenNames.known(givenFirst);
        this.family = MatchKeys.compact(familyWords);
        this.familyOcr = MatchKeys.ocrFolded(family);
        this.familyPhonetic = phonetic(family, false);
        this.familyPhoneticAlt = phonetic(family, true);

        LocalDate birth = c.birthDate();
        this.birthDate = birth == null || isPlaceholder(birth) ? 0
                : birth.getYear() * 10000 + birth.getMonthValue() * 100 + birth.getDayOfMonth();
        this.nationalId = c.nationalId() == null ? null : MatchKeys.nationalId(c.nationalId().value());
        this.idBirthDate = NationalIdBirthDates.birthDate(nationalId);
        this.idBirthYearMonth = NationalIdBirthDates.birthYearMonth(nationalId);

        List<String> emailKeys = new ArrayList<>(c.emails().size());
        List<Boolean> verified = new ArrayList<>(c.emails().size());
        for (EmailAddress email : c.emails()) {
            String key = email.valid() ? MatchKeys.email(email.canonical()) : null;
            if (key != null) {
                int at = emailKeys.indexOf(key);
                if (at < 0) {
                    emailKeys.add(key);
                    verified.add(email.verified());
                } else if (email.verified()) {
                    verified.set(at, true);
                }
            }
        }
        this.emails = emailKeys.toArray(NO_STRINGS);
        this.emailVerified = new boolean[verified.size()];
        for (int i = 0; i < verified.size(); i++) {
            emailVerified[i] = verified.get(i);
        }
        List<String> phoneKeys = new ArrayList<>(c.phones().size());
        for (PhoneNumber phone : c.phones()) {
            if (phone.valid() && !phoneKeys.contains(phone.e164())) {
                phoneKeys.add(phone.e164());
            }
        }
        this.phones = phoneKeys.toArray(NO_STRINGS);

        PostalAddress address = c.address();
        String number = MatchKeys.compact(MatchKeys.words(address.streetNumber()));
        String streetKey = MatchKeys.street(address.street());
        if (number == null && streetKey != null && Character.isDigit(streetKey.charAt(0)) && streetKey.indexOf(' ') > 0) {
            // "12 Main Street" in the street column: the number is the leading word
            number = MatchKeys.firstWord(streetKey);
            streetKey = streetKey.substring(number.length() + 1);
        }
        this.streetNumber = number;
        this.street = streetKey;
        this.line2 = MatchKeys.street(address.line2());
        this.locality = MatchKeys.words(address.locality());
        this.postcode = MatchKeys.identifier(address.postcode());
        this.region = MatchKeys.region(address.region());
        this.attributes = attributes;
    }

    /**
     * The profile of a canonical record. It refers to the record's attributes (for the external-id rule), which the
     * record shares; a resolver that keeps profiles but not records uses {@link #of(CanonicalCustomer, MatchSettings)}.
     */
    public static MatchProfile of(CanonicalCustomer c) {
        return new MatchProfile(c, c.attributes());
    }

    /** The profile of a canonical record, keeping only the attributes the settings' external-id rule reads. */
    public static MatchProfile of(CanonicalCustomer c, MatchSettings settings) {
        List<String> names = settings.deterministic().externalIdAttributes();
        if (names.isEmpty() || c.attributes().isEmpty()) {
            return new MatchProfile(c, Map.of());
        }
        Map<String, String> kept = new java.util.HashMap<>();
        for (String name : names) {
            String value = c.attributes().get(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return new MatchProfile(c, Map.copyOf(kept));
    }

    /** The record's hub-wide key, {@code <source>:<source_id>}. */
    public String recordKey() {
        return recordKey;
    }

    /** Whether the profile has nothing a comparison could use (no name, birth date, identifier, contact or address). */
    public boolean isEmpty() {
        return given == null && family == null && birthDate == 0 && nationalId == null && emails.length == 0
                && phones.length == 0 && street == null && postcode == null && locality == null;
    }

    @Override
    public String toString() {
        return "MatchProfile[" + recordKey + "]";
    }

    /** 1900-01-01 and dates before 1800: what systems write when the birth date is unknown. */
    private static boolean isPlaceholder(LocalDate date) {
        return date.getYear() < 1800 || (date.getYear() == 1900 && date.getDayOfYear() == 1);
    }

    private static String phonetic(String key, boolean alternate) {
        if (key == null) {
            return null;
        }
        String code = ENCODER.doubleMetaphone(key, alternate);
        return code == null || code.isEmpty() ? null : code;
    }

    private static int[] nicknameGroups(String given, String givenFirst) {
        int[] groups = Nicknames.groupsOf(given);
        if (givenFirst != null && givenFirst != given) {
            int[] more = Nicknames.groupsOf(givenFirst);
            if (more.length > 0) {
                int[] all = java.util.Arrays.copyOf(groups, groups.length + more.length);
                System.arraycopy(more, 0, all, groups.length, more.length);
                return all;
            }
        }
        return groups;
    }

}
