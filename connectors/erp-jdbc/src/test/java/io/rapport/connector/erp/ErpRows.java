package io.rapport.connector.erp;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** ERP users' edits as plain SQL, the way an ERP screen or a DBA's script changes the rows. */
final class ErpRows {

    static final String STAMP = "TIMESTAMP '2025-01-01 10:00:00'";

    private ErpRows() {
    }

    static String insertPerson(String partnerNo, String first, String last, String by) {
        return "INSERT INTO bp_partner (partner_no, kind, first_name, last_name, currency, payment_terms, created_at,"
                + " changed_at, changed_by) VALUES ('" + partnerNo + "', 'PERSON', '" + first + "', '" + last
                + "', 'EUR', 'NT30', " + STAMP + ", " + STAMP + ", '" + by + "')";
    }

    static String insertAddress(String partnerNo, String type, String street, String by) {
        return "INSERT INTO bp_address (partner_no, address_type, street, house_no, postcode, city, country, changed_at,"
                + " changed_by) VALUES ('" + partnerNo + "', '" + type + "', '" + street + "', '1', '0150', 'Oslo', 'NO', "
                + STAMP + ", '" + by + "')";
    }

    /** An update as an ERP program makes it: the change stamped with a new time and the user. */
    static String stampedUpdate(String table, String where, String set, String by, int minute) {
        return "UPDATE " + table + " SET " + set + ", changed_at = TIMESTAMP '2025-01-02 10:" + (minute < 10 ? "0" : "")
                + minute + ":00', changed_by = '" + by + "' WHERE " + where;
    }

    static void run(Connection connection, String... statements) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }
}
