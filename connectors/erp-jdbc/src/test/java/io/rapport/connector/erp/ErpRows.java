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

    static String insertOrder(String partnerNo, long orderNo, String date, String status) {
        return "INSERT INTO sales_order (order_no, partner_no, order_date, status, currency, net_amount, created_at)"
                + " VALUES (" + orderNo + ", '" + partnerNo + "', DATE '" + date + "', '" + status + "', 'EUR', 100.00, "
                + STAMP + ")";
    }

    static String insertInvoice(String partnerNo, long invoiceNo, String currency, String gross, String paid,
                                String status) {
        return "INSERT INTO invoice (invoice_no, partner_no, invoice_date, due_date, currency, net_amount, tax_amount,"
                + " gross_amount, paid_amount, status) VALUES (" + invoiceNo + ", '" + partnerNo + "', DATE '2025-01-10',"
                + " DATE '2025-02-10', '" + currency + "', " + gross + ", 0, " + gross + ", " + paid + ", '" + status
                + "')";
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
