package io.rapport.sim.salesforce;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The org's active assignment rules for Leads, Cases and Accounts. As on Salesforce, the REST API runs them on every
 * create unless the request says {@code Sforce-Auto-Assign: FALSE}, and a matching rule replaces any owner the
 * client gave; a rule that matches nothing leaves the owner as it was.
 */
final class AssignmentRules implements SObjectStore.Initializer {

    private static final Set<String> ASSIGNABLE = Set.of("Lead", "Case", "Account");

    private final Map<String, Function<Map<String, Object>, String>> active = new ConcurrentHashMap<>();

    void activate(String type, Function<Map<String, Object>, String> ownerFor) {
        if (!ASSIGNABLE.contains(type)) {
            throw new IllegalArgumentException("assignment rules exist for Lead, Case and Account, not " + type);
        }
        active.put(type, ownerFor);
    }

    void deactivate(String type) {
        active.remove(type);
    }

    @Override
    public void initialize(String type, Map<String, Object> record, SObjectStore.Caller caller, SObjectStore store) {
        Function<Map<String, Object>, String> rule = active.get(type);
        if (rule == null || !caller.autoAssign()) {
            return;
        }
        String owner = rule.apply(java.util.Collections.unmodifiableMap(record));
        if (owner != null) {
            Records.put(record, "OwnerId", owner);
        }
    }
}
