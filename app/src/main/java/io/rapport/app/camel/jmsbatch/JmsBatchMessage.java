package io.rapport.app.camel.jmsbatch;

import java.util.Map;

/** One received message of a batch: its text body and its JMS properties. */
public record JmsBatchMessage(String body, Map<String, Object> properties) {

    public JmsBatchMessage {
        properties = Map.copyOf(properties);
    }

    public String property(String name) {
        Object value = properties.get(name);
        return value == null ? null : value.toString();
    }
}
