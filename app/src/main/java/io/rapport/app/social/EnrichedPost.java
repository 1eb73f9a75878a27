package io.rapport.app.social;

import io.rapport.core.social.SocialEvent;
import io.rapport.core.social.SocialEventEnricher.Enrichment;
import java.time.Instant;

/**
 * One post through the enrich stage: the canonical event, what enrichment found, who wrote it, and whether it is only
 * a repeat of a post already seen ({@code collapsedInto}, the id of that post's event).
 */
public record EnrichedPost(String id, String source, SocialEvent event, Enrichment enrichment, AuthorLink author,
                           String collapsedInto, Instant receivedAt, String rawPayload) {

    public boolean collapsed() {
        return collapsedInto != null;
    }
}
