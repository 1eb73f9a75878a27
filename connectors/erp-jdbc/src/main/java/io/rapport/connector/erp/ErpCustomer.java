package io.rapport.connector.erp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer as the ERP holds it: the business partner row and its addresses, column name (lower case) to value.
 * Values are Java types: String, LocalDate, LocalDateTime, BigDecimal, Boolean, Integer or Long; null is SQL NULL.
 *
 * <p>Read from the database, every column is present. Handed to {@link ErpCustomerWriter}, only the columns to
 * write are: an absent column is left as it is, a present null clears it. {@code partnerNo} is null for a customer
 * the ERP does not know yet; it is then found or created by its {@code ext_ref}.
 *
 * @param partnerNo the partner number, or null
 * @param partner   {@code bp_partner} columns
 * @param addresses {@code bp_address} columns per address type ({@link #BILL}, {@link #SHIP})
 * @param sales     the partner's sales summary, computed from its orders and invoices when read
 *                  ({@link #SALES_MEASURES}); empty on a customer to write, since the ERP alone keeps its books
 */
public record ErpCustomer(String partnerNo, Map<String, Object> partner, Map<String, Map<String, Object>> addresses,
                          Map<String, Object> sales) {

    /**
     * The sales summary: {@code open_balance}, what the partner owes on open and partly paid invoices in its own
     * currency; {@code last_order_date}, its latest order that was not cancelled; {@code open_orders}, orders not
     * delivered yet.
     */
    public static final List<String> SALES_MEASURES = List.of("open_balance", "last_order_date",
            "open_orders");

    public static final String BILL = "BILL";
    public static final String SHIP = "SHIP";
    /** The column that carries the hub's customer id: how an ERP keeps an external reference. */
    public static final String EXT_REF = "ext_ref";

    /** A customer without a sales summary: one to write. */
    public ErpCustomer(String partnerNo, Map<String, Object> partner, Map<String, Map<String, Object>> addresses) {
        this(partnerNo, partner, addresses, Map.of());
    }

    public ErpCustomer {
        partner = Collections.unmodifiableMap(new LinkedHashMap<>(partner));
        sales = Collections.unmodifiableMap(new LinkedHashMap<>(sales));
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        addresses.forEach((type, columns) -> copy.put(type, Collections.unmodifiableMap(new LinkedHashMap<>(columns))));
        addresses = Collections.unmodifiableMap(copy);
    }

    /** The hub's customer id the ERP carries, or null. */
    public String extRef() {
        Object value = partner.get(EXT_REF);
        return value == null ? null : value.toString();
    }

    /** The address of a type, or an empty map when the customer has none. */
    public Map<String, Object> address(String type) {
        return addresses.getOrDefault(type, Map.of());
    }
}
