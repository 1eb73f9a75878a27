package io.rapport.connector.salesforce;

import io.rapport.core.party.PartyType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How the hub's customers map to Salesforce records (config/mappings/salesforce.yaml): the external-id field that
 * carries the hub's customer id, the client name that marks the hub's own writes, a mapping per sObject type of
 * customers, and one per sObject type of activities (Cases, Tasks) read into the canonical activity.
 *
 * @throws IllegalArgumentException when no written object, or more than one, holds persons or organizations
 */
public record SalesforceMapping(String externalIdField, String callOptionsClient, Map<String, ObjectMapping> objects,
                                Map<String, ActivityMapping> activities) {

    public SalesforceMapping(String externalIdField, String callOptionsClient, Map<String, ObjectMapping> objects) {
        this(externalIdField, callOptionsClient, objects, Map.of());
    }

    public SalesforceMapping {
        Objects.requireNonNull(externalIdField, "externalIdField");
        Objects.requireNonNull(callOptionsClient, "callOptionsClient");
        Objects.requireNonNull(objects, "objects");
        objects = Collections.unmodifiableMap(new LinkedHashMap<>(objects));
        activities = Collections.unmodifiableMap(new LinkedHashMap<>(activities == null ? Map.of() : activities));
        for (String both : activities.keySet()) {
            if (objects.containsKey(both)) {
                throw new IllegalArgumentException(both + " is mapped both as customers and as activities");
            }
        }
        for (PartyType type : PartyType.values()) {
            long holding = objects.values().stream()
                    .filter(mapping -> mapping.holds() == type && !mapping.readOnly()).count();
            if (holding != 1) {
                throw new IllegalArgumentException("exactly one object the hub writes (not readOnly) must hold "
                        + type + " customers; " + holding + " do");
            }
        }
    }

    /** The sObject type the hub keeps customers of this kind in. */
    public String objectFor(PartyType type) {
        return objects.entrySet().stream().filter(entry -> entry.getValue().holds() == type
                        && !entry.getValue().readOnly())
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    /** Whether the hub keeps records of this sObject type in sync (it writes them); an unmapped type is not. */
    public boolean synced(String sObjectName) {
        ObjectMapping mapping = objects.get(sObjectName);
        return mapping != null && !mapping.readOnly();
    }

    public ObjectMapping object(String sObjectName) {
        ObjectMapping mapping = objects.get(sObjectName);
        if (mapping == null) {
            throw new IllegalArgumentException("'" + sObjectName + "' is not mapped; mapped objects are "
                    + objects.keySet());
        }
        return mapping;
    }

    public ActivityMapping activity(String sObjectName) {
        ActivityMapping mapping = activities.get(sObjectName);
        if (mapping == null) {
            throw new IllegalArgumentException("'" + sObjectName + "' is not mapped as activities; mapped are "
                    + activities.keySet());
        }
        return mapping;
    }

    /** Every mapped sObject type, customers' then activities': what the hub reads from Salesforce. */
    public List<String> readTypes() {
        List<String> types = new ArrayList<>(objects.keySet());
        types.addAll(activities.keySet());
        return types;
    }

    /** The value of {@code Sforce-Call-Options} on the hub's writes. */
    public String callOptions() {
        return "client=" + callOptionsClient;
    }
}
