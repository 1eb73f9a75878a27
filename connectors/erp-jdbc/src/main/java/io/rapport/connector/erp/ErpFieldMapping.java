package io.rapport.connector.erp;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the ERP mapping: a hub field and the ERP column it lives in, written {@code bp_partner.tax_id} for a
 * partner column or {@code bp_address[SHIP].city} for a column of one address type.
 *
 * @param field       the hub's field name (a canonical column such as {@code given_name}, or an attribute)
 * @param addressType null for a {@code bp_partner} column, else the {@code bp_address} type ({@code BILL}, {@code SHIP})
 * @param column      the column, lower case
 */
public record ErpFieldMapping(String field, String addressType, String column) {

    private static final Pattern SOURCE = Pattern.compile(
            "(?<table>bp_partner|bp_address\\[(?<type>[A-Za-z0-9_]+)])\\.(?<column>[A-Za-z_][A-Za-z0-9_]*)");
    /** Columns the writer keeps itself: the key, and who changed the row when. Read, never written from a field. */
    private static final Set<String> MANAGED = Set.of("partner_no", "address_type", "created_at", "changed_at",
            "changed_by", "row_version");

    public ErpFieldMapping {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(column, "column");
        column = column.toLowerCase(Locale.ROOT);
    }

    /** Reads {@code bp_partner.column} or {@code bp_address[TYPE].column}; throws IllegalArgumentException otherwise. */
    public static ErpFieldMapping parse(String field, String source) {
        Matcher m = SOURCE.matcher(Objects.requireNonNull(source, "source").strip());
        if (field == null || field.isBlank() || !m.matches()) {
            throw new IllegalArgumentException("field '" + field + "': expected bp_partner.<column> or"
                    + " bp_address[<BILL|SHIP>].<column>, got '" + source + "'");
        }
        String type = m.group("type");
        return new ErpFieldMapping(field.strip(), type == null ? null : type.toUpperCase(Locale.ROOT), m.group("column"));
    }

    public boolean onAddress() {
        return addressType != null;
    }

    /** False for the columns the writer maintains itself (key, change stamp, row version). */
    public boolean writable() {
        return !MANAGED.contains(column);
    }

    /** The written form {@link #parse} reads. */
    public String source() {
        return (onAddress() ? "bp_address[" + addressType + "]" : "bp_partner") + "." + column;
    }
}
