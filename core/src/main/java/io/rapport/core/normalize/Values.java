package io.rapport.core.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small text operations shared by the field normalizers. */
final class Values {

    private Values() {
    }

    /** The display form: surrounding whitespace stripped, blank becomes absent (null). */
    static String display(String raw) {
        if (raw == null) {
            return null;
        }
        String stripped = strip(raw);
        return stripped.isEmpty() ? null : stripped;
    }

    /** Without surrounding whitespace, including no-break spaces (which {@link String#strip()} keeps). */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Unicode NFKC: full-width letters and digits, ligatures and other compatibility forms become plain ones. */
    static String nfkc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /** The entries of a multi-valued column ({@code a;b;c}), each stripped; empty entries are not entries. */
    static List<String> entries(String raw) {
        List<String> entries = new ArrayList<>(2);
        if (raw == null) {
            return entries;
        }
        int start = 0;
        while (start <= raw.length()) {
            int end = raw.indexOf(';', start);
            if (end < 0) {
                end = raw.length();
            }
            String entry = strip(raw.substring(start, end));
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
            start = end + 1;
        }
        return entries;
    }

    /** Prefix of a reason about one entry of a multi-valued column: empty when the column holds a single entry. */
    static String entryLabel(int index, int count) {
        return count <= 1 ? "" : "entry " + (index + 1) + " of " + count + ": ";
    }

    /** Lower case for comparison with ASCII keywords, after NFKC and stripping. */
    static String keyword(String raw) {
        return nfkc(raw).strip().toLowerCase(Locale.ROOT);
    }
}
