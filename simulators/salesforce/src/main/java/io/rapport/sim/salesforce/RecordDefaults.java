package io.rapport.sim.salesforce;

import java.util.Map;
import java.util.Set;

/**
 * Values Salesforce gives a new record when the client sent none: the owner of owned objects is the user who
 * created the record (the API user), a Lead starts "Open - Not Contacted" and unconverted, a Case "New" with
 * "Medium" priority (the standard picklists' defaults).
 */
final class RecordDefaults implements SObjectStore.Initializer {

    private static final Set<String> OWNED = Set.of("Account", "Contact", "Lead", "Case", "Task", "Event",
            "Opportunity", "Campaign", "Contract", "Order");
    private static final Map<String, Map<String, Object>> DEFAULTS = Map.of(
            "Lead", Map.of("Status", "Open - Not Contacted", "IsConverted", false),
            "Case", Map.of("Status", "New", "Priority", "Medium"));

    private final String apiUserId;

    RecordDefaults(String apiUserId) {
        this.apiUserId = apiUserId;
    }

    @Override
    public void initialize(String type, Map<String, Object> record, SObjectStore.Caller caller, SObjectStore store) {
        if ((OWNED.contains(type) || type.endsWith("__c")) && isBlank(Records.get(record, "OwnerId"))) {
            Records.put(record, "OwnerId", apiUserId);
        }
        DEFAULTS.getOrDefault(type, Map.of()).forEach((field, value) -> {
            if (isBlank(Records.get(record, field))) {
                Records.put(record, field, value);
            }
        });
    }

    private static boolean isBlank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
