package io.rapport.app.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.store.SqlLists;
import io.rapport.core.social.SocialEventEnricher.Enrichment;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Message Store of social events: each event's enrichment and its raw payload (from which the canonical event is read
 * again), the collapse keys that make reposts and duplicates one conversation item, and the actions planned for
 * each event.
 */
public class SocialEventStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public SocialEventStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The ids among {@code eventIds} already stored: their posts were enriched before (a redelivery, a resend). */
    public Set<String> stored(Collection<String> eventIds) {
        Set<String> stored = new HashSet<>();
        SqlLists.query(jdbc, "SELECT event_id FROM social_event WHERE event_id IN (", List.of(), eventIds,
                rs -> {
                    stored.add(rs.getString(1));
                });
        return stored;
    }

    /** Distinct authors stored per conversation. */
    public Map<String, Set<String>> participants(Collection<String> conversationIds) {
        Map<String, Set<String>> participants = new HashMap<>();
        SqlLists.query(jdbc, "SELECT DISTINCT conversation_id, author_key FROM social_event WHERE conversation_id IN (",
                List.of(), conversationIds, rs -> {
                    participants.computeIfAbsent(rs.getString(1), c -> new HashSet<>()).add(rs.getString(2));
                });
        return participants;
    }

    /** Which event owns each of the collapse keys that are taken. */
    public Map<String, String> collapseOwners(Collection<String> keys) {
        Map<String, String> owners = new HashMap<>();
        SqlLists.query(jdbc, "SELECT collapse_key, event_id FROM social_collapse_key WHERE collapse_key IN (",
                List.of(), keys, rs -> {
                    owners.put(rs.getString(1), rs.getString(2));
                });
        return owners;
    }

    public void save(List<EnrichedPost> posts, Map<String, String> newCollapseKeys, List<PlannedAction> actions,
                     Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object[]> events = new ArrayList<>(posts.size());
        List<Object[]> payloads = new ArrayList<>(posts.size());
        for (EnrichedPost post : posts) {
            Enrichment e = post.enrichment();
            events.add(new Object[] {post.id(), post.event().key(), post.source(), post.event().platform(),
                    post.event().postId(), post.author().authorKey(), post.event().conversationId(),
                    Timestamp.from(post.event().createdAt()), Timestamp.from(post.receivedAt()), at, e.language(),
                    e.sentiment().label(), e.sentiment().score(), e.intent(), e.influence(), e.degree(),
                    post.collapsedInto(), post.author().linked() ? post.author().customerId() : null});
            payloads.add(new Object[] {post.id(), post.rawPayload()});
        }
        jdbc.batchUpdate("INSERT INTO social_event (event_id, event_key, source, platform, post_id, author_key,"
                + " conversation_id, posted_at, received_at, enriched_at, language, sentiment_label, sentiment_score,"
                + " intent, influence, degree, collapsed_into, customer_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", events);
        jdbc.batchUpdate("INSERT INTO social_event_payload (event_id, raw_json) VALUES (?, ?)", payloads);
        List<Object[]> keys = new ArrayList<>(newCollapseKeys.size());
        newCollapseKeys.forEach((key, eventId) -> keys.add(new Object[] {key, eventId}));
        jdbc.batchUpdate("INSERT INTO social_collapse_key (collapse_key, event_id) VALUES (?, ?)", keys);
        saveActions(actions, now);
    }

    /** Plans actions: rows in PLANNED, for the action stage to carry out once each. */
    public void saveActions(List<PlannedAction> actions, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object[]> planned = new ArrayList<>(actions.size());
        for (PlannedAction action : actions) {
            planned.add(new Object[] {action.actionId(), action.eventId(), action.ruleId(), action.type(),
                    SocialActionStatus.PLANNED.name(), write(action.plan()), at});
        }
        jdbc.batchUpdate("INSERT INTO social_action (action_id, event_id, rule_id, action_type, status, plan_json,"
                + " planned_at) VALUES (?, ?, ?, ?, ?, ?, ?)", planned);
    }

    /**
     * The actions of these events that were planned but never carried out (their dispatch was cut short): event id →
     * action ids in plan order.
     */
    public Map<String, List<String>> plannedActions(Collection<String> eventIds) {
        Map<String, List<String>> planned = new java.util.TreeMap<>();
        SqlLists.query(jdbc, "SELECT event_id, action_id FROM social_action WHERE status = ? AND event_id IN (",
                List.of(SocialActionStatus.PLANNED.name()), eventIds, rs -> {
                    planned.computeIfAbsent(rs.getString(1), e -> new ArrayList<>()).add(rs.getString(2));
                });
        planned.values().forEach(ids -> ids.sort(null));
        return planned;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
