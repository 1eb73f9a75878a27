package io.rapport.connector.erp.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * What type an ERP column holds, so that a hub field's text becomes the value the column takes and back. Columns
 * not listed hold text; a custom mapping onto another typed column extends this table.
 */
public final class ColumnTypes {

    public enum Type { TEXT, DATE, TIMESTAMP, DECIMAL, BOOLEAN, INTEGER }

    private static final Map<String, Type> KNOWN = Map.of(
            "birth_date", Type.DATE,
            "created_at", Type.TIMESTAMP,
            "changed_at", Type.TIMESTAMP,
            "credit_limit", Type.DECIMAL,
            "blocked", Type.BOOLEAN,
            "row_version", Type.INTEGER);

    private ColumnTypes() {
    }

    public static Type of(String column) {
        return KNOWN.getOrDefault(column, Type.TEXT);
    }

    /** The field text for a column value; timestamps (ERP local time) with the ERP's offset. */
    public static String format(Object value, ZoneId erpZone) {
        if (value instanceof LocalDateTime time) {
            return time.atZone(erpZone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return value.toString();
    }

    /** The column value for a field's text; throws IllegalArgumentException for text the column cannot take. */
    public static Object parse(String column, String text, ZoneId erpZone) {
        String value = text.strip();
        try {
            return switch (of(column)) {
                case TEXT -> text;
                case DATE -> value.length() == 8 && value.chars().allMatch(Character::isDigit)
                        ? LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(value);
                case TIMESTAMP -> timestamp(value, erpZone);
                case DECIMAL -> new BigDecimal(value);
                case INTEGER -> Long.parseLong(value);
                case BOOLEAN -> flag(value);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(column + ": '" + text + "' is not a " + of(column).name().toLowerCase(Locale.ROOT));
        }
    }

    private static LocalDateTime timestamp(String value, ZoneId erpZone) {
        try {
            return OffsetDateTime.parse(value).atZoneSameInstant(erpZone).toLocalDateTime();
        } catch (DateTimeParseException noOffset) {
            return LocalDateTime.parse(value);
        }
    }

    private static Boolean flag(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1", "x" -> Boolean.TRUE;
            case "false", "no", "n", "0", "" -> Boolean.FALSE;
            default -> throw new NumberFormatException("not a flag");
        };
    }
}
