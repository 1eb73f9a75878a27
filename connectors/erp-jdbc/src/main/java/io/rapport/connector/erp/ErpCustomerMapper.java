package io.rapport.connector.erp;

import io.rapport.connector.erp.internal.ColumnTypes;
import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Between the ERP's customers and the hub's source records, by an {@link ErpMapping}: the partner number is the
 * source id, mapped columns become fields (canonical names where the hub has them, named attributes for the rest),
 * and fields become the columns to write.
 *
 * <p>Immutable and thread-safe.
 */
public final class ErpCustomerMapper {

    /** The source name ERP records carry in the hub. */
    public static final SourceName SOURCE = SourceName.of("erp");

    private final ErpMapping mapping;
    private final SourceName source;
    private final ZoneId erpZone;

    /** The default mapping, source {@code erp}, ERP timestamps in this JVM's time zone. */
    public ErpCustomerMapper() {
        this(ErpMapping.defaults(), SOURCE, ZoneId.systemDefault());
    }

    /**
     * @param erpZone the time zone the ERP keeps its timestamps in (on-premise systems keep local time without
     *                zone); {@code erp_changed_at} is written with its offset, so the hub compares instants
     */
    public ErpCustomerMapper(ErpMapping mapping, SourceName source, ZoneId erpZone) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        this.source = Objects.requireNonNull(source, "source");
        this.erpZone = Objects.requireNonNull(erpZone, "erpZone");
    }

    /** The customer as a source record: every mapped column that has a value (blanks say nothing and are left out). */
    public SourceRecord toSourceRecord(ErpCustomer customer) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (ErpFieldMapping field : mapping.fields()) {
            Object value = field.sales() ? customer.sales().get(field.column())
                    : field.onAddress() ? customer.address(field.addressType()).get(field.column())
                    : customer.partner().get(field.column());
            if (value != null) {
                String text = ColumnTypes.format(value, erpZone);
                if (!text.isBlank()) {
                    fields.put(field.field(), text);
                }
            }
        }
        return new SourceRecord(source, customer.partnerNo(), fields);
    }

    /** The columns to write for a source record of this source: its id is the partner number. */
    public ErpCustomer toErpCustomer(SourceRecord record) {
        return toErpCustomer(record.sourceId(), record.fields());
    }

    /**
     * The columns to write for these fields; {@code partnerNo} null for a customer the ERP does not know yet (give
     * {@code customer_id}, the hub's id, which the ERP keeps as {@code ext_ref}). Fields that are not mapped, or
     * mapped to a column the writer keeps itself ({@code erp_changed_at}, {@code erp_row_version}), are ignored; an
     * empty value clears the column.
     *
     * @throws IllegalArgumentException for a value its column cannot take (a date that is not one)
     */
    public ErpCustomer toErpCustomer(String partnerNo, Map<String, String> fields) {
        Map<String, Object> partner = new LinkedHashMap<>();
        Map<String, Map<String, Object>> addresses = new LinkedHashMap<>();
        for (ErpFieldMapping field : mapping.fields()) {
            if (!field.writable() || !fields.containsKey(field.field())) {
                continue;
            }
            String text = fields.get(field.field());
            Object value = text == null || text.isBlank() ? null : ColumnTypes.parse(field.column(), text, erpZone);
            if (field.onAddress()) {
                addresses.computeIfAbsent(field.addressType(), t -> new LinkedHashMap<>()).put(field.column(), value);
            } else {
                partner.put(field.column(), value);
            }
        }
        return new ErpCustomer(partnerNo, partner, addresses);
    }
}
