package io.rapport.core.normalize;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Matching keys of text: Unicode NFKC (compatibility forms such as full-width letters and ligatures become their
 * plain equivalents), then case folding, then whitespace collapsed. Display values are never replaced by keys.
 */
public final class TextKey {

    private TextKey() {
    }

    /** NFKC + case fold + collapsed whitespace; null for null or blank input. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        // upper then lower approximates full case folding: "ß" -> "SS" -> "ss", final sigma -> sigma
        String folded = nfkc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String collapsed = collapseWhitespace(folded.strip());
        return collapsed.isEmpty() ? null : collapsed;
    }

    /**
     * Runs of ASCII whitespace (what the regex {@code \\s+} matches) as one space. By hand: the resolution
     * pipeline keys every name and address of every record it rebuilds, and a regex per call showed in profiles.
     */
    static String collapseWhitespace(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (isAsciiSpace(c)) {
                int end = i + 1;
                while (end < n && isAsciiSpace(text.charAt(end))) {
                    end++;
                }
                if (c != ' ' || end > i + 1) {
                    if (out == null) {
                        out = new StringBuilder(n).append(text, 0, i);
                    }
                    out.append(' ');
                    i = end - 1;
                    continue;
                }
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@link #of} without diacritics ("Müller" -> "muller", "Chloé" -> "chloe"), for comparing names. */
    public static String withoutDiacritics(String text) {
        String key = of(text);
        if (key == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(key, Normalizer.Form.NFD);
        StringBuilder plain = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                plain.append(c);
            }
        }
        // letters that do not decompose into base + mark
        return plain.toString().replace("ø", "o").replace("æ", "ae").replace("œ", "oe").replace("đ", "d")
                .replace("ł", "l").replace("ı", "i");
    }
}
