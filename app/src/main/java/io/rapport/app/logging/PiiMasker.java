package io.rapport.app.logging;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks personal data in log text: e-mail addresses ({@code a***@example.com}), telephone numbers (every
 * digit but the last two: {@code +** *** ** *67}) and national identifiers (every digit and letter:
 * {@code ***-**-****}). One class for the log appenders ({@link MaskingConverter}, {@link MaskingJsonMembers}) and
 * for CI's log scan ({@code .ci/scan-logs}), so the scan looks for exactly what the masking would have hidden.
 *
 * <p>Logging is on hot paths, so the patterns are compiled once and a quick scan of the characters skips the
 * regular expressions for text that has neither an {@code @} nor six digits. Masked text contains neither an
 * address nor a number these patterns take for one: masking twice changes nothing, and a scan of masked logs finds
 * nothing.
 *
 * <p>What is recognised (docs/security.md): identifiers of the countries the product knows: US Social Security
 * numbers ({@code 123-45-6789}), Swedish personnummer ({@code 19800101-1234}, {@code 800101-1234}), Norwegian
 * fødselsnummer and German Steuer-ID (11 digits, also {@code 010180 12345}), French NIR (15 characters, spaced or
 * not), British National Insurance numbers ({@code AB 12 34 56 C}); telephone numbers written internationally
 * ({@code +47 912 34 567}, {@code +4791234567}), with a trunk or international prefix ({@code 030 1234567},
 * {@code 0047-91234567}, {@code 07700900123}), or in groups separated by spaces or dashes ({@code 912 34 567},
 * {@code (555) 123-4567}, {@code 08-123 45 67}). Left alone on purpose: bare digit runs without a leading 0 or
 * {@code +} (ids, counts, epoch times), ISO dates, UUIDs, IP addresses, versions and ports.
 */
public final class PiiMasker {

    /** The kinds of personal data recognised, in the order they are looked for. */
    public enum Kind {
        NATIONAL_ID, EMAIL, PHONE
    }

    // Before: not inside a word, number, path, version or UUID. After: the same, and not a decimal point.
    private static final String BEFORE = "(?<![\\w.,:/+@#=*-])";
    private static final String AFTER = "(?![\\w@*-]|[.,:/]\\w)";

