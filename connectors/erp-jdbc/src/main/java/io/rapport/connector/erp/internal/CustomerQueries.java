package io.rapport.connector.erp.internal;

import io.rapport.connector.erp.ErpCustomer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads customers (partner rows with their addresses) by key, in chunks, optionally locking them for an update. */
public final class CustomerQueries {

    /** Keys per IN list: well below every driver's parameter limit, and a plan the databases cache. */
    public static final int CHUNK = 500;

    private CustomerQueries() {
    }

    /** The customers whose {@code column} (partner_no or ext_ref) is one of {@code values}, keyed by that value. */
    public static Map<String, ErpCustomer> by(Connection connection, String column, Collection<String> values,
            boolean lock) throws SQLException {
        Map<String, ErpCustomer> found = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(values);
        for (int start = 0; start < keys.size(); start += CHUNK) {
            List<String> chunk = keys.subList(start, Math.min(keys.size(), start + CHUNK));
            String sql = "SELECT * FROM " + CapturedTable.PARTNER + " WHERE " + column + " IN (" + placeholders(chunk.size())
                    + ")" + (lock ? " FOR UPDATE" : "");
            List<Map<String, Object>> partners = query(connection, sql, chunk);
            for (ErpCustomer customer : withAddresses(connection, partners, lock)) {
                found.put(String.valueOf(customer.partner().get(column)), customer);
            }
        }
        return found;
    }

    /** Up to {@code size} customers with a partner number above {@code after} (from the start when null), in order. */
    public static List<ErpCustomer> page(Connection connection, String after, int size) throws SQLException {
        String sql = "SELECT * FROM " + CapturedTable.PARTNER + (after == null ? "" : " WHERE partner_no > ?")
                + " ORDER BY partner_no LIMIT " + size;
        return withAddresses(connection, query(connection, sql, after == null ? List.of() : List.of(after)), false);
    }

    private static List<ErpCustomer> withAddresses(Connection connection, List<Map<String, Object>> partners,
            boolean lock) throws SQLException {
        if (partners.isEmpty()) {
            return List.of();
        }
        List<String> numbers = partners.stream().map(p -> (String) p.get("partner_no")).toList();
        String sql = "SELECT * FROM " + CapturedTable.ADDRESS + " WHERE partner_no IN (" + placeholders(numbers.size())
                + ") ORDER BY partner_no, address_type" + (lock ? " FOR UPDATE" : "");
        Map<String, Map<String, Map<String, Object>>> addresses = new LinkedHashMap<>();
        for (Map<String, Object> address : query(connection, sql, numbers)) {
            addresses.computeIfAbsent((String) address.get("partner_no"), k -> new LinkedHashMap<>())
                    .put((String) address.get("address_type"), address);
        }
        // the writer locks what it writes and never writes sales figures: it does without them
        Map<String, Map<String, Object>> sales = lock ? Map.of() : sales(connection, numbers);
        List<ErpCustomer> customers = new ArrayList<>(partners.size());
        for (Map<String, Object> partner : partners) {
            String partnerNo = (String) partner.get("partner_no");
            customers.add(new ErpCustomer(partnerNo, partner, addresses.getOrDefault(partnerNo, Collections.emptyMap()),
                    sales.getOrDefault(partnerNo, Map.of())));
        }
        return customers;
    }

    /** Each partner's sales summary ({@link ErpCustomer#SALES_MEASURES}), from its invoices and orders. */
    private static Map<String, Map<String, Object>> sales(Connection connection, List<String> numbers)
            throws SQLException {
        String sql = "SELECT p.partner_no,"
                + " (SELECT SUM(i.gross_amount - i.paid_amount) FROM invoice i WHERE i.partner_no = p.partner_no"
                + " AND i.status IN ('OPEN', 'PARTIAL') AND i.currency = p.currency) AS open_balance,"
                + " (SELECT MAX(o.order_date) FROM sales_order o WHERE o.partner_no = p.partner_no"
                + " AND o.status <> 'CANCELLED') AS last_order_date,"
                + " (SELECT COUNT(*) FROM sales_order o WHERE o.partner_no = p.partner_no AND o.status = 'OPEN')"
                + " AS open_orders"
                + " FROM " + CapturedTable.PARTNER + " p WHERE p.partner_no IN (" + placeholders(numbers.size()) + ")";
        Map<String, Map<String, Object>> sales = new LinkedHashMap<>();
        for (Map<String, Object> row : query(connection, sql, numbers)) {
            Map<String, Object> measures = new LinkedHashMap<>(row);
            measures.remove("partner_no");
            // no open invoice means nothing owed, not an unknown amount
            measures.computeIfAbsent("open_balance", k -> BigDecimal.ZERO);
            measures.put("open_orders", ((Number) measures.get("open_orders")).intValue());
            sales.put((String) row.get("partner_no"), measures);
        }
        return sales;
    }

    private static List<Map<String, Object>> query(Connection connection, String sql, List<String> parameters)
            throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(ColumnValues.read(rs));
                }
            }
        }
        return rows;
    }

    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
