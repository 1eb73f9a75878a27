package io.rapport.app.social;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.core.social.SentimentScorer;
import io.rapport.core.social.SocialEvent;
import io.rapport.core.social.SocialEventEnricher.Enrichment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read side of social listening: one enriched event as the API shows it, with its author's link and actions. */
public class SocialEventQueries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final SocialPayloadReader reader;

    public SocialEventQueries(JdbcTemplate jdbc, ObjectMapper json, SocialPayloadReader reader) {
        this.jdbc = jdbc;
        this.json = json;
        this.reader = reader;
    }

    public Optional<Map<String, Object>> event(String eventId) {
        List<Map<String, Object>> found = jdbc.query("SELECT e.event_id, e.event_key, e.source, e.platform, e.post_id,"
                + " e.conversation_id, e.posted_at, e.received_at, e.enriched_at, e.language, e.sentiment_label,"
                + " e.sentiment_score, e.intent, e.influence, e.degree, e.collapsed_into, p.raw_json,"
                + " a.status, a.customer_id, a.link_method, a.confidence"
                + " FROM social_event e JOIN social_event_payload p ON p.event_id = e.event_id"
                + " LEFT JOIN social_author a ON a.author_key = e.author_key WHERE e.event_id = ?", (rs, n) -> view(rs), eventId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> view = found.get(0);
        view.put("actions", actions(eventId));
        return Optional.of(view);
    }

    private Map<String, Object> view(ResultSet rs) throws SQLException {
        Map<String, Object> event = json.convertValue(reader.read(rs.getString("source"), rs.getString("raw_json"),
                rs.getString("event_id")), new TypeReference<Map<String, Object>>() { });
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", rs.getString("event_id"));
        view.put("key", rs.getString("event_key"));
        view.put("source", rs.getString("source"));
        view.put("platform", rs.getString("platform"));
        view.put("postId", rs.getString("post_id"));
        view.put("url", event.get("url"));
        view.put("author", event.get("author"));
        view.put("text", event.get("text"));
        view.put("createdAt", instant(rs.getTimestamp("posted_at")));
        view.put("receivedAt", instant(rs.getTimestamp("received_at")));
        view.put("enrichedAt", instant(rs.getTimestamp("enriched_at")));
        view.put("conversationId", rs.getString("conversation_id"));
        view.put("references", event.get("references"));
        view.put("mentions", event.get("mentions"));
        view.put("hashtags", event.get("hashtags"));
        view.put("engagement", event.get("engagement"));
        view.put("language", rs.getString("language"));
        Map<String, Object> sentiment = new LinkedHashMap<>();
        sentiment.put("label", rs.getString("sentiment_label"));
        sentiment.put("score", rs.getDouble("sentiment_score"));
        view.put("sentiment", sentiment);
        view.put("intent", rs.getString("intent"));
        view.put("influence", rs.getInt("influence"));
        view.put("degree", rs.getInt("degree"));
        view.put("collapsedInto", rs.getString("collapsed_into"));
        Map<String, Object> customer = new LinkedHashMap<>();
        String status = rs.getString("status");
        customer.put("status", status);
        customer.put("customerId", rs.getString("customer_id"));
        customer.put("method", rs.getString("link_method"));
        double confidence = rs.getDouble("confidence");
        customer.put("confidence", rs.wasNull() ? null : confidence);
        view.put("customer", customer);
        return view;
    }

    /**
     * The most recently received events as the enrich stage saw them, newest first: what a dry run of a rule set
     * replays.
     */
    public List<EnrichedPost> recorded(int limit) {
        return jdbc.query("SELECT e.event_id, e.source, p.raw_json, e.language, e.sentiment_label,"
                + " e.sentiment_score, e.intent, e.influence, e.degree, e.collapsed_into, e.received_at, e.author_key,"
                + " a.status, a.customer_id, a.link_method, a.confidence"
                + " FROM social_event e JOIN social_event_payload p ON p.event_id = e.event_id"
                + " LEFT JOIN social_author a ON a.author_key = e.author_key"
                + " ORDER BY e.received_at DESC, e.event_id FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY",
                (rs, n) -> {
                    SocialEvent event = reader.read(rs.getString("source"), rs.getString("raw_json"),
                            rs.getString("event_id"));
                    Enrichment enrichment = new Enrichment(rs.getString("language"), new SentimentScorer.Sentiment(
                            rs.getString("sentiment_label"), rs.getDouble("sentiment_score")), rs.getString("intent"),
                            rs.getInt("influence"), rs.getInt("degree"));
                    double confidence = rs.getDouble("confidence");
                    AuthorLink author = new AuthorLink(rs.getString("author_key"),
                            rs.getString("status") == null ? AuthorLink.PROSPECT : rs.getString("status"),
                            rs.getString("customer_id"), rs.getString("link_method"), rs.wasNull() ? null : confidence);
                    return new EnrichedPost(rs.getString("event_id"), rs.getString("source"), event, enrichment,
                            author, rs.getString("collapsed_into"), rs.getTimestamp("received_at").toInstant(), null);
                });
    }

    private List<Map<String, Object>> actions(String eventId) {
        return jdbc.query("SELECT action_id, rule_id, action_type, status, target_id, detail, planned_at, done_at"
                + " FROM social_action WHERE event_id = ? ORDER BY action_id", (rs, n) -> {
                    Map<String, Object> action = new LinkedHashMap<>();
                    action.put("id", rs.getString(1));
                    action.put("rule", rs.getString(2));
                    action.put("type", rs.getString(3));
                    action.put("status", rs.getString(4));
                    action.put("targetId", rs.getString(5));
                    action.put("detail", rs.getString(6));
                    action.put("plannedAt", instant(rs.getTimestamp(7)));
                    action.put("doneAt", instant(rs.getTimestamp(8)));
                    return action;
                }, eventId);
    }

    private static String instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant().toString();
    }
}
