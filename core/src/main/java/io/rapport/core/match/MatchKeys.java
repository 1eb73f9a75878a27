package io.rapport.core.match;

import io.rapport.core.normalize.TextKey;
import java.util.Map;

/**
 * Comparison keys of display values: lower case, no diacritics ({@link TextKey#withoutDiacritics}), words of
 * letters and digits separated by single blanks; apostrophes vanish ("O'Brien" is "obrien"), other punctuation
 * separates words. Street keys also write common abbreviations out ("St" is "street"), region keys write
 * Australian state names as their abbreviations. Run once per record, in {@link MatchProfile#of}; never per pair.
 */
final class MatchKeys {

    private static final Map<String, String> STREET_WORDS = Map.ofEntries(
            Map.entry("st", "street"), Map.entry("str", "street"), Map.entry("strasse", "street"),
            Map.entry("rd", "road"), Map.entry("av", "avenue"), Map.entry("ave", "avenue"),
            Map.entry("avda", "avenue"), Map.entry("avenida", "avenue"), Map.entry("dr", "drive"),
            Map.entry("drv", "drive"), Map.entry("pl", "place"), Map.entry("ct", "court"), Map.entry("crt", "court"),
            Map.entry("cres", "crescent"), Map.entry("cr", "crescent"), Map.entry("cresc", "crescent"),
            Map.entry("hwy", "highway"), Map.entry("pde", "parade"), Map.entry("tce", "terrace"),
            Map.entry("terr", "terrace"), Map.entry("ln", "lane"), Map.entry("blvd", "boulevard"),
            Map.entry("bvd", "boulevard"), Map.entry("bd", "boulevard"), Map.entry("cct", "circuit"),
            Map.entry("cl", "close"), Map.entry("gr", "grove"), Map.entry("gve", "grove"),
            Map.entry("sq", "square"), Map.entry("esp", "esplanade"), Map.entry("mt", "mount"),
            Map.entry("pkwy", "parkway"), Map.entry("cir", "circle"), Map.entry("sth", "south"),
            Map.entry("nth", "north"), Map.entry("gt", "gate"), Map.entry("gata", "gate"),
            Map.entry("gatan", "gate"), Map.entry("vn", "veien"), Map.entry("vei", "veien"),
            Map.entry("veg", "veien"), Map.entry("vegen", "veien"), Map.entry("vagen", "veien"));

    /** Compound street names (Nordic "Storgata", "Kirkeveien", German "Hauptstraße"): suffix and its key form. */
    private static final String[][] STREET_SUFFIXES = {
        {"gatan", "gate"}, {"gata", "gate"}, {"gt", "gate"},
        {"veien", "veien"}, {"vegen", "veien"}, {"vagen", "veien"}, {"vei", "veien"}, {"vn", "veien"},
        {"strasse", "strasse"}, {"str", "strasse"},
    };

    private static final Map<String, String> REGIONS = Map.of(
            "new south wales", "nsw", "victoria", "vic", "queensland", "qld", "south australia", "sa",
            "western australia", "wa", "tasmania", "tas", "northern territory", "nt",
            "australian capital territory", "act");

