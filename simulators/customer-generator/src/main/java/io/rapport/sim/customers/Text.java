package io.rapport.sim.customers;

import java.text.Normalizer;
import java.util.Locale;

/** Character-level helpers: ASCII folding of names, case handling, digits. Table-driven, so it is cheap per call. */
final class Text {

    private static final int TABLE_START = 0xC0;
    private static final int TABLE_END = 0x180;
    /** Accents simply dropped: Müller -> Muller, Bjørn -> Bjorn, Åse -> Ase. */
    private static final String[] SIMPLE = new String[TABLE_END - TABLE_START];
    /** German/Nordic transcription: Müller -> Mueller, Bjørn -> Bjoern, Åse -> Aase. */
    private static final String[] EXPANDED = new String[TABLE_END - TABLE_START];

    static {
        for (int c = TABLE_START; c < TABLE_END; c++) {
            String decomposed = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
            StringBuilder base = new StringBuilder();
            for (int i = 0; i < decomposed.length(); i++) {
                char d = decomposed.charAt(i);
                if (d < 0x80) {
                    base.append(d);
                }
            }
            SIMPLE[c - TABLE_START] = base.length() > 0 ? base.toString() : null;
        }
        special('ø', "o", "oe");
        special('Ø', "O", "Oe");
        special('æ', "ae", "ae");
        special('Æ', "Ae", "Ae");
        special('ß', "ss", "ss");
        special('œ', "oe", "oe");
        special('Œ', "Oe", "Oe");
        special('đ', "d", "d");
        special('Đ', "D", "D");
        special('ł', "l", "l");
        special('Ł', "L", "L");
        special('ð', "d", "d");
        special('þ', "th", "th");
        for (int c = TABLE_START; c < TABLE_END; c++) {
            if (EXPANDED[c - TABLE_START] == null) {
                EXPANDED[c - TABLE_START] = SIMPLE[c - TABLE_START];
            }
        }
        EXPANDED['ä' - TABLE_START] = "ae";
        EXPANDED['Ä' - TABLE_START] = "Ae";
        EXPANDED['ö' - TABLE_START] = "oe";
        EXPANDED['Ö' - TABLE_START] = "Oe";
        EXPANDED['ü' - TABLE_START] = "ue";
        EXPANDED['Ü' - TABLE_START] = "Ue";
        EXPANDED['å' - TABLE_START] = "aa";
        EXPANDED['Å' - TABLE_START] = "Aa";
    }

    private Text() {
    }

    private static void special(char c, String simple, String expanded) {
        SIMPLE[c - TABLE_START] = simple;
        EXPANDED[c - TABLE_START] = expanded;
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Drops diacritics (or, {@code expanded}, transcribes them: ü -> ue, ø -> oe, å -> aa); other characters stay. */
    static String fold(String s, boolean expanded) {
        if (isAscii(s)) {
            return s;
        }
        String[] table = expanded ? EXPANDED : SIMPLE;
        StringBuilder b = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = c >= TABLE_START && c < TABLE_END ? table[c - TABLE_START] : null;
            if (r == null) {
                b.append(c);
            } else {
                b.append(r);
            }
        }
        return b.toString();
    }

    /** Lower-case ASCII letters and digits only, for e-mail local parts and handles: "O'Brien-Smith" -> "obriensmith". */
    static String slug(String s) {
        String folded = fold(s, false);
        StringBuilder b = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                b.append((char) (c + 32));
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static boolean isAllUpper(String s) {
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letter = true;
                if (!Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        return letter;
    }

    /** Gives {@code replacement} the case of {@code original}: all upper stays all upper, a capital stays capital. */
    static String matchCase(String original, String replacement) {
        if (original.isEmpty() || replacement.isEmpty()) {
            return replacement;
        }
        if (original.length() > 1 && isAllUpper(original)) {
            return upper(replacement);
        }
        if (Character.isUpperCase(original.charAt(0))) {
            return Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        return Character.toLowerCase(replacement.charAt(0)) + replacement.substring(1);
    }

    static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    static String digitsOnly(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    static void appendPadded(StringBuilder b, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    static String padded(long value, int width) {
        StringBuilder b = new StringBuilder(width);
        appendPadded(b, value, width);
        return b.toString();
    }
}
