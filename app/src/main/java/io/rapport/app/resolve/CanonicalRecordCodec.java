package io.rapport.app.resolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.core.party.CanonicalCustomer;

/** Canonical records as stored in {@code customer_record.canonical_json}: the Canonical Data Model in JSON. */
public class CanonicalRecordCodec {

    private final ObjectMapper json;

    public CanonicalRecordCodec(ObjectMapper json) {
        // derived properties (isEmpty() and the like) are written but not read back
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public String write(CanonicalCustomer customer) {
        try {
            return json.writeValueAsString(customer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write canonical record " + customer.source().key(), e);
        }
    }

    public CanonicalCustomer read(String text) {
        try {
            return json.readValue(text, CanonicalCustomer.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable canonical record: " + e.getOriginalMessage(), e);
        }
    }
}
