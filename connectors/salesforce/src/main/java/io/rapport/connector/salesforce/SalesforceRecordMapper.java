package io.rapport.connector.salesforce;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Translates between the hub's synced fields and Salesforce record fields, as config/mappings/salesforce.yaml says.
 * Values on the hub's side are canonical strings (a number without trailing zeros, an ISO date): the form in which
 * the sync engine compares them.
 */
public final class SalesforceRecordMapper {

    private final SalesforceMapping mapping;
    // parsed once: every record written or read goes through them, and parsing compiles a pattern
    private final Map<String, Map<String, FieldTemplate>> templates = new LinkedHashMap<>();
    private final Map<String, Set<String>> syncedFields = new LinkedHashMap<>();

    public SalesforceRecordMapper(SalesforceMapping mapping) {
        this.mapping = mapping;
        mapping.objects().forEach((sObjectName, object) -> {
            Map<String, FieldTemplate> parsed = object.templates();
            Set<String> synced = new LinkedHashSet<>();
            parsed.values().forEach(template -> synced.addAll(template.fields()));
            templates.put(sObjectName, parsed);
            syncedFields.put(sObjectName, Collections.unmodifiableSet(synced));
        });
    }

    public SalesforceMapping mapping() {
        return mapping;
    }

    /** The synced fields the object holds: a synced field not among them is never sent to it. */
    public Set<String> syncedFields(String sObjectName) {
        requireMapped(sObjectName);
        return syncedFields.get(sObjectName);
    }

    private Map<String, FieldTemplate> templatesOf(String sObjectName) {
        requireMapped(sObjectName);
        return templates.get(sObjectName);
    }

    private void requireMapped(String sObjectName) {
        if (!templates.containsKey(sObjectName)) {
            mapping.object(sObjectName); // throws, naming the mapped objects
        }
    }

    /**
     * The Salesforce fields to write so that the record holds the changed synced fields. A Salesforce field made of
     * several synced fields is rendered from all of them, so {@code desired} must hold every synced field the
     * object maps, not only the changed ones. A field whose value is now empty is written as null (cleared).
     */
    public Map<String, Object> toSalesforce(String sObjectName, Map<String, String> desired,
                                            Collection<String> changed) {
        Map<String, Object> record = new LinkedHashMap<>();
        templatesOf(sObjectName).forEach((salesforceField, template) -> {
            if (template.fields().stream().anyMatch(changed::contains)) {
                record.put(salesforceField, template.render(desired));
            }
        });
        return record;
    }

    /**
     * The synced values a Salesforce record (or a change event's changed fields) states. Fields absent from the
     * record say nothing and are left out; a joined field equal to what {@code expected} renders to stands for the
     * expected values (see {@link FieldTemplate#read}).
     */
    public Map<String, String> fromSalesforce(String sObjectName, Map<String, ?> record, Map<String, String> expected) {
        Map<String, String> values = new LinkedHashMap<>();
        templatesOf(sObjectName).forEach((salesforceField, template) -> {
            if (record.containsKey(salesforceField)) {
                values.putAll(template.read(canonical(record.get(salesforceField)), expected));
            }
        });
        return values;
    }

    static String canonical(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
