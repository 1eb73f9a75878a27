package io.rapport.connector.erp.internal;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Column values between JDBC and the connector's Java types, the same on every database: the drivers disagree on
 * what {@code getObject} returns (java.sql.Date or LocalDate, Boolean or Integer for MariaDB's BOOLEAN, padded CHAR).
 */
public final class ColumnValues {

    private ColumnValues() {
    }

    /** The current row, lower-case column name to value. */
    public static Map<String, Object> read(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, i, meta.getColumnType(i)));
        }
        return row;
    }

    private static Object value(ResultSet rs, int i, int type) throws SQLException {
        Object value = switch (type) {
            case Types.DATE -> rs.getObject(i, LocalDate.class);
            case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            case Types.DECIMAL, Types.NUMERIC -> rs.getBigDecimal(i);
            case Types.BOOLEAN, Types.BIT -> rs.getBoolean(i);
            case Types.BIGINT -> rs.getLong(i);
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> rs.getInt(i);
            case Types.CHAR, Types.NCHAR -> {
                String s = rs.getString(i);
                yield s == null ? null : s.stripTrailing();
            }
            default -> rs.getString(i);
        };
        return rs.wasNull() ? null : value;
    }

    public static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof BigDecimal decimal) {
            statement.setBigDecimal(index, decimal);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else {
            statement.setObject(index, value);
        }
    }

    /** Whether a stored value and a value to write are the same: numbers by value (5000 is 5000.00), others equal. */
    public static boolean same(Object stored, Object wanted) {
        if (stored == null || wanted == null) {
            return stored == wanted;
        }
        if (stored instanceof Number a && wanted instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return stored.equals(wanted);
    }
}
