package io.rapport.connector.salesforce;

import io.rapport.core.party.PartyType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One sObject type's mapping: which customers it holds and, per Salesforce field, the template of synced fields it
 * is made of (config/mappings/salesforce.yaml).
 */
public record ObjectMapping(PartyType holds, Map<String, String> fields) {

    public ObjectMapping {
        Objects.requireNonNull(holds, "holds");
        if (fields == null || fields.isEmpty()) {
            throw new IllegalArgumentException("an object mapping needs at least one field");
        }
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.values().forEach(FieldTemplate::parse);
        fields = Collections.unmodifiableMap(copy);
    }

    /** Salesforce field name to its template, in mapping order. */
    public Map<String, FieldTemplate> templates() {
        Map<String, FieldTemplate> templates = new LinkedHashMap<>();
        fields.forEach((salesforceField, template) -> templates.put(salesforceField, FieldTemplate.parse(template)));
        return templates;
    }

    /** The synced fields this object holds: a synced field not among them is never sent to it. */
    public Set<String> syncedFields() {
        Set<String> synced = new LinkedHashSet<>();
        templates().values().forEach(template -> synced.addAll(template.fields()));
        return synced;
    }
}
