package io.rapport.app.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.ingest.CustomerCsvContract;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/customers/records}: one customer record as a flat JSON object whose keys are the import
 * columns ({@code source_id}, {@code given_name}, ... or their camelCase spelling, {@code sourceId}, {@code givenName})
 * and whose values are strings, numbers or booleans. It takes the same path as an imported row: onto
 * {@code inbound.customer}, durably, before the call answers.
 */
public class CustomerRecordIntake {

    /** What the caller gets back: the record's hub-wide key and the message that carries it. */
    public record Accepted(String recordKey, String messageKey) {
    }

    private final InboundCustomerGateway gateway;
    private final int maxFieldChars;

    public CustomerRecordIntake(InboundCustomerGateway gateway, int maxFieldChars) {
        this.gateway = gateway;
        this.maxFieldChars = maxFieldChars;
    }

    public Accepted accept(SourceName source, JsonNode body) {
        SourceRecord record = new SourceRecord(source, sourceId(body), fields(body));
        CustomerRowMessage message = CustomerRowMessage.of("rec-" + UUID.randomUUID(), 1, record);
        try (InboundCustomerGateway.Batch batch = gateway.open()) {
            batch.send(message);
            batch.commit();
        }
        return new Accepted(source.value() + ":" + record.sourceId(), message.messageKey());
    }

    private Map<String, String> fields(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("the body must be one JSON object of import columns, e.g."
                    + " {\"source_id\": \"C-1\", \"given_name\": \"Anna\", \"email\": \"anna@example.com\"}");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = body.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String column = column(entry.getKey());
            JsonNode value = entry.getValue();
            if (value.isNull() || column.equals(CustomerCsvContract.SOURCE_ID)) {
                continue;
            }
            if (value.isContainerNode()) {
                throw new IllegalArgumentException("field '" + entry.getKey() + "' must be a string, number or boolean;"
                        + " got " + (value.isArray() ? "an array" : "an object"));
            }
            // as the CSV reader does: values stripped, empty ones absent
            String text = value.asText().strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.length() > maxFieldChars) {
                throw new IllegalArgumentException("field '" + entry.getKey() + "' is " + text.length()
                        + " characters long; the limit is " + maxFieldChars);
            }
            requireStorableText(entry.getKey(), text);
            if (fields.put(column, text) != null) {
                throw new IllegalArgumentException("field '" + column + "' is given twice");
            }
        }
        return fields;
    }

    /** Bounded like every other field: it travels in the message's headers too, which the broker caps. */
    private String sourceId(JsonNode body) {
        JsonNode id = body == null ? null : body.has(CustomerCsvContract.SOURCE_ID) ? body.get(CustomerCsvContract.SOURCE_ID)
                : body.get("sourceId");
        if (id == null || id.isNull() || id.isContainerNode() || id.asText().isBlank()) {
            throw new IllegalArgumentException("source_id is required: the record's id in its source system");
        }
        String text = id.asText().strip();
        if (text.length() > maxFieldChars) {
            throw new IllegalArgumentException("source_id is " + text.length() + " characters long; the limit is "
                    + maxFieldChars);
        }
        requireStorableText(CustomerCsvContract.SOURCE_ID, text);
        return text;
    }

    /**
     * JSON's escapes can spell what no UTF-8 byte stream can: an unpaired surrogate ({@code "\ud800"}) or NUL. Neither
     * survives the way to the database as it came (PostgreSQL turns the one into '?' and refuses the other), so the
     * record would be stored under another id than the one its answer named, or not at all.
     */
    private static void requireStorableText(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || c == '\u0000') {
                throw new IllegalArgumentException("field '" + field + "' holds " + String.format("\\u%04x", (int) c)
                        + " at character " + (i + 1) + ", which is not text (an unpaired surrogate or NUL)");
            }
        }
    }

    /** {@code givenName} and {@code given_name} are the same column. */
    static String column(String key) {
        StringBuilder snake = new StringBuilder(key.length() + 4);
        for (char c : key.strip().toCharArray()) {
            if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return CustomerCsvContract.canonicalColumnName(snake.toString()).toLowerCase(Locale.ROOT);
    }
}
