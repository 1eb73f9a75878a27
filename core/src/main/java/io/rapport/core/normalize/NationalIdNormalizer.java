package io.rapport.core.normalize;

import io.rapport.core.party.NationalId;
import java.util.Locale;

/**
 * National or tax identifiers: NFKC, spaces, dashes, dots and slashes removed, upper case; the result must be
 * 4-20 ASCII letters or digits. No country-specific check digits are verified.
 */
final class NationalIdNormalizer {

    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 20;

    /** The normalized identifier, or null (with a quality issue) when it does not have the expected shape. */
    NationalId normalize(String raw, String field, Issues issues) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String text = Values.nfkc(raw).toUpperCase(Locale.ROOT);
        StringBuilder value = new StringBuilder(text.length());
        boolean valid = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '.' || c == '/' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            valid &= (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            value.append(c);
        }
        if (!valid || value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            issues.add(field, "not a national id: expected " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " letters or digits once spaces, dashes, dots and slashes are removed");
            return null;
        }
        return new NationalId(value.toString());
    }
}
