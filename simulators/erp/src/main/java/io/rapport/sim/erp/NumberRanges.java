package io.rapport.sim.erp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The ERP's own numbering ({@code bp_number_range}). Numbers are taken in blocks under the range's row lock, as an
 * ERP's buffered number ranges do, so concurrent writers never hand out the same number; unused numbers of a block
 * are gaps, as in the real thing.
 */
public final class NumberRanges {

    public static final String PARTNER = "BP_PARTNER";
    public static final String SALES_ORDER = "SALES_ORDER";
    public static final String INVOICE = "INVOICE";

    private NumberRanges() {
    }

    /**
     * Takes {@code count} consecutive numbers from the range within the connection's current transaction and
     * returns the first; the caller commits.
     */
    public static long take(Connection connection, String rangeId, long count) throws SQLException {
        long next;
        long last;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT next_no, last_no FROM bp_number_range WHERE range_id = ? FOR UPDATE")) {
            select.setString(1, rangeId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no number range " + rangeId + " in bp_number_range");
                }
                next = rs.getLong(1);
                last = rs.getLong(2);
            }
        }
        if (next + count - 1 > last) {
            throw new SQLException("number range " + rangeId + " is exhausted: " + count + " numbers wanted from "
                    + next + ", last is " + last);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE bp_number_range SET next_no = ? WHERE range_id = ?")) {
            update.setLong(1, next + count);
            update.setString(2, rangeId);
            update.executeUpdate();
        }
        return next;
    }
}
