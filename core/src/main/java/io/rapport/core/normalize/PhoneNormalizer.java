package io.rapport.core.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import io.rapport.core.party.PhoneNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * Phone numbers to E.164 by the numbering plan of each country (libphonenumber). A column may hold several
 * separated by {@code ;}. A number starting with {@code +} or {@code 00} is international; any other number is
 * read as a national number of the record's region (its address country, else the hub's default region) and, when
 * it is not valid there, of the one other region the record is tied to: the default region for a record with its
 * own country (a customer abroad who kept a number from home, or a source that stores its own country's numbers),
 * the record's country otherwise. No other region is guessed. Only numbers that libphonenumber considers valid get
 * an E.164 form; the others are kept as written and flagged.
 */
final class PhoneNormalizer {

    private static final String UNKNOWN_REGION = "ZZ";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /**
     * One PhoneNumber per entry.
     *
     * @param region alpha-2 region to read national numbers in, or null when there is none
     */
    List<PhoneNumber> normalize(String raw, String region, String field, Issues issues) {
        return normalize(raw, region, null, field, issues);
    }

    /**
     * One PhoneNumber per entry; a national number not valid in {@code region} is tried in {@code otherRegion}.
     *
     * @param region      alpha-2 region to read national numbers in first, or null when there is none
     * @param otherRegion alpha-2 region to try second (the default region, or the record's country), or null
     */
    List<PhoneNumber> normalize(String raw, String region, String otherRegion, String field, Issues issues) {
        if (region == null) {
            region = otherRegion;
        }
        if (otherRegion != null && otherRegion.equals(region)) {
            otherRegion = null;
        }
        List<String> entries = Values.entries(raw);
        List<PhoneNumber> phones = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String original = entries.get(i);
            phones.add(new PhoneNumber(original, e164(original, region, otherRegion, field,
                    Values.entryLabel(i, entries.size()), issues)));
        }
        return phones;
    }

    private String e164(String original, String region, String otherRegion, String field, String label, Issues issues) {
        String text = Values.nfkc(original);
        int first = firstDigitOrPlus(text);
        if (first < 0) {
            issues.add(field, label + "not a phone number: no digits");
            return null;
        }
        Phonenumber.PhoneNumber number;
        String invalid;
        if (text.charAt(first) == '+') {
            number = parse(text, UNKNOWN_REGION);
            invalid = "not a valid international number";
        } else if (text.startsWith("00", first)) {
            // 00 is the international prefix of most countries; where it is not (US: 011, AU: 0011), the
            // region's own prefix is tried second
            number = parse(text.substring(0, first) + "+" + text.substring(first + 2), UNKNOWN_REGION);
            if (!valid(number) && region != null) {
                number = parse(text, region);
            }
            invalid = "not a valid international number";
        } else if (region == null) {
            issues.add(field, label + "no region to interpret a national number");
            return null;
        } else {
            number = parse(text, region);
            invalid = "not a valid number for region " + region;
            if (!valid(number) && otherRegion != null) {
                number = parse(text, otherRegion);
                invalid += " or " + otherRegion;
            }
        }
        if (!valid(number)) {
            issues.add(field, label + invalid);
            return null;
        }
        if (number.hasExtension()) {
            issues.add(field, label + "has an extension, which E.164 cannot hold: it is kept only in the original");
        }
        return util.format(number, PhoneNumberFormat.E164);
    }

    private Phonenumber.PhoneNumber parse(String text, String region) {
        try {
            return util.parse(text, region);
        } catch (NumberParseException notANumber) {
            return null;
        }
    }

    private boolean valid(Phonenumber.PhoneNumber number) {
        return number != null && util.isValidNumber(number);
    }

    private static int firstDigitOrPlus(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' || (c >= '0' && c <= '9')) {
                return i;
            }
        }
        return -1;
    }
}
