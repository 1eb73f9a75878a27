package io.rapport.connector.erp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which hub field lives in which ERP column: a table of {@link ErpFieldMapping}s, so a configuration file
 * ({@code config/mappings/erp.yaml}: field name to {@code bp_partner.column}, {@code bp_address[TYPE].column} or
 * {@code sales.measure}) can replace the defaults for an ERP whose columns differ.
 */
public final class ErpMapping {

    /** The simulator schema's mapping: canonical columns where the hub has one, named attributes for the rest. */
    private static final Map<String, String> DEFAULTS = defaults(
            "given_name", "bp_partner.first_name",
            "family_name", "bp_partner.last_name",
            "organization", "bp_partner.org_name",
            "party_type", "bp_partner.kind",
            "email", "bp_partner.email",
            "phone", "bp_partner.phone",
            "birth_date", "bp_partner.birth_date",
            "national_id", "bp_partner.national_id",
            "street", "bp_address[BILL].street",
            "street_number", "bp_address[BILL].house_no",
            "address_line2", "bp_address[BILL].street2",
            "postcode", "bp_address[BILL].postcode",
            "locality", "bp_address[BILL].city",
            "region", "bp_address[BILL].region",
            "country", "bp_address[BILL].country",
            "tax_id", "bp_partner.tax_id",
            "credit_limit", "bp_partner.credit_limit",
            "currency", "bp_partner.currency",
            "payment_terms", "bp_partner.payment_terms",
            "blocked", "bp_partner.blocked",
            "customer_id", "bp_partner.ext_ref",
            "ship_street", "bp_address[SHIP].street",
            "ship_street_number", "bp_address[SHIP].house_no",
            "ship_address_line2", "bp_address[SHIP].street2",
            "ship_postcode", "bp_address[SHIP].postcode",
            "ship_locality", "bp_address[SHIP].city",
            "ship_region", "bp_address[SHIP].region",
            "ship_country", "bp_address[SHIP].country",
            "open_balance", "sales.open_balance",
            "last_order_date", "sales.last_order_date",
            "open_orders", "sales.open_orders",
            "erp_changed_at", "bp_partner.changed_at",
            "erp_changed_by", "bp_partner.changed_by",
            "erp_row_version", "bp_partner.row_version");

    private final List<ErpFieldMapping> fields;

    private ErpMapping(List<ErpFieldMapping> fields) {
        this.fields = List.copyOf(fields);
    }

    public static ErpMapping defaults() {
        return of(DEFAULTS);
    }

    /** A mapping from field name to column (as {@link ErpFieldMapping#parse} reads it), in the given order. */
    public static ErpMapping of(Map<String, String> fieldToColumn) {
        List<ErpFieldMapping> fields = new ArrayList<>();
        fieldToColumn.forEach((field, source) -> fields.add(ErpFieldMapping.parse(field, source)));
        return new ErpMapping(fields);
    }

    public List<ErpFieldMapping> fields() {
        return fields;
    }

    public Optional<ErpFieldMapping> field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst();
    }

    /** The mapping as field name to column text, for documentation and configuration round trips. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        fields.forEach(f -> map.put(f.field(), f.source()));
        return map;
    }

    private static Map<String, String> defaults(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
