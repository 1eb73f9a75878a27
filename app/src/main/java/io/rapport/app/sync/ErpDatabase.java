package io.rapport.app.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.rapport.connector.erp.ChangeCaptureInstaller;
import io.rapport.sim.erp.ErpSchema;
import io.rapport.sim.erp.ErpSeedGenerator;
import io.rapport.sim.erp.SeedOptions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection pool to the ERP database. It is deliberately not a Spring {@code DataSource} bean: the hub's own
 * database is the only one Spring Boot configures (and Flyway migrates); the ERP is a system the hub talks to. With
 * no URL configured it is an embedded H2 ERP in the data directory, given the simulator's schema, the change-capture
 * triggers and seed customers the first time, so the embedded run has an ERP to keep consistent.
 */
public class ErpDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ErpDatabase.class);

    private final HikariDataSource pool;

    public ErpDatabase(SyncProperties.Erp settings, Path dataDir) throws SQLException {
        boolean embedded = settings.url().isBlank();
        HikariConfig config = new HikariConfig();
        config.setPoolName("erp");
        config.setJdbcUrl(embedded ? "jdbc:h2:file:" + dataDir.resolve("erp").resolve("erp").toAbsolutePath()
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" : settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(4);
        this.pool = new HikariDataSource(config);
        if (embedded) {
            prepareEmbedded(settings.seedCustomers());
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    private void prepareEmbedded(int customers) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            if (ErpSchema.exists(connection)) {
                return;
            }
            ErpSchema.create(connection);
            // triggers first: the seed rows then arrive through the change table like any later change
            new ChangeCaptureInstaller().install(connection);
            new ErpSeedGenerator(new SeedOptions(SeedOptions.DEFAULT_SEED, customers,
                    SeedOptions.DEFAULT_ORGANIZATION_SHARE, null, SeedOptions.DEFAULT_MAX_ORDERS_PER_CUSTOMER,
                    SeedOptions.DEFAULT_AS_OF, SeedOptions.DEFAULT_CUSTOMERS_PER_COMMIT)).seed(connection);
            log.info("embedded ERP created with {} seed customers", customers);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
