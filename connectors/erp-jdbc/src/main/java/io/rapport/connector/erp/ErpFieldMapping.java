package io.rapport.connector.erp;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the ERP mapping: a hub field and the ERP column it lives in, written {@code bp_partner.tax_id} for a
 * partner column, {@code bp_address[SHIP].city} for a column of one address type, or {@code sales.open_balance} for
 * a measure of the partner's sales summary ({@link ErpCustomer#SALES_MEASURES}; read only).
 *
 * @param field       the hub's field name (a canonical column such as {@code given_name}, or an attribute)
 * @param addressType null for a {@code bp_partner} column or a sales measure, else the {@code bp_address} type
 *                    ({@code BILL}, {@code SHIP})
 * @param column      the column or measure, lower case
 * @param sales       whether {@code column} is a sales measure
 */
public record ErpFieldMapping(String field, String addressType, String column, boolean sales) {

    private static final Pattern SOURCE = Pattern.compile(
            "(?<table>bp_partner|sales|bp_address\\[(?<type>[A-Za-z0-9_]+)])\\.(?<column>[A-Za-z_][A-Za-z0-9_]*)");
    /** Columns the writer keeps itself: the key, and who changed the row when. Read, never written from a field. */
    private static final Set<String> MANAGED = Set.of("partner_no", "address_type", "created_at", "changed_at",
            "changed_by", "row_version");

    public ErpFieldMapping(String field, String addressType, String column) {
        this(field, addressType, column, false);
    }

    public ErpFieldMapping {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(column, "column");
        column = column.toLowerCase(Locale.ROOT);
        if (sales && !ErpCustomer.SALES_MEASURES.contains(column)) {
            throw new IllegalArgumentException("field '" + field + "': sales." + column + " is not a sales measure;"
                    + " measures are " + ErpCustomer.SALES_MEASURES);
        }
    }

    /**
     * Reads {@code bp_partner.column}, {@code bp_address[TYPE].column} or {@code sales.measure}; throws
     * IllegalArgumentException otherwise.
     */
    public static ErpFieldMapping parse(String field, String source) {
        Matcher m = SOURCE.matcher(Objects.requireNonNull(source, "source").strip());
        if (field == null || field.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("field '" + field + "': expected bp_partner.<column>,"
                    + " bp_address[<BILL|SHIP>].<column> or sales.<measure>, got '" + source + "'");
        }
        String type = m.group("type");
        return new ErpFieldMapping(field.strip(), type == null ? null : type.toUpperCase(Locale.ROOT), m.group("column"),
                m.group("table").equals("sales"));
    }

    public boolean onAddress() {
        return addressType != null;
    }

    /** False for the columns the writer maintains itself (key, change stamp, row version) and sales measures. */
    public boolean writable() {
        return !sales && !MANAGED.contains(column);
    }

    /** The written form {@link #parse} reads. */
    public String source() {
        return (sales ? "sales" : onAddress() ? "bp_address[" + addressType + "]" : "bp_partner") + "." + column;
    }
}
