package io.rapport.connector.erp;

import io.rapport.sim.erp.ErpSchema;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A fresh, empty ERP database for one test class: an H2 in-memory database, a PostgreSQL schema or a MariaDB
 * database with a random name, holding the simulator's ERP schema with change capture installed; dropped on close.
 * Which databases the tests run on comes from the system property {@code rapport.test.erp-databases}.
 */
final class ErpTestDatabase implements AutoCloseable {

    static final String PROPERTY = "rapport.test.erp-databases";
    private static final String POSTGRES_URL = System.getProperty("rapport.test.postgresql.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String POSTGRES_USER = System.getProperty("rapport.test.postgresql.user", "postgres");
    private static final String MARIADB_URL = System.getProperty("rapport.test.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String MARIADB_USER = System.getProperty("rapport.test.mariadb.user", "root");

    final String name;
    final ErpDialect dialect;
    final DataSource dataSource;
    private final Runnable drop;

    private ErpTestDatabase(String name, ErpDialect dialect, DataSource dataSource, Runnable drop) {
        this.name = name;
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.drop = drop;
    }

    /** The configured database names: h2, postgresql, mariadb. */
    static List<String> configured() {
        return Arrays.stream(System.getProperty(PROPERTY, "h2").split(","))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
    }

    static ErpTestDatabase create(String name) throws SQLException {
        String unique = "erp_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        ErpTestDatabase db = switch (name) {
            case "h2" -> {
                String url = "jdbc:h2:mem:" + unique + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
                yield new ErpTestDatabase(name, ErpDialect.H2, new DriverManagerDataSource(url, "sa", ""),
                        () -> execute(url, "sa", "SHUTDOWN"));
            }
            case "postgresql" -> {
                execute(POSTGRES_URL, POSTGRES_USER, "CREATE SCHEMA " + unique);
                String url = POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + unique;
                yield new ErpTestDatabase(name, ErpDialect.POSTGRESQL, new DriverManagerDataSource(url, POSTGRES_USER, null),
                        () -> execute(POSTGRES_URL, POSTGRES_USER, "DROP SCHEMA " + unique + " CASCADE"));
            }
            case "mariadb" -> {
                execute(MARIADB_URL, MARIADB_USER, "CREATE DATABASE " + unique + " CHARACTER SET utf8mb4");
                yield new ErpTestDatabase(name, ErpDialect.MARIADB,
                        new DriverManagerDataSource(MARIADB_URL + unique, MARIADB_USER, null),
                        () -> execute(MARIADB_URL, MARIADB_USER, "DROP DATABASE " + unique));
            }
            default -> throw new IllegalArgumentException("unknown test database '" + name + "' in " + PROPERTY
                    + "; use h2, postgresql or mariadb");
        };
        try (Connection c = db.connect()) {
            ErpSchema.create(c);
            new ChangeCaptureInstaller().install(c);
        }
        return db;
    }

    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Empties the ERP tables and restarts the partner numbers. The change table keeps its rows (the deletes are
     * captured too), so a test starts its feed at {@link ErpChangeFeed#head()} and sees only its own changes.
     */
    void reset() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : List.of("invoice", "sales_order_line", "sales_order", "bp_address", "bp_partner")) {
                s.executeUpdate("DELETE FROM " + table);
            }
            s.executeUpdate("UPDATE bp_number_range SET next_no = 1000000 WHERE range_id = 'BP_PARTNER'");
        }
    }

    /** Runs statements in one auto-committed session each, as a user of the ERP would. */
    void sql(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    @Override
    public void close() {
        drop.run();
    }

    @Override
    public String toString() {
        return name;
    }

    private static void execute(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url + ": " + e.getMessage(), e);
        }
    }
}
