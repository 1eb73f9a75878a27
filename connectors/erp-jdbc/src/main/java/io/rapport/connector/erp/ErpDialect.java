package io.rapport.connector.erp;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** The ERP databases the connector speaks to; the few statements that differ between them are chosen by this. */
public enum ErpDialect {

    H2,
    POSTGRESQL,
    /** MariaDB, and MySQL where it behaves the same (triggers, AUTO_INCREMENT, {@code SELECT ... FOR UPDATE}). */
    MARIADB;

    public static ErpDialect of(Connection connection) throws SQLException {
        return of(connection.getMetaData());
    }

    /** Reads the database product name; throws SQLException for a database the connector does not support. */
    public static ErpDialect of(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return MARIADB;
        }
        throw new SQLException("the ERP connector supports H2, PostgreSQL and MariaDB, not " + product);
    }
}