    private static final java.util.Set<String> HONORIFICS =
            java.util.Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "herr", "frau", "mme", "mlle");

    private MatchKeys() {
    }

    /** Words of letters and digits, lower case, no diacritics, single blanks; null if nothing is left. */
    static String words(String text) {
        if (text == null) {
            return null;
        }
        String source = text;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                source = TextKey.withoutDiacritics(text);
                if (source == null) {
                    return null;
                }
                break;
            }
        }
        StringBuilder out = new StringBuilder(source.length());
        boolean gap = false;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                gap = appendGap(out, gap);
                out.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                gap = appendGap(out, gap);
                out.append((char) (c + ('a' - 'A')));
            } else if (c == '\'' || c == '\u2019' || c == '`') {
                // apostrophes join: O'Brien -> obrien
            } else if (c >= 128 && Character.isLetterOrDigit(c)) {
                gap = appendGap(out, gap);
                out.append(Character.toLowerCase(c));
            } else {
                gap = true;
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    private static boolean appendGap(StringBuilder out, boolean gap) {
        if (gap && out.length() > 0) {
            out.append(' ');
        }
        return false;
    }

    /** {@link #words} without the blanks: "Van der Berg" is "vanderberg". */
    static String compactName(String text) {
        return compact(words(text));
    }

    static String compact(String words) {
        if (words == null || words.indexOf(' ') < 0) {
            return words;
        }
        StringBuilder out = new StringBuilder(words.length());
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (c != ' ') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Given-name words without a leading title ("Dr John" is "john"). */
    static String givenWords(String text) {
        String words = words(text);
        if (words == null) {
            return null;
        }
        int blank = words.indexOf(' ');
        if (blank > 0 && HONORIFICS.contains(words.substring(0, blank))) {
            return words.substring(blank + 1);
        }
        return HONORIFICS.contains(words) ? null : words;
    }

    static String firstWord(String words) {
        if (words == null) {
            return null;
        }
        int blank = words.indexOf(' ');
        return blank < 0 ? words : words.substring(0, blank);
    }

    static String lastWord(String words) {
        if (words == null) {
            return null;
        }
        int blank = words.lastIndexOf(' ');
        return blank < 0 ? words : words.substring(blank + 1);
    }

    /**
     * A name key with the usual OCR confusions undone: "rn" read for "m", digits read for the letters they resemble
     * ("1" l, "0" o, "5" s, "6" b, "8" b, "9" g), "vv" for "w". Returns the same object when nothing changes, so
     * that callers can skip a second comparison by identity.
     */
    static String ocrFolded(String key) {
        if (key == null) {
            return null;
        }
        boolean suspicious = key.contains("rn") || key.contains("vv");
        for (int i = 0; i < key.length() && !suspicious; i++) {
            char c = key.charAt(i);
            suspicious = c >= '0' && c <= '9';
        }
        if (!suspicious) {
            return key;
        }
        StringBuilder out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            char next = i + 1 < key.length() ? key.charAt(i + 1) : 0;
            if (c == 'r' && next == 'n') {
                out.append('m');
                i++;
            } else if (c == 'v' && next == 'v') {
                out.append('w');
                i++;
            } else {
                out.append(switch (c) {
                    case '1' -> 'l';
                    case '0' -> 'o';
                    case '5' -> 's';
                    case '6', '8' -> 'b';
                    case '9' -> 'g';
                    default -> c;
                });
            }
        }
        String folded = out.toString();
        return folded.equals(key) ? key : folded;
    }

    /** Street words with abbreviations written out ("Main St." is "main street", "Storgt." is "storgate"). */
    static String street(String text) {
        String words = words(text);
        if (words == null) {
            return null;
        }
        String[] parts = words.split(" ");
        StringBuilder out = new StringBuilder(words.length() + 8);
        for (String part : parts) {
            String expanded = STREET_WORDS.get(part);
            if (expanded == null) {
                expanded = part;
                for (String[] suffix : STREET_SUFFIXES) {
                    if (part.length() > suffix[0].length() + 2 && part.endsWith(suffix[0])) {
                        expanded = part.substring(0, part.length() - suffix[0].length()) + suffix[1];
                        break;
                    }
                }
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(expanded);
        }
        return out.toString();
    }

    /** Region words, Australian state names as their abbreviations ("New South Wales" is "nsw"). */
    static String region(String text) {
        String words = words(text);
        return words == null ? null : REGIONS.getOrDefault(words, words);
    }

    /**
     * A national id key, or null for a placeholder that systems put where the id is unknown: one character
     * repeated ("0000000", "999999999"). Such values are shared by unrelated people and must neither decide a
     * match nor gather a block.
     */
    static String nationalId(String text) {
        String key = identifier(text);
        if (key == null) {
            return null;
        }
        for (int i = 1; i < key.length(); i++) {
            if (key.charAt(i) != key.charAt(0)) {
                return key;
            }
        }
        return null;
    }

    private static final java.util.Set<String> PLACEHOLDER_MAILBOXES = java.util.Set.of("noemail", "no-email",
            "no_email", "none", "no", "na", "n/a", "nomail", "no.mail", "test", "unknown", "dummy", "invalid", "x", "xx",
            "xxx", "noreply", "no-reply", "donotreply", "do-not-reply");

    /** An email key, or null for a placeholder address such as {@code noemail@example.com} or {@code none@none}. */
    static String email(String canonical) {
        if (canonical == null) {
            return null;
        }
        String key = canonical.strip().toLowerCase(java.util.Locale.ROOT);
        int at = key.indexOf('@');
        if (at <= 0 || PLACEHOLDER_MAILBOXES.contains(key.substring(0, at))) {
            return null;
        }
        return key;
    }

    /** Letters and digits only, upper case, for identifiers and postcodes: "12 345-678" is "12345678". */
    static String identifier(String text) {
        String words = compact(words(text));
        return words == null ? null : words.toUpperCase(java.util.Locale.ROOT);
    }
}
