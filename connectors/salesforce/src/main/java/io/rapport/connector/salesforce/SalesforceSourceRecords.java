package io.rapport.connector.salesforce;

import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a Salesforce record (from a query or a change event) into the source record the hub's intake takes: the
 * mapped values under their canonical names, for matching and the golden record, and each mapped Salesforce field's
 * own value under {@code sf.<Field>}, so that the sync engine can read joined fields back against the values the
 * hub wrote ({@link FieldTemplate#read}) rather than against a guess made at intake time.
 */
public final class SalesforceSourceRecords {

    public static final String SOURCE = "salesforce";
    /** Attribute holding the external-id field's value: the hub customer the record was written for. */
    public static final String HUB_ID = "rapport_id";
    /** Attribute holding the sObject type. */
    public static final String OBJECT = "sf_object";
    /** Prefix of the attributes that keep each mapped Salesforce field as Salesforce holds it. */
    public static final String RAW_PREFIX = "sf.";

    private final SalesforceRecordMapper mapper;

    public SalesforceSourceRecords(SalesforceRecordMapper mapper) {
        this.mapper = mapper;
    }

    public SourceRecord toSourceRecord(String sObjectName, Map<String, ?> record) {
        Object id = record.get("Id");
        if (id == null) {
            throw new IllegalArgumentException("a " + sObjectName + " record without an Id cannot be stored");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        mapper.fromSalesforce(sObjectName, record, Map.of()).forEach((field, value) -> {
            if (value != null) {
                fields.put(field, value);
            }
        });
        for (String salesforceField : mapper.mapping().object(sObjectName).fields().keySet()) {
            if (record.containsKey(salesforceField)) {
                String value = SalesforceRecordMapper.canonical(record.get(salesforceField));
                fields.put(RAW_PREFIX + salesforceField, value == null ? "" : value);
            }
        }
        Object hubId = record.get(mapper.mapping().externalIdField());
        if (hubId != null) {
            fields.put(HUB_ID, hubId.toString());
        }
        Object changed = record.containsKey("SystemModstamp") ? record.get("SystemModstamp") : record.get("LastModifiedDate");
        if (changed != null) {
            fields.put("source_updated_at", changed.toString());
        }
        fields.put(OBJECT, sObjectName);
        return new SourceRecord(SourceName.of(SOURCE), id.toString(), fields);
    }

    /**
     * The synced values a stored Salesforce record states, read from its {@code sf.<Field>} attributes against the
     * values the hub expects the record to hold.
     */
    public Map<String, String> syncedValues(String sObjectName, Map<String, String> storedFields,
                                            Map<String, String> expected) {
        Map<String, Object> raw = new LinkedHashMap<>();
        storedFields.forEach((name, value) -> {
            if (name.startsWith(RAW_PREFIX)) {
                raw.put(name.substring(RAW_PREFIX.length()), value == null || value.isEmpty() ? null : value);
            }
        });
        return mapper.fromSalesforce(sObjectName, raw, expected);
    }
}
