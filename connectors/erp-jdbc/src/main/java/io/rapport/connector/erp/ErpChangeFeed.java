package io.rapport.connector.erp;

import io.rapport.connector.erp.ErpWatermark.Gap;
import io.rapport.connector.erp.internal.ChangeCaptureDdl;
import io.rapport.connector.erp.internal.ChangeRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Reads the ERP's captured customer changes ({@link ChangeCaptureInstaller}) after a watermark: one entry per
 * changed partner, and the watermark to continue from. Missing sequence numbers below the highest one read (changes
 * of transactions still open, which commit later) are looked for again on every poll until they appear or the gap
 * timeout passes ({@link ErpWatermark}).
 *
 * <p>Stateless and thread-safe: the caller keeps the watermark, and saves it after handing the changes on, so
 * delivery is at least once. Each poll takes a connection from the data source and gives it back.
 */
public final class ErpChangeFeed {

    /** How long a missing sequence number is waited for before it counts as rolled back. */
    public static final Duration DEFAULT_GAP_TIMEOUT = Duration.ofSeconds(30);
    /** At most this many missing ranges are waited for at once; beyond, the oldest are given up. */
    public static final int MAX_GAPS = 1_000;

    private static final String COLUMNS = "change_seq, entity, entity_key, operation, changed_by, captured_at";
    private static final int GAPS_PER_QUERY = 50;

    private final DataSource dataSource;
    private final Duration gapTimeout;
    private final Clock clock;

    public ErpChangeFeed(DataSource dataSource) {
        this(dataSource, DEFAULT_GAP_TIMEOUT, Clock.systemUTC());
    }

    /**
     * @param gapTimeout longer than the ERP's longest write transaction: a change committed after its number has been
     *                   given up is never delivered (the nightly reconciliation still finds the difference)
     * @param clock      for the gap timeout only; sequence numbers, not clocks, order the changes
     */
    public ErpChangeFeed(DataSource dataSource, Duration gapTimeout, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.gapTimeout = Objects.requireNonNull(gapTimeout, "gapTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (gapTimeout.isNegative()) {
            throw new IllegalArgumentException("gapTimeout must not be negative: " + gapTimeout);
        }
    }

    /**
     * The changes after {@code watermark}: late rows that filled its gaps, then up to {@code maxRows} new change rows,
     * coalesced per partner.
     */
    public ErpChangeBatch poll(ErpWatermark watermark, int maxRows) throws SQLException {
        Objects.requireNonNull(watermark, "watermark");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1: " + maxRows);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try (Connection connection = dataSource.getConnection()) {
            List<ChangeRow> late = readGaps(connection, watermark.gaps());
            ErpWatermark filled = watermark.fill(late.stream().map(ChangeRow::seq).toList());
            ErpWatermark waiting = filled.expire(now, gapTimeout, MAX_GAPS);
            int givenUp = countGivenUp(filled, waiting);
            List<ChangeRow> fresh = readAfter(connection, waiting.highestSeq(), Math.max(1, maxRows - late.size()));
            ErpWatermark next = waiting.advance(fresh.stream().map(ChangeRow::seq).toList(), now);
            endReadTransaction(connection);
            List<ChangeRow> rows = new ArrayList<>(late);
            rows.addAll(fresh);
            return new ErpChangeBatch(ChangeCoalescer.coalesce(rows), next, rows.size(), givenUp);
        }
    }

    /**
     * A watermark at the newest change, with nothing missing: to start a feed after an initial full load. Take it
     * before the load begins, so changes made during the load are read again afterwards.
     */
    public ErpWatermark head() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(change_seq) FROM " + ChangeCaptureDdl.CHANGE_TABLE)) {
            rs.next();
            long max = rs.getLong(1);
            endReadTransaction(connection);
            return ErpWatermark.at(max);
        }
    }

    /**
     * Deletes change rows up to {@code upToSeq}, to keep the change table small; pass
     * {@link ErpWatermark#purgeableUpTo()} of a saved watermark. Returns the number of rows deleted.
     */
    public int purge(long upToSeq) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + ChangeCaptureDdl.CHANGE_TABLE + " WHERE change_seq <= ?")) {
            delete.setLong(1, upToSeq);
            int deleted = delete.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return deleted;
        }
    }

    private static List<ChangeRow> readAfter(Connection connection, long afterSeq, int maxRows) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM "
                + ChangeCaptureDdl.CHANGE_TABLE + " WHERE change_seq > ? ORDER BY change_seq LIMIT ?")) {
            select.setLong(1, afterSeq);
            select.setInt(2, maxRows);
            return rows(select);
        }
    }

    private static List<ChangeRow> readGaps(Connection connection, List<Gap> gaps) throws SQLException {
        List<ChangeRow> rows = new ArrayList<>();
        for (int start = 0; start < gaps.size(); start += GAPS_PER_QUERY) {
            List<Gap> chunk = gaps.subList(start, Math.min(gaps.size(), start + GAPS_PER_QUERY));
            StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM ")
                    .append(ChangeCaptureDdl.CHANGE_TABLE).append(" WHERE ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("change_seq BETWEEN ? AND ?");
            }
            sql.append(" ORDER BY change_seq");
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (Gap gap : chunk) {
                    select.setLong(p++, gap.from());
                    select.setLong(p++, gap.to());
                }
                rows.addAll(rows(select));
            }
        }
        return rows;
    }

    private static List<ChangeRow> rows(PreparedStatement select) throws SQLException {
        List<ChangeRow> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new ChangeRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDateTime.class)));
            }
        }
        return rows;
    }

    private static int countGivenUp(ErpWatermark before, ErpWatermark after) {
        return before.gaps().size() - after.gaps().size();
    }

    /** Ends the read's transaction when the pool hands out connections outside auto-commit, so none stays open. */
    private static void endReadTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