    private static final Pattern NATIONAL_ID = Pattern.compile(BEFORE + "(?:"
            + "\\d{3}-\\d{2}-\\d{4}"                                           // US SSN
            + "|(?:19|20)?\\d{6}[-+]\\d{4}"                                    // SE personnummer, DK CPR
            + "|\\d{6} ?\\d{5}"                                                // NO fødselsnummer, DE Steuer-ID
            + "|[12] ?\\d{2} ?\\d{2} ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}" // FR NIR
            + "|[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]" // UK NINO
            + ")" + AFTER);
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.%+-])([A-Za-z0-9_%+-])[A-Za-z0-9._%+-]*@((?:[A-Za-z0-9-]+\\.)+[A-Za-z]{2,})(?![\\w-])");
    private static final Pattern PHONE = Pattern.compile(BEFORE + "(?:"
            + "\\+\\d(?:[ .()-]{0,2}\\d){6,14}"                                // international
            + "|\\(?0\\d{1,4}\\)?[ /-]\\d{4,8}"                                // trunk or 00 prefix, then subscriber
            + "|0[1-9]\\d{7,10}"                                               // national digits with trunk 0
            + "|(?!\\d{4}-\\d{2}-\\d{2})\\(?\\d{1,4}\\)?(?:[ -]\\d{2,4}){2,4}" // groups: 912 34 567, (555) 123-4567
            + "|\\(\\d{3}\\) ?\\d{3}-\\d{4}"
            + ")" + AFTER + "(?![ -]\\d)");
    private static final int MIN_PHONE_DIGITS = 8;
    private static final int MAX_PHONE_DIGITS = 15;
    private static final int MIN_DIGITS = 6;

    private PiiMasker() {
    }

    /** The text with every e-mail address, telephone number and national identifier masked; the same instance if none. */
    public static String mask(String text) {
        if (text == null || !mayContain(text)) {
            return text;
        }
        String masked = text;
        for (Kind kind : KINDS) {
            masked = scan(kind, masked, null);
        }
        return masked;
    }

    /** Tells the consumer each unmasked piece of personal data in the text (CI's log scan). */
    public static void find(String text, BiConsumer<Kind, String> found) {
        if (text == null || !mayContain(text)) {
            return;
        }
        String rest = text;
        for (Kind kind : KINDS) {
            rest = scan(kind, rest, found);
        }
    }

    private static final List<Kind> KINDS = List.of(Kind.values());

    /**
     * Masks one kind, telling {@code found} (if any) each match. The pattern runs only on candidate regions (around
     * an '@', or around a cluster of six or more digits) with transparent bounds, so its look-arounds still see the
     * whole text: the same matches as a scan of the whole text, at a fraction of the cost on long lines.
     */
    private static String scan(Kind kind, String text, BiConsumer<Kind, String> found) {
        Matcher m = null;
        StringBuilder out = null;
        int last = 0;
        int[] region = new int[2];
        int from = 0;
        while (kind == Kind.EMAIL ? addressRegion(text, from, region) : digitRegion(text, from, region)) {
            from = Math.max(region[1], from + 1);
            if (last >= region[1]) {
                continue;
            }
            if (m == null) {
                m = pattern(kind).matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(Math.max(region[0], last), region[1]);
            while (m.find()) {
                if (kind == Kind.PHONE && !phoneLength(m.group())) {
                    continue;
                }
                if (found != null) {
                    found.accept(kind, m.group());
                }
                out = out == null ? new StringBuilder(text.length() + 8) : out;
                out.append(text, last, m.start()).append(masked(kind, m));
                last = m.end();
            }
        }
        return out == null ? text : out.append(text, last, text.length()).toString();
    }

    /** The span around the next '@' from {@code from} that an address could occupy. */
    private static boolean addressRegion(String text, int from, int[] region) {
        int at = text.indexOf('@', from);
        if (at < 0) {
            return false;
        }
        int start = at;
        while (start > 0 && addressChar(text.charAt(start - 1))) {
            start--;
        }
        int end = at + 1;
        while (end < text.length() && addressChar(text.charAt(end))) {
            end++;
        }
        region[0] = start;
        region[1] = end;
        return true;
    }

    private static boolean addressChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '%' || c == '+' || c == '-';
    }

    /**
     * The next cluster of digits and separators holding at least {@link #MIN_DIGITS} digits, widened by the three
     * characters before ({@code +}, {@code (}, a NINO's letters) and the two after (a NINO's suffix letter).
     */
    private static boolean digitRegion(String text, int from, int[] region) {
        int n = text.length();
        int i = from;
        while (i < n) {
            while (i < n && !digit(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return false;
            }
            int start = i;
            int digits = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (digit(c)) {
                    digits++;
                } else if (!(c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '+'
                        || (c == 'A' || c == 'B') && text.charAt(i - 1) == '2')) {
                    break;
                }
                i++;
            }
            if (digits >= MIN_DIGITS) {
                region[0] = Math.max(0, start - 3);
                region[1] = Math.min(n, i + 2);
                return true;
            }
        }
        return false;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Pattern pattern(Kind kind) {
        return switch (kind) {
            case NATIONAL_ID -> NATIONAL_ID;
            case EMAIL -> EMAIL;
            case PHONE -> PHONE;
        };
    }

    private static String masked(Kind kind, Matcher m) {
        return switch (kind) {
            case EMAIL -> m.group(1) + "***@" + m.group(2);
            case NATIONAL_ID -> stars(m.group(), 0);
            case PHONE -> stars(m.group(), 2);
        };
    }

    /** Letters and digits become '*', separators stay; the last {@code keepDigits} digits stay too. */
    private static String stars(String value, int keepDigits) {
        char[] chars = value.toCharArray();
        int kept = 0;
        for (int i = chars.length - 1; i >= 0; i--) {
            char c = chars[i];
            if (Character.isDigit(c) && kept < keepDigits) {
                kept++;
            } else if (Character.isLetterOrDigit(c)) {
                chars[i] = '*';
            }
        }
        return new String(chars);
    }

    private static boolean phoneLength(String value) {
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                digits++;
            }
        }
        return digits >= MIN_PHONE_DIGITS && digits <= MAX_PHONE_DIGITS;
    }

    /** The quick pre-check: an '@' or at least six ASCII digits. */
    static boolean mayContain(CharSequence text) {
        int digits = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c >= '0' && c <= '9' && ++digits >= MIN_DIGITS) {
                return true;
            }
        }
        return false;
    }
}
