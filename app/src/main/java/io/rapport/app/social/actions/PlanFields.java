package io.rapport.app.social.actions;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the plan the rules stored for an action (see {@code RulesActionPlanner}). */
final class PlanFields {

    private PlanFields() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> fields(Map<String, Object> plan) {
        Object fields = plan.get("fields");
        Map<String, String> copy = new LinkedHashMap<>();
        if (fields instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((name, value) -> {
                if (value != null) {
                    copy.put(name, value.toString());
                }
            });
        }
        return copy;
    }

    static Duration followUp(Map<String, Object> plan) {
        Object value = plan.get("followUp");
        return value == null ? null : Duration.parse(value.toString());
    }
}
