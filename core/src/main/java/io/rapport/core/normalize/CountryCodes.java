package io.rapport.core.normalize;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Country names and codes to ISO 3166-1 alpha-2. Accepts alpha-2 and alpha-3 codes, English names, names in the
 * languages the JDK's locale data knows ({@code Norvège}, {@code Deutschland}, {@code ノルウェー}) and common
 * aliases ({@code USA}, {@code UK}, {@code England}, {@code Holland}); case, accents, dots, apostrophes, a leading
 * "the" and full-width forms do not matter.
 *
 * <p>Lookups are tiered so that the frequent cases stay cheap: codes, English names and aliases are built on first
 * use (milliseconds); names in other languages are built only when a value is none of those (about a second once,
 * reading the JDK's locale data). A name that different languages give to different countries is not accepted
 * from the other-language table. All tables are immutable once built; lookups are thread-safe.
 */
final class CountryCodes {

    private CountryCodes() {
    }

    /** True when {@code code} is an upper-case ISO 3166-1 alpha-2 code. */
    static boolean isAlpha2(String code) {
        return code != null && Alpha2.CODES.contains(code);
    }

    /** The alpha-2 code a country name or code stands for, or null when it is not recognized as a country. */
    static String toAlpha2(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (isAsciiLetters(stripped) && (stripped.length() == 2 || stripped.length() == 3)) {
            String code = Primary.CODES.get(stripped.toUpperCase(Locale.ROOT));
            if (code != null) {
                return code;
            }
        }
        String key = key(stripped);
        if (key == null) {
            return null;
        }
        String code = Primary.NAMES.get(key);
        return code != null ? code : OtherLanguages.NAMES.get(key);
    }

    /**
     * The lookup key of a country name: {@link TextKey#withoutDiacritics}, dots and apostrophes removed ("U.S.A."
     * is "usa"), "&amp;" read as "and", other punctuation as a space, "st" as "saint", a leading "the" dropped.
     */
    static String key(String text) {
        if (text == null) {
            return null;
        }
        // for ASCII text, TextKey's NFKC, case folding and diacritic removal come down to lower case
        String plain = isAscii(text) ? text.toLowerCase(Locale.ROOT) : TextKey.withoutDiacritics(text);
        if (plain == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(plain.length() + 4);
        int wordStart = 0;
        for (int i = 0; i < plain.length(); ) {
            int c = plain.codePointAt(i);
            i += Character.charCount(c);
            if (c == '.' || c == '\'' || c == '\u2019' || c == '\u02bc') {
                continue;
            }
            boolean wordChar = Character.isLetterOrDigit(c) || Character.getType(c) == Character.COMBINING_SPACING_MARK
                    || Character.getType(c) == Character.NON_SPACING_MARK || Character.getType(c) == Character.ENCLOSING_MARK;
            if (wordChar) {
                key.appendCodePoint(c);
                continue;
            }
            // end of a word
            wordStart = endWord(key, wordStart);
            if (c == '&') {
                key.append("and");
                wordStart = endWord(key, wordStart);
            }
        }
        endWord(key, wordStart);
        int length = key.length();
        if (length > 0 && key.charAt(length - 1) == ' ') {
            key.setLength(length - 1);
        }
        if (key.length() > 4 && key.indexOf("the ") == 0) {
            key.delete(0, 4);
        }
        return key.length() == 0 ? null : key.toString();
    }

    /** Closes the word that began at {@code wordStart}: "st" becomes "saint", then one space. */
    private static int endWord(StringBuilder key, int wordStart) {
        if (key.length() == wordStart) {
            return wordStart;
        }
        if (key.length() - wordStart == 2 && key.charAt(wordStart) == 's' && key.charAt(wordStart + 1) == 't') {
            key.replace(wordStart, wordStart + 2, "saint");
        }
        key.append(' ');
        return key.length();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }

    private static Locale country(String alpha2) {
        return new Locale("", alpha2);
    }

    /** The ISO 3166-1 alpha-2 codes. */
    private static final class Alpha2 {
        static final Set<String> CODES = Set.of(Locale.getISOCountries());
    }

    /** Codes (upper case), and keys of codes, English names and aliases. Later tiers win over earlier ones. */
    private static final class Primary {
        static final Map<String, String> CODES;
        static final Map<String, String> NAMES;

        static {
            Map<String, String> codes = new HashMap<>();
            Map<String, String> names = new HashMap<>();
            for (String alpha2 : Alpha2.CODES) {
                names.put(key(country(alpha2).getDisplayCountry(Locale.ENGLISH)), alpha2);
            }
            for (String alpha2 : Alpha2.CODES) {
                try {
                    String alpha3 = country(alpha2).getISO3Country();
                    if (!alpha3.isEmpty()) {
                        codes.put(alpha3, alpha2);
                        names.put(alpha3.toLowerCase(Locale.ROOT), alpha2);
                    }
                } catch (MissingResourceException noAlpha3) {
                    // the code is still accepted as alpha-2 and by name
                }
            }
            for (String alpha2 : Alpha2.CODES) {
                codes.put(alpha2, alpha2);
                names.put(alpha2.toLowerCase(Locale.ROOT), alpha2);
            }
            ALIASES.forEach((code, aliases) -> {
                for (String alias : aliases) {
                    names.put(key(alias), code);
                }
            });
            CODES = Map.copyOf(codes);
            NAMES = Map.copyOf(names);
        }
    }

    /** Names in every language (and script) of the JDK's locale data, without names that two countries share. */
    private static final class OtherLanguages {
        static final Map<String, String> NAMES;

        static {
            Set<Locale> languages = new LinkedHashSet<>();
            for (Locale locale : Locale.getAvailableLocales()) {
                if (!locale.getLanguage().isEmpty()) {
                    languages.add(new Locale.Builder().setLanguage(locale.getLanguage()).setScript(locale.getScript()).build());
                }
            }
            Map<String, String> names = new HashMap<>();
            Set<String> ambiguous = new HashSet<>();
            for (Locale language : languages) {
                for (String alpha2 : Alpha2.CODES) {
                    String name = country(alpha2).getDisplayCountry(language);
                    if (name.isEmpty() || name.equals(alpha2)) {
                        continue; // no name in this language
                    }
                    String key = key(name);
                    String earlier = key == null ? null : names.putIfAbsent(key, alpha2);
                    if (earlier != null && !earlier.equals(alpha2)) {
                        ambiguous.add(key);
                    }
                }
            }
            names.keySet().removeAll(ambiguous);
            NAMES = Map.copyOf(names);
        }
    }

    /** Names in common use that are neither ISO codes nor the JDK's English name. */
    private static final Map<String, String[]> ALIASES = Map.ofEntries(
            Map.entry("US", new String[] {"USA", "U.S.A.", "U.S.", "United States of America"}),
            Map.entry("GB", new String[] {"UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales",
                    "Northern Ireland", "United Kingdom of Great Britain and Northern Ireland"}),
            Map.entry("NL", new String[] {"Holland", "Nederland", "Netherlands"}),
            Map.entry("DE", new String[] {"Deutschland", "Federal Republic of Germany"}),
            Map.entry("NO", new String[] {"Norge", "Noreg"}),
            Map.entry("SE", new String[] {"Sverige"}),
            Map.entry("DK", new String[] {"Danmark"}),
            Map.entry("FI", new String[] {"Suomi"}),
            Map.entry("IS", new String[] {"Ísland"}),
            Map.entry("CH", new String[] {"Schweiz", "Suisse", "Svizzera", "Swiss Confederation"}),
            Map.entry("AT", new String[] {"Österreich"}),
            Map.entry("ES", new String[] {"España"}),
            Map.entry("IT", new String[] {"Italia"}),
            Map.entry("PL", new String[] {"Polska"}),
            Map.entry("CZ", new String[] {"Czech Republic", "Česko", "Česká republika"}),
            Map.entry("IE", new String[] {"Republic of Ireland", "Éire", "Eire"}),
            Map.entry("RU", new String[] {"Russia", "Russian Federation", "Rossiya"}),
            Map.entry("KR", new String[] {"South Korea", "Republic of Korea", "Korea, Republic of", "Korea (South)"}),
            Map.entry("KP", new String[] {"North Korea", "DPRK", "Democratic People's Republic of Korea",
                    "Korea (North)"}),
            Map.entry("VN", new String[] {"Viet Nam", "Vietnam"}),
            Map.entry("IR", new String[] {"Iran", "Islamic Republic of Iran"}),
            Map.entry("SY", new String[] {"Syria", "Syrian Arab Republic"}),
            Map.entry("LA", new String[] {"Laos", "Lao People's Democratic Republic"}),
            Map.entry("MD", new String[] {"Moldova", "Republic of Moldova"}),
            Map.entry("TZ", new String[] {"Tanzania", "United Republic of Tanzania"}),
            Map.entry("BO", new String[] {"Bolivia"}),
            Map.entry("VE", new String[] {"Venezuela"}),
            Map.entry("TW", new String[] {"Taiwan"}),
            Map.entry("MK", new String[] {"Macedonia", "North Macedonia"}),
            Map.entry("SZ", new String[] {"Swaziland", "Eswatini"}),
            Map.entry("CI", new String[] {"Ivory Coast", "Côte d'Ivoire"}),
            Map.entry("MM", new String[] {"Burma", "Myanmar"}),
            Map.entry("TR", new String[] {"Turkey", "Türkiye"}),
            Map.entry("CV", new String[] {"Cape Verde", "Cabo Verde"}),
            Map.entry("AE", new String[] {"UAE", "U.A.E.", "United Arab Emirates"}),
            Map.entry("CD", new String[] {"DR Congo", "DRC", "Democratic Republic of the Congo", "Congo-Kinshasa"}),
            Map.entry("CG", new String[] {"Republic of the Congo", "Congo-Brazzaville"}),
            Map.entry("HK", new String[] {"Hong Kong"}),
            Map.entry("MO", new String[] {"Macau", "Macao"}),
            Map.entry("PS", new String[] {"Palestine"}),
            Map.entry("VA", new String[] {"Vatican", "Vatican City", "Holy See"}),
            Map.entry("FM", new String[] {"Micronesia"}),
            Map.entry("BA", new String[] {"Bosnia", "Bosnia-Herzegovina"}));
}
