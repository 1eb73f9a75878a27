package io.rapport.core.normalize;

import io.rapport.core.party.NationalId;
import java.util.Locale;

/**
 * National or tax identifiers: NFKC, spaces, dashes, dots and slashes removed, upper case; the result must be
 * 4-20 ASCII letters or digits. No country-specific check digits are verified. Placeholders that sources type when
 * the real id is unknown are not identifiers: one character repeated ({@code 000000000}, {@code 111-11-1111},
 * {@code XXXXXX}) and a run of six or more consecutive digits ({@code 123456789}, {@code 0123456789}, {@code 987654321}).
 * They become quality issues, so that records sharing them are neither linked nor blocked together by them.
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
        if (placeholder(value)) {
            issues.add(field, "a placeholder, not a national id: one character repeated or a run of consecutive digits");
            return null;
        }
        return new NationalId(value.toString());
    }

    /** Shortest run of consecutive digits taken for a placeholder ({@code 1234} may well be a real short id). */
    private static final int MIN_RUN = 6;

    /** One character repeated, or 6+ digits each one more (or each one less) than the one before. */
    static boolean placeholder(CharSequence value) {
        boolean same = true;
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < value.length(); i++) {
            char previous = value.charAt(i - 1);
            char c = value.charAt(i);
            boolean digits = Character.isDigit(previous) && Character.isDigit(c);
            same &= c == previous;
            up &= digits && c == previous + 1;
            down &= digits && c == previous - 1;
        }
        return same || (value.length() >= MIN_RUN && (up || down));
    }
}
