package io.rapport.core.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Birth dates in the formats sources use: ISO 8601 ({@code 1985-03-12}, also with a time part, whose date is
 * taken as written), {@code 19850312}, {@code 12.03.1985}, {@code 12-03-1985}, {@code 12/03/1985} or
 * {@code 03/12/1985}, {@code 12 March 1985}, {@code March 12, 1985} (English month names or their three-letter
 * abbreviations).
 *
 * <p>Slash dates: when one of the first two numbers is above 12, it is the day. Otherwise the region decides:
 * month first in the US, day first elsewhere and when there is no region.
 *
 * <p>Rejected, as quality issues: other formats, dates that do not exist (30 February, month 13, day 0), dates
 * after the day of receipt (in the earliest time zone, UTC+14, so that no one born "today" anywhere is
 * rejected) and dates before {@value #EARLIEST_YEAR}.
 */
final class BirthDateParser {

    static final int EARLIEST_YEAR = 1880;

    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    // matched against the lower-cased text: "t" and "z" are ISO's T and Z
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[t ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?:z|[+-]\\d{2}(?::?\\d{2})?)?)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?\\.?[\\s-]+(\\p{L}+)\\.?,?[\\s-]+(\\d{4})");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "(\\p{L}+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})");

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("july", 7), Map.entry("jul", 7),
            Map.entry("august", 8), Map.entry("aug", 8),
            Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
            Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("december", 12), Map.entry("dec", 12));

    /**
     * The birth date, or null (with a quality issue) when it cannot be accepted.
     *
     * @param region     alpha-2 region whose convention decides ambiguous slash dates, or null
     * @param receivedAt dates after this day are in the future
     */
    LocalDate parse(String raw, String region, Instant receivedAt, String field, Issues issues) {
        if (raw == null) {
            return null;
        }
        String text = Values.nfkc(raw).strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        int year;
        int month;
        int day;
        Matcher m;
        if ((m = ISO.matcher(text)).matches() || (m = COMPACT.matcher(text)).matches()) {
            year = number(m.group(1));
            month = number(m.group(2));
            day = number(m.group(3));
        } else if ((m = NUMERIC.matcher(text)).matches()) {
            int first = number(m.group(1));
            int second = number(m.group(3));
            year = number(m.group(4));
            boolean monthFirst = m.group(2).equals("/") && first <= 12
                    && (second > 12 || "US".equals(region));
            month = monthFirst ? first : second;
            day = monthFirst ? second : first;
        } else if ((m = DAY_MONTH_NAME.matcher(text)).matches()) {
            day = number(m.group(1));
            month = MONTHS.getOrDefault(m.group(2), 0);
            year = number(m.group(3));
            if (month == 0) {
                issues.add(field, "not a recognized date: unknown month name (English names are expected)");
                return null;
            }
        } else if ((m = MONTH_NAME_DAY.matcher(text)).matches()) {
            month = MONTHS.getOrDefault(m.group(1), 0);
            day = number(m.group(2));
            year = number(m.group(3));
            if (month == 0) {
                issues.add(field, "not a recognized date: unknown month name (English names are expected)");
                return null;
            }
        } else {
            issues.add(field, "not a recognized date format");
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > LocalDate.of(year, month, 1).lengthOfMonth()) {
            issues.add(field, "not a calendar date");
            return null;
        }
        LocalDate date = LocalDate.of(year, month, day);
        if (date.isAfter(LocalDate.ofInstant(receivedAt, EARLIEST_ZONE))) {
            issues.add(field, "in the future");
            return null;
        }
        if (year < EARLIEST_YEAR) {
            issues.add(field, "before " + EARLIEST_YEAR);
            return null;
        }
        return date;
    }

    private static int number(String digits) {
        return Integer.parseInt(digits);
    }
}
