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
        String collapsed = folded.strip().replaceAll("\\s+", " ");
        return collapsed.isEmpty() ? null : collapsed;
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
