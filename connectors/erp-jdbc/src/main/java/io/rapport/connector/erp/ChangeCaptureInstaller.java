package io.rapport.connector.erp;

import io.rapport.connector.erp.internal.ChangeCaptureDdl;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Installs trigger-based change capture on the ERP's customer tables: the change table {@code rapport_change}
 * and AFTER INSERT/UPDATE/DELETE row triggers on {@code bp_partner} and {@code bp_address} that record every row
 * change in it, in the changing transaction. Idempotent: installing again replaces the triggers and keeps the
 * table and its rows.
 *
 * <p>Needs ordinary DDL rights in the ERP's schema: CREATE TABLE, CREATE FUNCTION and TRIGGER on PostgreSQL; the
 * TRIGGER privilege on MariaDB (with binary logging on, also SUPER or {@code log_bin_trust_function_creators});
 * on H2 the connector's jar on the database's class path.
 */
public final class ChangeCaptureInstaller {

    /** Creates the change table and the triggers in the connection's current schema (or database). */
    public void install(Connection connection) throws SQLException {
        ErpDialect dialect = ErpDialect.of(connection);
        execute(connection, ChangeCaptureDdl.install(dialect, schemaOf(connection, dialect)));
    }

    /** Drops the triggers, their functions and the change table, with the changes not yet read. */
    public void uninstall(Connection connection) throws SQLException {
        ErpDialect dialect = ErpDialect.of(connection);
        execute(connection, ChangeCaptureDdl.uninstall(dialect, schemaOf(connection, dialect)));
    }

    /** The statements {@link #install} runs, for a DBA who installs by hand. */
    public List<String> installStatements(ErpDialect dialect, String schema) {
        return ChangeCaptureDdl.install(dialect, schema);
    }

    private static String schemaOf(Connection connection, ErpDialect dialect) throws SQLException {
        // MariaDB resolves names in a trigger body in the trigger's own database; the others need the schema named.
        return dialect == ErpDialect.MARIADB ? null : connection.getSchema();
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
            if (!autoCommit) {
                connection.commit();
            }
        } catch (SQLException e) {
            if (!autoCommit) {
                connection.rollback();
            }
            throw e;
        }
    }
}
