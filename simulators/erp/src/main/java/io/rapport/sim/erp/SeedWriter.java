package io.rapport.sim.erp;

import io.rapport.sim.erp.SeedRows.Address;
import io.rapport.sim.erp.SeedRows.Customer;
import io.rapport.sim.erp.SeedRows.Invoice;
import io.rapport.sim.erp.SeedRows.Order;
import io.rapport.sim.erp.SeedRows.OrderLine;
import io.rapport.sim.erp.SeedRows.Partner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Writes seeded customers with one JDBC batch per table, parents first, flushed and committed together. */
final class SeedWriter implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement partners;
    private final PreparedStatement addresses;
    private final PreparedStatement orders;
    private final PreparedStatement lines;
    private final PreparedStatement invoices;
    int partnerCount;
    int addressCount;
    int orderCount;
    int lineCount;
    int invoiceCount;

    SeedWriter(Connection connection) throws SQLException {
        this.connection = connection;
        this.partners = connection.prepareStatement("INSERT INTO bp_partner (partner_no, kind, first_name, last_name,"
                + " org_name, birth_date, national_id, tax_id, email, phone, credit_limit, currency, payment_terms,"
                + " blocked, created_at, changed_at, changed_by, row_version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.addresses = connection.prepareStatement("INSERT INTO bp_address (partner_no, address_type, street,"
                + " house_no, street2, postcode, city, region, country, changed_at, changed_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.orders = connection.prepareStatement("INSERT INTO sales_order (order_no, partner_no, order_date, status,"
                + " currency, net_amount, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.lines = connection.prepareStatement("INSERT INTO sales_order_line (order_no, line_no, material,"
                + " description, quantity, unit_price, line_amount) VALUES (?, ?, ?, ?, ?, ?, ?)");
        this.invoices = connection.prepareStatement("INSERT INTO invoice (invoice_no, partner_no, order_no,"
                + " invoice_date, due_date, currency, net_amount, tax_amount, gross_amount, paid_amount, status)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    void add(Customer customer) throws SQLException {
        Partner p = customer.partner();
        int i = 1;
        partners.setString(i++, p.partnerNo());
        partners.setString(i++, p.kind());
        text(partners, i++, p.firstName());
        text(partners, i++, p.lastName());
        text(partners, i++, p.orgName());
        partners.setObject(i++, p.birthDate(), Types.DATE);
        text(partners, i++, p.nationalId());
        text(partners, i++, p.taxId());
        text(partners, i++, p.email());
        text(partners, i++, p.phone());
        partners.setBigDecimal(i++, p.creditLimit());
        partners.setString(i++, p.currency());
        partners.setString(i++, p.paymentTerms());
        partners.setBoolean(i++, p.blocked());
        partners.setObject(i++, p.createdAt());
        partners.setObject(i++, p.changedAt());
        partners.setString(i++, p.changedBy());
        partners.setInt(i, p.rowVersion());
        partners.addBatch();
        partnerCount++;
        for (Address a : customer.addresses()) {
            i = 1;
            addresses.setString(i++, a.partnerNo());
            addresses.setString(i++, a.type());
            text(addresses, i++, a.street());
            text(addresses, i++, a.houseNo());
            text(addresses, i++, a.street2());
            text(addresses, i++, a.postcode());
            text(addresses, i++, a.city());
            text(addresses, i++, a.region());
            addresses.setString(i++, a.country());
            addresses.setObject(i++, a.changedAt());
            addresses.setString(i, a.changedBy());
            addresses.addBatch();
            addressCount++;
        }
        for (Order o : customer.orders()) {
            i = 1;
            orders.setLong(i++, o.orderNo());
            orders.setString(i++, o.partnerNo());
            orders.setObject(i++, o.orderDate());
            orders.setString(i++, o.status());
            orders.setString(i++, o.currency());
            orders.setBigDecimal(i++, o.netAmount());
            orders.setObject(i, o.createdAt());
            orders.addBatch();
            orderCount++;
            for (OrderLine l : o.lines()) {
                i = 1;
                lines.setLong(i++, o.orderNo());
                lines.setInt(i++, l.lineNo());
                lines.setString(i++, l.material());
                lines.setString(i++, l.description());
                lines.setBigDecimal(i++, l.quantity());
                lines.setBigDecimal(i++, l.unitPrice());
                lines.setBigDecimal(i, l.lineAmount());
                lines.addBatch();
                lineCount++;
            }
        }
        for (Invoice v : customer.invoices()) {
            i = 1;
            invoices.setLong(i++, v.invoiceNo());
            invoices.setString(i++, v.partnerNo());
            invoices.setLong(i++, v.orderNo());
            invoices.setObject(i++, v.invoiceDate());
            invoices.setObject(i++, v.dueDate());
            invoices.setString(i++, v.currency());
            invoices.setBigDecimal(i++, v.netAmount());
            invoices.setBigDecimal(i++, v.taxAmount());
            invoices.setBigDecimal(i++, v.grossAmount());
            invoices.setBigDecimal(i++, v.paidAmount());
            invoices.setString(i, v.status());
            invoices.addBatch();
            invoiceCount++;
        }
    }

    /** Sends the pending rows, parents before children, and commits them. */
    void flush() throws SQLException {
        partners.executeBatch();
        addresses.executeBatch();
        orders.executeBatch();
        lines.executeBatch();
        invoices.executeBatch();
        connection.commit();
    }

    private static void text(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : new PreparedStatement[] {partners, addresses, orders, lines, invoices}) {
            statement.close();
        }
    }
}
