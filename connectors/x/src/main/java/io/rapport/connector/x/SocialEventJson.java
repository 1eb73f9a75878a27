package io.rapport.connector.x;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.rapport.core.social.SocialEvent;

/**
 * The JSON form of a canonical {@link SocialEvent} as the v1.1 routes send it: the record's components by name,
 * instants as ISO-8601 text, enum names as they are. The derived {@code isRepost()}/{@code isReply()} are left out, so
 * that the same mapper reads it back into the record.
 */
public final class SocialEventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addMixIn(SocialEvent.class, DerivedLeftOut.class);

    @JsonIgnoreProperties({"repost", "reply"})
    private abstract static class DerivedLeftOut {
    }

    private SocialEventJson() {
    }

    public static String write(SocialEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write social event " + event.key(), e);
        }
    }

    public static SocialEvent read(String json) {
        try {
            return MAPPER.readValue(json, SocialEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a social event: " + e.getOriginalMessage(), e);
        }
    }

    /** The configured mapper, for an app that wants to read or write events the same way. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
