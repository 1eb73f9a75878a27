package io.rapport.bench;

import io.rapport.connector.erp.ChangeCaptureInstaller;
import io.rapport.sim.erp.ErpSchema;
import io.rapport.sim.erp.ErpSeedGenerator;
import io.rapport.sim.erp.SeedOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

/**
 * The ERP database a benchmark runs against: the hub's embedded H2 ERP, or a fresh PostgreSQL schema or MariaDB
 * database (dropped afterwards) given the simulator's schema, the change-capture triggers and the seed partners, as an
 * on-premise ERP would be prepared once. Chosen by the system property {@code rapport.bench.erp} (h2, postgresql,
 * mariadb); the servers come from {@code rapport.bench.postgresql.url}/{@code .user} and
 * {@code rapport.bench.mariadb.url}/{@code .user} (defaults: the local servers with trust/empty-password login).
 */
final class BenchErp implements AutoCloseable {

    private final String kind;
    private final String url;
    private final String user;
    private final Runnable drop;

    private BenchErp(String kind, String url, String user, Runnable drop) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.drop = drop;
    }

    static BenchErp create(int partners) throws SQLException {
        String kind = System.getProperty("rapport.bench.erp", "h2");
        String unique = "erp_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        BenchErp erp = switch (kind) {
            case "h2" -> new BenchErp(kind, null, null, () -> { });
            case "postgresql" -> {
                String server = System.getProperty("rapport.bench.postgresql.url",
                        "jdbc:postgresql://127.0.0.1:5432/test");
                String user = System.getProperty("rapport.bench.postgresql.user", "postgres");
                execute(server, user, "CREATE SCHEMA " + unique);
                yield new BenchErp(kind, server + (server.contains("?") ? "&" : "?") + "currentSchema=" + unique,
                        user, () -> execute(server, user, "DROP SCHEMA " + unique + " CASCADE"));
            }
            case "mariadb" -> {
                String server = System.getProperty("rapport.bench.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/");
                String user = System.getProperty("rapport.bench.mariadb.user", "root");
                execute(server, user, "CREATE DATABASE " + unique + " CHARACTER SET utf8mb4");
                yield new BenchErp(kind, server + unique, user,
                        () -> execute(server, user, "DROP DATABASE " + unique));
            }
            default -> throw new IllegalArgumentException("rapport.bench.erp=" + kind
                    + ": use h2, postgresql or mariadb");
        };
        if (erp.url != null) {
            try (Connection connection = DriverManager.getConnection(erp.url, erp.user, null)) {
                ErpSchema.create(connection);
                // triggers first, as the embedded ERP does: the seed rows reach the change table like later changes
                new ChangeCaptureInstaller().install(connection);
                new ErpSeedGenerator(new SeedOptions(SeedOptions.DEFAULT_SEED, partners,
                        SeedOptions.DEFAULT_ORGANIZATION_SHARE, null, SeedOptions.DEFAULT_MAX_ORDERS_PER_CUSTOMER,
                        SeedOptions.DEFAULT_AS_OF, SeedOptions.DEFAULT_CUSTOMERS_PER_COMMIT)).seed(connection);
            }
        }
        return erp;
    }

    /** The hub's settings for this ERP. */
    List<String> hubArguments(int partners) {
        return url == null ? List.of("--rapport.sync.erp.seed-customers=" + partners)
                : List.of("--rapport.sync.erp.url=" + url, "--rapport.sync.erp.username=" + user);
    }

    String describe() {
        return kind.equals("h2") ? "embedded H2" : kind + " (" + url + ")";
    }

    @Override
    public void close() {
        drop.run();
    }

    private static void execute(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + url + ": " + e.getMessage(), e);
        }
    }
}
