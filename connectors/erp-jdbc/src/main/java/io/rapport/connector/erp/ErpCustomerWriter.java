package io.rapport.connector.erp;

import io.rapport.connector.erp.ErpWriteOutcome.Status;
import io.rapport.connector.erp.internal.CapturedTable;
import io.rapport.connector.erp.internal.ColumnValues;
import io.rapport.connector.erp.internal.CustomerQueries;
import io.rapport.connector.erp.internal.StatementBatches;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Writes customers into the ERP, idempotently: a partner is found by its number, or, for a customer the hub
 * created, by its {@code ext_ref} (the hub's customer id) and created with the next number of the ERP's own range
 * when missing. Only the columns given are written, and only those whose value differs: a write that changes
 * nothing updates no row, so no trigger fires and the change feed does not echo it back. Every row written is
 * stamped with the hub's sync user, which is how the change feed tells the hub's writes from the ERP users'.
 *
 * <p>Why select-then-write rather than each database's upsert (MERGE, ON CONFLICT, ON DUPLICATE KEY): the writer
 * needs the stored values anyway, to leave unchanged rows untouched (an upsert that sets a column to its own value
 * still updates the row and fires the triggers) and to bump {@code row_version}; and one statement form serves all
 * three databases. The stored rows are read with {@code SELECT ... FOR UPDATE}, so nobody changes them between the
 * comparison and the write.
 *
 * <p>One transaction per call, one JDBC batch per statement shape. Thread-safe.
 */
public final class ErpCustomerWriter {

    public static final String DEFAULT_HUB_USER = "RAPPORT_SYNC";

    private static final Set<String> PARTNER_STAMP = Set.of("partner_no", "created_at", "changed_at", "changed_by",
            "row_version");
    private static final Set<String> ADDRESS_STAMP = Set.of("partner_no", "address_type", "changed_at", "changed_by");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final int PARTNER_INSERTS = 0;
    private static final int PARTNER_UPDATES = 1;
    private static final int ADDRESS_INSERTS = 2;
    private static final int ADDRESS_UPDATES = 3;

    private final DataSource dataSource;
    private final String hubUser;
    private final PartnerNumberSource numbers;
    private final Clock clock;

    /** Writes as {@value #DEFAULT_HUB_USER}, numbers from {@code bp_number_range}, this JVM's clock and zone. */
    public ErpCustomerWriter(DataSource dataSource) {
        this(dataSource, DEFAULT_HUB_USER, new NumberRangeTable(), Clock.systemDefaultZone());
    }

    /**
     * @param hubUser the {@code changed_by} of every row the hub writes; the change feed's loop filter looks for it
     * @param clock   the ERP's local time, in the zone the ERP keeps its timestamps in
     */
    public ErpCustomerWriter(DataSource dataSource, String hubUser, PartnerNumberSource numbers, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.hubUser = Objects.requireNonNull(hubUser, "hubUser");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Writes the customers in one transaction and says, in the same order, what happened to each. A customer the
     * database refuses (a constraint, a value too long) fails alone: the others are written.
     *
     * @throws SQLException when the database cannot be reached, or the transaction was chosen as a deadlock victim
     *                      or timed out: nothing was written, and the whole call may be retried
     */
    public List<ErpWriteOutcome> write(List<ErpCustomer> customers) throws SQLException {
        ErpWriteOutcome[] outcomes = new ErpWriteOutcome[customers.size()];
        List<Integer> writable = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            ErpCustomer customer = customers.get(i);
            String problem = problemOf(customer);
            if (problem != null) {
                outcomes[i] = ErpWriteOutcome.failed(customer.partnerNo(), customer.extRef(), problem);
            } else {
                writable.add(i);
            }
        }
        if (!writable.isEmpty()) {
            try (Connection connection = dataSource.getConnection()) {
                writeInTransaction(connection, customers, writable, outcomes);
            }
        }
        return List.of(outcomes);
    }

    /**
     * Blocks the partners ({@code bp_partner.blocked}): the ERP's way of retiring a customer, since a partner with
     * orders and invoices cannot be deleted (and must not be, for the books). A partner already blocked is left
     * untouched; one the ERP does not have is left out of the answer. One transaction.
     *
     * @return the partner numbers the ERP has, blocked now or before
     * @throws SQLException when the database cannot be written; nothing was, and the call may be retried
     */
    public Set<String> block(Collection<String> partnerNos) throws SQLException {
        if (partnerNos.isEmpty()) {
            return Set.of();
        }
        return inTransaction(connection -> {
            Map<String, ErpCustomer> stored = CustomerQueries.by(connection, "partner_no",
                    new LinkedHashSet<>(partnerNos), true);
            LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            StatementBatches batches = new StatementBatches(PARTNER_UPDATES + 1);
            for (ErpCustomer customer : stored.values()) {
                updatePartner(customer.partnerNo(), Map.of("blocked", Boolean.TRUE),
                        new State(customer.partner()), now, batches);
            }
            batches.execute(connection);
            return stored.keySet();
        });
    }

    /** How a right-to-be-forgotten request treats a partner (docs/privacy.md). */
    public enum ErasureMode {
        /** Every personal column emptied, the addresses deleted, the partner blocked: the books keep their partner. */
        ANONYMIZE,
        /** The partner row deleted, or anonymized when orders or invoices still name it (they must stay). */
        DELETE
    }

    /** The partner's columns that hold a person's data; the rest (kind, terms, currency, stamps) say nothing of one. */
    private static final List<String> PERSONAL_COLUMNS = List.of("first_name", "last_name", "org_name", "birth_date",
            "national_id", "tax_id", "email", "phone", ErpCustomer.EXT_REF);

    /**
     * Erases the partners for a right-to-be-forgotten request, in one transaction, stamped with the hub's user like
     * every write of the hub's. A partner the ERP does not have is left out of the answer (already gone).
     *
     * @return partner number to what was done: {@code DELETED} or {@code ANONYMIZED}
     * @throws SQLException when the database cannot be written; nothing was, and the call may be retried
     */
    public Map<String, String> erase(Collection<String> partnerNos, ErasureMode mode) throws SQLException {
        if (partnerNos.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return inTransaction(connection -> {
            Map<String, String> done = new LinkedHashMap<>();
            Map<String, ErpCustomer> stored = CustomerQueries.by(connection, "partner_no",
                    new LinkedHashSet<>(partnerNos), true);
            LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
            for (ErpCustomer customer : stored.values()) {
                String partnerNo = customer.partnerNo();
                execute(connection, "DELETE FROM " + CapturedTable.ADDRESS + " WHERE partner_no = ?", partnerNo);
                if (mode == ErasureMode.DELETE && !referencedByDocuments(connection, partnerNo)) {
                    execute(connection, "DELETE FROM " + CapturedTable.PARTNER + " WHERE partner_no = ?", partnerNo);
                    done.put(partnerNo, "DELETED");
                    continue;
                }
                LocalDateTime stamp = stamp(now, (LocalDateTime) customer.partner().get("changed_at"));
                int version = ((Number) customer.partner().getOrDefault("row_version", 0)).intValue() + 1;
                execute(connection, "UPDATE " + CapturedTable.PARTNER + " SET "
                        + String.join(" = NULL, ", PERSONAL_COLUMNS) + " = NULL, blocked = ?, changed_at = ?,"
                        + " changed_by = ?, row_version = ? WHERE partner_no = ?",
                        Boolean.TRUE, stamp, hubUser, version, partnerNo);
                done.put(partnerNo, "ANONYMIZED");
            }
            return done;
        });
    }

    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.in(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** Orders and invoices must keep their partner (the books), so such a partner is anonymized, not deleted. */
    private static boolean referencedByDocuments(Connection connection, String partnerNo) throws SQLException {
        for (String table : List.of("sales_order", "invoice")) {
            try (var statement = connection.prepareStatement("SELECT 1 FROM " + table + " WHERE partner_no = ?")) {
                statement.setString(1, partnerNo);
                statement.setMaxRows(1);
                try (var rows = statement.executeQuery()) {
                    if (rows.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    /** What makes a customer unwritable before the database is asked; null when nothing does. */
    private static String problemOf(ErpCustomer customer) {
        if (customer.partnerNo() == null && customer.extRef() == null) {
            return "neither a partner number nor an ext_ref (customer_id) to find the customer by";
        }
        // column names go into the SQL text: only plain identifiers, never text from outside
        for (String column : customer.partner().keySet()) {
            if (!IDENTIFIER.matcher(column).matches()) {
                return "not a column name: '" + column + "'";
            }
        }
        for (Map.Entry<String, Map<String, Object>> address : customer.addresses().entrySet()) {
            if (!IDENTIFIER.matcher(address.getKey()).matches()) {
                return "not an address type: '" + address.getKey() + "'";
            }
            for (String column : address.getValue().keySet()) {
                if (!IDENTIFIER.matcher(column).matches()) {
                    return "not a column name: '" + column + "'";
                }
            }
        }
        return null;
    }

    private void writeInTransaction(Connection connection, List<ErpCustomer> customers, List<Integer> writable,
            ErpWriteOutcome[] outcomes) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try {
                apply(connection, customers, writable, outcomes);
            } catch (SQLException refused) {
                if (mustRetryWhole(refused)) {
                    throw refused;
                }
                // Find the customer the database refused: again one by one, each behind a savepoint, still one
                // transaction, so the others are written and the refused one fails alone.
                connection.rollback();
                for (int i : writable) {
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        apply(connection, customers, List.of(i), outcomes);
                    } catch (SQLException e) {
                        if (mustRetryWhole(e)) {
                            throw e;
                        }
                        connection.rollback(savepoint);
                        ErpCustomer customer = customers.get(i);
                        outcomes[i] = ErpWriteOutcome.failed(customer.partnerNo(), customer.extRef(), e.getMessage());
                    }
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Lost connections, deadlocks and lock timeouts are no fault of a customer's data: the caller retries the call. */
    private static boolean mustRetryWhole(SQLException e) {
        String state = e.getSQLState();
        return e instanceof SQLTransientException || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTransactionRollbackException
                || state != null && (state.startsWith("08") || state.startsWith("40"));
    }

    /** The partner and its addresses as they stand in this transaction, updated as the batch writes them. */
    private static final class State {
        final Map<String, Object> partner;
        final Map<String, Map<String, Object>> addresses = new HashMap<>();

        State(Map<String, Object> partner) {
            this.partner = new HashMap<>(partner);
        }
    }

    private void apply(Connection connection, List<ErpCustomer> customers, List<Integer> indexes,
            ErpWriteOutcome[] outcomes) throws SQLException {
        Set<String> partnerNos = new LinkedHashSet<>();
        Set<String> extRefs = new LinkedHashSet<>();
        for (int i : indexes) {
            ErpCustomer c = customers.get(i);
            if (c.partnerNo() != null) {
                partnerNos.add(c.partnerNo());
            } else {
                extRefs.add(c.extRef());
            }
        }
        Map<String, ErpCustomer> byNumber = CustomerQueries.by(connection, "partner_no", partnerNos, true);
        Map<String, ErpCustomer> byExtRef = CustomerQueries.by(connection, ErpCustomer.EXT_REF, extRefs, true);
        extRefs.removeAll(byExtRef.keySet());
        Iterator<String> newNumbers = numbers.next(connection, extRefs.size()).iterator();
        Map<String, String> numbered = new HashMap<>();
        for (String extRef : extRefs) {
            numbered.put(extRef, newNumbers.next());
        }

        Map<String, State> states = new HashMap<>();
        for (ErpCustomer stored : concat(byNumber, byExtRef)) {
            State state = new State(stored.partner());
            stored.addresses().forEach((type, columns) -> state.addresses.put(type, new HashMap<>(columns)));
            states.put(stored.partnerNo(), state);
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        StatementBatches batches = new StatementBatches(4);
        for (int i : indexes) {
            ErpCustomer c = customers.get(i);
            String partnerNo = c.partnerNo() != null ? c.partnerNo()
                    : byExtRef.containsKey(c.extRef()) ? byExtRef.get(c.extRef()).partnerNo() : numbered.get(c.extRef());
            State state = states.get(partnerNo);
            Status status;
            if (state == null) {
                state = insertPartner(partnerNo, c.partner(), now, batches);
                states.put(partnerNo, state);
                status = Status.CREATED;
            } else {
                status = updatePartner(partnerNo, c.partner(), state, now, batches) ? Status.UPDATED : Status.UNCHANGED;
            }
            for (Map.Entry<String, Map<String, Object>> address : c.addresses().entrySet()) {
                if (writeAddress(partnerNo, address.getKey(), address.getValue(), state, now, batches)
                        && status == Status.UNCHANGED) {
                    status = Status.UPDATED;
                }
            }
            outcomes[i] = new ErpWriteOutcome(partnerNo, c.extRef() != null ? c.extRef()
                    : (String) state.partner.get(ErpCustomer.EXT_REF), status, null);
        }
        batches.execute(connection);
    }

    private State insertPartner(String partnerNo, Map<String, Object> given, LocalDateTime now,
            StatementBatches batches) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("partner_no", partnerNo);
        given.forEach((column, value) -> {
            if (!PARTNER_STAMP.contains(column)) {
                row.put(column, value);
            }
        });
        row.putIfAbsent("kind", kindOf(row));
        row.put("created_at", now);
        row.put("changed_at", now);
        row.put("changed_by", hubUser);
        row.put("row_version", 1);
        batches.add(PARTNER_INSERTS, insert(CapturedTable.PARTNER, row.keySet()), new ArrayList<>(row.values()));
        return new State(row);
    }

    /** The core's rule: an organization name without a person's name is an organization. */
    private static String kindOf(Map<String, Object> row) {
        boolean personName = row.get("first_name") != null || row.get("last_name") != null;
        return row.get("org_name") != null && !personName ? "ORGANIZATION" : "PERSON";
    }

    private boolean updatePartner(String partnerNo, Map<String, Object> given, State state, LocalDateTime now,
            StatementBatches batches) {
        Map<String, Object> changed = changedColumns(given, state.partner, PARTNER_STAMP);
        if (changed.isEmpty()) {
            return false;
        }
        LocalDateTime stamp = stamp(now, (LocalDateTime) state.partner.get("changed_at"));
        int version = ((Number) state.partner.getOrDefault("row_version", 0)).intValue() + 1;
        changed.put("changed_at", stamp);
        changed.put("changed_by", hubUser);
        changed.put("row_version", version);
        List<Object> parameters = new ArrayList<>(changed.values());
        parameters.add(partnerNo);
        batches.add(PARTNER_UPDATES, update(CapturedTable.PARTNER, changed.keySet(), "partner_no = ?"), parameters);
        state.partner.putAll(changed);
        return true;
    }

    private boolean writeAddress(String partnerNo, String type, Map<String, Object> given, State state,
            LocalDateTime now, StatementBatches batches) {
        Map<String, Object> stored = state.addresses.get(type);
        if (stored == null) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("partner_no", partnerNo);
            row.put("address_type", type);
            given.forEach((column, value) -> {
                if (!ADDRESS_STAMP.contains(column)) {
                    row.put(column, value);
                }
            });
            row.put("changed_at", now);
            row.put("changed_by", hubUser);
            batches.add(ADDRESS_INSERTS, insert(CapturedTable.ADDRESS, row.keySet()), new ArrayList<>(row.values()));
            state.addresses.put(type, new HashMap<>(row));
            return true;
        }
        Map<String, Object> changed = changedColumns(given, stored, ADDRESS_STAMP);
        if (changed.isEmpty()) {
            return false;
        }
        changed.put("changed_at", stamp(now, (LocalDateTime) stored.get("changed_at")));
        changed.put("changed_by", hubUser);
        List<Object> parameters = new ArrayList<>(changed.values());
        parameters.add(partnerNo);
        parameters.add(type);
        batches.add(ADDRESS_UPDATES, update(CapturedTable.ADDRESS, changed.keySet(), "partner_no = ? AND address_type = ?"),
                parameters);
        stored.putAll(changed);
        return true;
    }

    private static Map<String, Object> changedColumns(Map<String, Object> given, Map<String, Object> stored,
            Set<String> managed) {
        Map<String, Object> changed = new LinkedHashMap<>();
        given.forEach((column, value) -> {
            if (!managed.contains(column) && !ColumnValues.same(stored.get(column), value)) {
                changed.put(column, value);
            }
        });
        return changed;
    }

    /**
     * The change stamp: now, but always after the row's previous stamp, because the triggers credit an update to
     * {@code changed_by} only when {@code changed_at} moved.
     */
    private static LocalDateTime stamp(LocalDateTime now, LocalDateTime previous) {
        return previous != null && !now.isAfter(previous) ? previous.plus(1, ChronoUnit.MICROS) : now;
    }

    private static String insert(String table, Set<String> columns) {
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + CustomerQueries.placeholders(columns.size()) + ")";
    }

    private static String update(String table, Set<String> columns, String where) {
        return "UPDATE " + table + " SET " + String.join(" = ?, ", columns) + " = ? WHERE " + where;
    }

    private static List<ErpCustomer> concat(Map<String, ErpCustomer> a, Map<String, ErpCustomer> b) {
        List<ErpCustomer> all = new ArrayList<>(a.values());
        all.addAll(b.values());
        return all;
    }
}
