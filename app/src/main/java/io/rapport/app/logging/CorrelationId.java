package io.rapport.app.logging;

import org.slf4j.MDC;

/**
 * Puts a message's correlation id into the logging context for the duration of its handling, so every log line a
 * stage writes (in the structured JSON log, field {@code correlationId}) can be joined across stages.
 */
public final class CorrelationId implements AutoCloseable {

    public static final String MDC_KEY = "correlationId";

    private final String previous;

    private CorrelationId(String id) {
        this.previous = MDC.get(MDC_KEY);
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }

    public static CorrelationId open(String id) {
        return new CorrelationId(id);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, previous);
        }
    }
}
