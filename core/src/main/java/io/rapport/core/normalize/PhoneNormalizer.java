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
 * read as a national number of the record's region. Only numbers that libphonenumber considers valid get an
 * E.164 form; the others are kept as written and flagged.
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
        List<String> entries = Values.entries(raw);
        List<PhoneNumber> phones = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String original = entries.get(i);
            phones.add(new PhoneNumber(original, e164(original, region, field, Values.entryLabel(i, entries.size()), issues)));
        }
        return phones;
    }

    private String e164(String original, String region, String field, String label, Issues issues) {
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
