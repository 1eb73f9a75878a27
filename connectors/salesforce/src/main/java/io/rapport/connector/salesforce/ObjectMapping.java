package io.rapport.connector.salesforce;

import io.rapport.core.party.PartyType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One sObject type's mapping: which customers it holds and, per Salesforce field, the template of synced fields it
 * is made of (config/mappings/salesforce.yaml).
 *
 * @param readOnly the hub reads these records (change events, polling) into its customers but never writes them and
 *                 keeps no store copy in sync with them: Leads, prospects the CRM owns (default false)
 */
public record ObjectMapping(PartyType holds, Map<String, String> fields, boolean readOnly) {

    public ObjectMapping(PartyType holds, Map<String, String> fields) {
        this(holds, fields, false);
    }

    public ObjectMapping {
        Objects.requireNonNull(holds, "holds");
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("an object mapping needs at least one field");
        }
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.values().forEach(FieldTemplate::parse);
        fields = Collections.unmodifiableMap(copy);
    }

    /** Salesforce field name to its template, in mapping order; parsed on every call (each compiles a pattern). */
    public Map<String, FieldTemplate> templates() {
        Map<String, FieldTemplate> templates = new LinkedHashMap<>();
        fields.forEach((salesforceField, template) -> templates.put(salesforceField, FieldTemplate.parse(template)));
        return templates;
    }
}
