package io.rapport.core.normalize;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Postcodes: NFKC, upper case, whitespace collapsed to single spaces. For the countries below the format is
 * checked; a postcode that does not fit is kept as normalized and flagged, never rewritten. Other countries' postcodes
 * are not checked.
 */
final class PostcodeNormalizer {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");
    private static final Pattern FIVE_DIGITS = Pattern.compile("\\d{5}");

    /** Formats by alpha-2 country. The space between the two parts of GB, NL, CA and SE codes is optional. */
    private static final Map<String, Pattern> FORMATS = Map.ofEntries(
            Map.entry("AU", FOUR_DIGITS),
            Map.entry("NO", FOUR_DIGITS),
            Map.entry("DK", FOUR_DIGITS),
            Map.entry("AT", FOUR_DIGITS),
            Map.entry("CH", FOUR_DIGITS),
            Map.entry("BE", FOUR_DIGITS),
            Map.entry("DE", FIVE_DIGITS),
            Map.entry("FR", FIVE_DIGITS),
            Map.entry("IT", FIVE_DIGITS),
            Map.entry("ES", FIVE_DIGITS),
            Map.entry("FI", FIVE_DIGITS),
            Map.entry("US", Pattern.compile("\\d{5}(?:-\\d{4})?")),
            Map.entry("SE", Pattern.compile("\\d{3} ?\\d{2}")),
            // outward code (area, district) and inward code (sector, unit); GIR 0AA is Girobank's
            Map.entry("GB", Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}|GIR ?0AA")),
            Map.entry("NL", Pattern.compile("[1-9]\\d{3} ?[A-Z]{2}")),
            // Canada Post: letters D, F, I, O, Q, U are never used; W and Z never in first place
            Map.entry("CA", Pattern.compile("[ABCEGHJ-NPRSTVXY]\\d[ABCEGHJ-NPRSTV-Z] ?\\d[ABCEGHJ-NPRSTV-Z]\\d")));

    /** The normalized postcode (null when blank); a mismatch with {@code country}'s format is a quality issue. */
    String normalize(String raw, String country, String field, Issues issues) {
        if (raw == null) {
            return null;
        }
        String postcode = WHITESPACE.matcher(Values.nfkc(raw).strip()).replaceAll(" ").toUpperCase(Locale.ROOT);
        if (postcode.isEmpty()) {
            return null;
        }
        Pattern format = country == null ? null : FORMATS.get(country);
        if (format != null && !format.matcher(postcode).matches()) {
            issues.add(field, "does not match the postcode format of " + country);
        }
        return postcode;
    }
}
