package io.rapport.sim.erp;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases the simulated ERP runs on. The schema is written once; a dialect only supplies the few types the
 * databases spell differently.
 */
public enum SqlDialect {

    H2("TIMESTAMP(6)"),
    POSTGRESQL("TIMESTAMP(6)"),
    /** DATETIME, not TIMESTAMP: MariaDB's TIMESTAMP ends in 2038 and may update itself on every row change. */
    MARIADB("DATETIME(6)");

    private final String timestampType;

    SqlDialect(String timestampType) {
        this.timestampType = timestampType;
    }

    /** A date and time without zone, to the microsecond: the ERP's local time, as on-premise systems keep it. */
    public String timestampType() {
        return timestampType;
    }

    public static SqlDialect of(Connection connection) throws SQLException {
        return of(connection.getMetaData());
    }

    public static SqlDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        throw new SQLException("unsupported database for the ERP simulator: " + metaData.getDatabaseProductName());
    }
}
