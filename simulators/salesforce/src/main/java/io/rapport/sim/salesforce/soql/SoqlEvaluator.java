package io.rapport.sim.salesforce.soql;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a parsed query over records held as maps. Records carry no declared field types, so the literal decides
 * how a field compares: text ignoring case (as Salesforce compares text), numbers numerically, dates and
 * datetimes as instants. Days are UTC days (the sandbox's user is in UTC).
 */
public final class SoqlEvaluator {

    private static final DateTimeFormatter STORED_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss").optionalStart().appendFraction(
                    java.time.temporal.ChronoField.MILLI_OF_SECOND, 1, 3, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter();

    private final Clock clock;

    public SoqlEvaluator(Clock clock) {
        this.clock = clock;
    }

    /** The records the query selects, filtered, sorted, then offset and limited. */
    public List<Map<String, Object>> select(SoqlQuery query, List<Map<String, Object>> records) {
        List<Map<String, Object>> selected = new ArrayList<>();
        for (Map<String, Object> record : records) {
            if (query.where() == null || matches(query.where(), record)) {
                selected.add(record);
            }
        }
        if (!query.orderBy().isEmpty()) {
            selected.sort(ordering(query.orderBy()));
        }
        int from = Math.min(query.offset(), selected.size());
        int to = query.limit() == null ? selected.size() : Math.min(selected.size(), from + query.limit());
        return new ArrayList<>(selected.subList(from, to));
    }

    /** A field's value, its name compared ignoring case as Salesforce does. */
    public static Object field(Map<String, Object> record, String name) {
        Object value = record.get(name);
        if (value != null || record.containsKey(name)) {
            return value;
        }
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    boolean matches(Condition condition, Map<String, Object> record) {
        if (condition instanceof Condition.And and) {
            return and.operands().stream().allMatch(c -> matches(c, record));
        }
        if (condition instanceof Condition.Or or) {
            return or.operands().stream().anyMatch(c -> matches(c, record));
        }
        if (condition instanceof Condition.Not not) {
            return !matches(not.operand(), record);
        }
        if (condition instanceof Condition.In in) {
            Object value = field(record, in.field());
            boolean found = in.values().stream().anyMatch(v -> equal(value, v));
            return in.negated() != found;
        }
        Condition.Comparison comparison = (Condition.Comparison) condition;
        return compare(field(record, comparison.field()), comparison.operator(), comparison.value());
    }

    private boolean compare(Object value, String operator, Literal literal) {
        switch (operator) {
            case "=":
                return equal(value, literal);
            case "!=":
                return !equal(value, literal);
            case "LIKE":
                return value != null && like(((Literal.Text) literal).value()).matcher(value.toString()).matches();
            default:
                break;
        }
        if (value == null || literal instanceof Literal.Null) {
            return false;
        }
        if (literal instanceof Literal.DayRange range) {
            Instant instant = instant(value);
            if (instant == null) {
                return false;
            }
            Instant[] bounds = bounds(range);
            switch (operator) {
                case "<":
                    return instant.isBefore(bounds[0]);
                case "<=":
                    return instant.isBefore(bounds[1]);
                case ">":
                    return !instant.isBefore(bounds[1]);
                default:
                    return !instant.isBefore(bounds[0]);
            }
        }
        Integer order = order(value, literal);
        if (order == null) {
            return false;
        }
        switch (operator) {
            case "<":
                return order < 0;
            case "<=":
                return order <= 0;
            case ">":
                return order > 0;
            default:
                return order >= 0;
        }
    }

    private boolean equal(Object value, Literal literal) {
        if (literal instanceof Literal.Null) {
            return value == null;
        }
        if (value == null) {
            return false;
        }
        if (literal instanceof Literal.DayRange range) {
            Instant instant = instant(value);
            Instant[] bounds = bounds(range);
            return instant != null && !instant.isBefore(bounds[0]) && instant.isBefore(bounds[1]);
        }
        if (literal instanceof Literal.Bool bool) {
            return String.valueOf(bool.value()).equalsIgnoreCase(value.toString());
        }
        Integer order = order(value, literal);
        return order != null && order == 0;
    }

    /** How a field's value orders against a literal, or null when it cannot be read as the literal's type. */
    private Integer order(Object value, Literal literal) {
        if (literal instanceof Literal.Text text) {
            return value.toString().compareToIgnoreCase(text.value());
        }
        if (literal instanceof Literal.Number number) {
            BigDecimal decimal = decimal(value);
            return decimal == null ? null : decimal.compareTo(number.value());
        }
        if (literal instanceof Literal.Date date) {
            LocalDate day = date(value);
            return day == null ? null : day.compareTo(date.value());
        }
        if (literal instanceof Literal.DateTime dateTime) {
            Instant instant = instant(value);
            return instant == null ? null : instant.compareTo(dateTime.value());
        }
        return null;
    }

    /** The [start, end) instants of a day range such as LAST_N_DAYS:7, in UTC days. */
    private Instant[] bounds(Literal.DayRange range) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return new Instant[] {today.plusDays(range.fromDay()).atStartOfDay(ZoneOffset.UTC).toInstant(),
            today.plusDays(range.toDay() + 1L).atStartOfDay(ZoneOffset.UTC).toInstant()};
    }

    private static Comparator<Map<String, Object>> ordering(List<SoqlQuery.Ordering> orderBy) {
        Comparator<Map<String, Object>> all = null;
        for (SoqlQuery.Ordering o : orderBy) {
            Comparator<Object> ascending = SoqlEvaluator::compareValues;
            Comparator<Object> values = o.descending() ? ascending.reversed() : ascending;
            Comparator<Object> withNulls = o.nullsFirst() ? Comparator.nullsFirst(values)
                    : Comparator.nullsLast(values);
            Comparator<Map<String, Object>> one = Comparator.comparing(r -> field(r, o.field()), withNulls);
            all = all == null ? one : all.thenComparing(one);
        }
        return all;
    }

    /** Natural order of two stored values: numbers numerically, everything else as text ignoring case. */
    private static int compareValues(Object a, Object b) {
        BigDecimal x = decimal(a);
        BigDecimal y = decimal(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return a.toString().compareToIgnoreCase(b.toString());
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String s && s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            return new BigDecimal(s);
        }
        return null;
    }

    private static LocalDate date(Object value) {
        String text = value.toString();
        if (text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(Object value) {
        String text = value.toString();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            var parsed = STORED_DATETIME.parseBest(text, OffsetDateTime::from, java.time.LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                    : ((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A LIKE pattern as a regex: % any run, _ one character, backslash escapes them; ignoring case. */
    static Pattern like(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
