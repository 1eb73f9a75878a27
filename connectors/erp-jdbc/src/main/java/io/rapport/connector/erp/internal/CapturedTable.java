package io.rapport.connector.erp.internal;

import java.util.List;

/**
 * A table whose row changes are captured, and how a row names the business partner it belongs to: the change table's
 * {@code entity_key} is the partner number, followed by {@code ':'} and the rest of the key for a child row.
 */
public record CapturedTable(String table, List<String> keyColumns) {

    public static final String PARTNER = "bp_partner";
    public static final String ADDRESS = "bp_address";

    /** The customer tables: partners, and addresses keyed by partner number and address type. */
    public static final List<CapturedTable> CUSTOMER_TABLES = List.of(
            new CapturedTable(PARTNER, List.of("partner_no")),
            new CapturedTable(ADDRESS, List.of("partner_no", "address_type")));

    /** The separator between the parts of an {@code entity_key}; partner numbers never contain it. */
    public static final char KEY_SEPARATOR = ':';

    /** The partner number an {@code entity_key} belongs to: the part before the first separator. */
    public static String partnerOf(String entityKey) {
        int separator = entityKey.indexOf(KEY_SEPARATOR);
        return separator < 0 ? entityKey : entityKey.substring(0, separator);
    }
}
