package io.rapport.sim.erp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates and drops the simulated ERP's customer schema ({@code erp-schema.sql}) in the connection's current
 * schema or database. The DDL is written once; {@link SqlDialect} fills in the types the databases spell differently.
 */
public final class ErpSchema {

    /** The schema's tables, parents before children. */
    public static final List<String> TABLES = List.of(
            "bp_number_range", "bp_partner", "bp_address", "sales_order", "sales_order_line", "invoice");

    private static final String RESOURCE = "erp-schema.sql";

    private ErpSchema() {
    }

    /** Creates the tables, indexes and number ranges for the connection's database; commits if not in auto-commit. */
    public static void create(Connection connection) throws SQLException {
        create(connection, SqlDialect.of(connection));
    }

    public static void create(Connection connection, SqlDialect dialect) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(dialect)) {
                statement.execute(sql);
            }
        }
        commitUnlessAutoCommit(connection);
    }

    /** Drops the tables (and with them their indexes and triggers) if they exist. */
    public static void drop(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (int i = TABLES.size() - 1; i >= 0; i--) {
                statement.execute("DROP TABLE IF EXISTS " + TABLES.get(i));
            }
        }
        commitUnlessAutoCommit(connection);
    }

    /** Whether the partner table exists in the connection's current schema. */
    public static boolean exists(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : List.of("bp_partner", "BP_PARTNER")) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The DDL for one dialect, one statement per element, without the terminating semicolons. */
    public static List<String> statements(SqlDialect dialect) {
        String script = script().replace("${TIMESTAMP}", dialect.timestampType());
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.substring(0, current.lastIndexOf(";")).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalStateException(RESOURCE + " ends without ';': " + current.toString().strip());
        }
        return statements;
    }

    private static String script() {
        try (InputStream in = ErpSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void commitUnlessAutoCommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
