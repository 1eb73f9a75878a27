package io.rapport.connector.erp.internal;

import java.util.List;
import java.util.stream.Stream;

/**
 * A table whose row changes are captured, and how a row names the business partner it belongs to: the change table's
 * {@code entity_key} is the partner number, followed by {@code ':'} and the rest of the key for a child row.
 *
 * @param stamped whether rows carry {@code changed_at} and {@code changed_by} (the customer tables); a change to
 *                another table is credited to the database user
 */
public record CapturedTable(String table, List<String> keyColumns, boolean stamped) {

    public static final String PARTNER = "bp_partner";
    public static final String ADDRESS = "bp_address";

    /** The customer tables: partners, and addresses keyed by partner number and address type. */
    public static final List<CapturedTable> CUSTOMER_TABLES = List.of(
            new CapturedTable(PARTNER, List.of("partner_no"), true),
            new CapturedTable(ADDRESS, List.of("partner_no", "address_type"), true));

    /**
     * The sales documents a customer's sales summary is computed from: a new order or a paid invoice changes the
     * partner's record as the hub reads it. The hub never writes them.
     */
    public static final List<CapturedTable> DOCUMENT_TABLES = List.of(
            new CapturedTable("sales_order", List.of("partner_no", "order_no"), false),
            new CapturedTable("invoice", List.of("partner_no", "invoice_no"), false));

    /** Every captured table. */
    public static final List<CapturedTable> ALL = Stream.concat(CUSTOMER_TABLES.stream(),
            DOCUMENT_TABLES.stream()).toList();

    /** The separator between the parts of an {@code entity_key}; partner numbers never contain it. */
    public static final char KEY_SEPARATOR = ':';

    /** The partner number an {@code entity_key} belongs to: the part before the first separator. */
    public static String partnerOf(String entityKey) {
        int separator = entityKey.indexOf(KEY_SEPARATOR);
        return separator < 0 ? entityKey : entityKey.substring(0, separator);
    }
}
