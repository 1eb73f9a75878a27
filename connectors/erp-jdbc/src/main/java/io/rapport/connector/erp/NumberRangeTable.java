package io.rapport.connector.erp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Partner numbers from a number range table ({@code range_id}, {@code next_no}, {@code last_no}), like the
 * simulator's {@code bp_number_range} and SAP's NRIV: the range row is locked with {@code SELECT ... FOR UPDATE}
 * until the transaction ends, so concurrent writers, the ERP's own included, never take the same number.
 */
public final class NumberRangeTable implements PartnerNumberSource {

    public static final String DEFAULT_TABLE = "bp_number_range";
    public static final String DEFAULT_RANGE = "BP_PARTNER";
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String table;
    private final String rangeId;

    public NumberRangeTable() {
        this(DEFAULT_TABLE, DEFAULT_RANGE);
    }

    public NumberRangeTable(String table, String rangeId) {
        if (!NAME.matcher(Objects.requireNonNull(table, "table")).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        this.table = table;
        this.rangeId = Objects.requireNonNull(rangeId, "rangeId");
    }

    @Override
    public List<String> next(Connection connection, int count) throws SQLException {
        if (count == 0) {
            return List.of();
        }
        long next;
        long last;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_no, last_no FROM " + table + " WHERE range_id = ? FOR UPDATE")) {
            select.setString(1, rangeId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no number range " + rangeId + " in " + table);
                }
                next = rs.getLong(1);
                last = rs.getLong(2);
            }
        }
        if (next + count - 1 > last) {
            throw new SQLException("number range " + rangeId + " is exhausted: " + count + " numbers wanted from " + next
                    + ", last is " + last);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + table + " SET next_no = ? WHERE range_id = ?")) {
            update.setLong(1, next + count);
            update.setString(2, rangeId);
            update.executeUpdate();
        }
        List<String> numbers = new ArrayList<>(count);
        for (long n = next; n < next + count; n++) {
            numbers.add(Long.toString(n));
        }
        return numbers;
    }
}
