package io.rapport.app.social;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id the API hands out for a post: derived from its key ({@code <platform>:<post id>}), so the same post sent
 * twice, or by the webhook and a connector, is the same event (the Idempotent Receiver relies on it).
 */
public final class SocialEventIds {

    private SocialEventIds() {
    }

    public static String idOf(String eventKey) {
        return UUID.nameUUIDFromBytes(("social-event:" + eventKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
