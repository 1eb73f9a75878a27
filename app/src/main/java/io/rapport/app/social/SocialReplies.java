package io.rapport.app.social;

import io.rapport.connector.x.PostedReply;
import io.rapport.connector.x.XApiException;
import io.rapport.connector.x.XReplyClient;
import io.rapport.core.social.rules.ListenTalkGuard.Decision;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reply queue: posts the rules queued for an answer, and the answers people send. Every reply passes the
 * listen/talk guard first: while the brand account has not listened enough today, the reply is held, not sent.
 */
public class SocialReplies implements AutoCloseable {

    public static final String QUEUED = "QUEUED";
    public static final String SENT = "SENT";
    public static final String DISMISSED = "DISMISSED";

    /** The guard refused: the brand has talked its share today. */
    public static class GuardRefusedException extends RuntimeException {
        private final transient Decision decision;

        public GuardRefusedException(String message, Decision decision) {
            super(message);
            this.decision = decision;
        }

        public Decision decision() {
            return decision;
        }
    }

    /** X refused or could not take the reply; it stays queued. */
    public static class ReplyRefusedException extends RuntimeException {
        public ReplyRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** No queued reply with that id. */
    public static class UnknownReplyException extends RuntimeException {
        public UnknownReplyException(String message) {
            super(message);
        }
    }

    private record Queued(String eventId, String account, String status, String postId, String platform) {
    }

    private final JdbcTemplate jdbc;
    private final TalkLedger talk;
    private final Optional<XReplyClient> x;
    private final Clock clock;

    public SocialReplies(JdbcTemplate jdbc, TalkLedger talk, Optional<XReplyClient> x, Clock clock) {
        this.jdbc = jdbc;
        this.talk = talk;
        this.x = x;
        this.clock = clock;
    }

    public List<Map<String, Object>> list(String status, int limit) {
        return jdbc.query("SELECT r.reply_id, r.event_id, r.account, r.priority, r.status, r.suggested, r.reply_text,"
                + " r.reply_post_id, r.queued_at, r.sent_at, e.event_key, e.intent, e.sentiment_label, e.degree"
                + " FROM social_reply r JOIN social_event e ON e.event_id = r.event_id WHERE r.status = ?"
                + " ORDER BY r.priority, r.queued_at FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY", (rs, n) -> {
                    Map<String, Object> reply = new LinkedHashMap<>();
                    reply.put("id", rs.getString(1));
                    reply.put("eventId", rs.getString(2));
                    reply.put("account", rs.getString(3));
                    reply.put("priority", rs.getInt(4));
                    reply.put("status", rs.getString(5));
                    reply.put("suggested", rs.getString(6));
                    reply.put("text", rs.getString(7));
                    reply.put("replyPostId", rs.getString(8));
                    reply.put("queuedAt", rs.getTimestamp(9).toInstant().toString());
                    Timestamp sent = rs.getTimestamp(10);
                    reply.put("sentAt", sent == null ? null : sent.toInstant().toString());
                    reply.put("post", rs.getString(11));
                    reply.put("intent", rs.getString(12));
                    reply.put("sentiment", rs.getString(13));
                    reply.put("degree", rs.getInt(14));
                    return reply;
                }, status);
    }

    /** Sends a reply to the queued post, if the listen/talk guard allows it now. */
    public Map<String, Object> send(String replyId, String text) {
        Queued queued = queued(replyId);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text is required: what the brand answers");
        }
        if (!"x".equals(queued.platform())) {
            throw new IllegalArgumentException("replies go out on X only; " + queued.platform()
                    + " posts are answered where they were written");
        }
        XReplyClient client = x.orElseThrow(() -> new IllegalStateException("no X account to reply with:"
                + " set rapport.social.x.user-access-token (the brand's OAuth 2.0 user token)"));
        Instant now = clock.instant();
        Decision decision = talk.tryTalk(queued.account(), now);
        if (!decision.allowed()) {
            throw new GuardRefusedException("the listen/talk guard holds this reply: " + decision.reason(), decision);
        }
        PostedReply posted;
        try {
            posted = client.reply(queued.postId(), text);
        } catch (XApiException e) {
            talk.untalk(queued.account(), now);
            throw new ReplyRefusedException("X did not take the reply: " + e.getMessage(), e);
        }
        jdbc.update("UPDATE social_reply SET status = ?, reply_text = ?, reply_post_id = ?, sent_at = ?"
                + " WHERE reply_id = ?", SENT, text, posted.id(), Timestamp.from(now), replyId);
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("id", replyId);
        sent.put("status", SENT);
        sent.put("replyPostId", posted.id());
        sent.put("listened", decision.counts().listened());
        sent.put("talked", decision.counts().talked() + 1);
        return sent;
    }

    public void dismiss(String replyId) {
        queued(replyId);
        jdbc.update("UPDATE social_reply SET status = ? WHERE reply_id = ?", DISMISSED, replyId);
    }

    @Override
    public void close() {
        x.ifPresent(XReplyClient::close);
    }

    private Queued queued(String replyId) {
        List<Queued> found = jdbc.query("SELECT r.event_id, r.account, r.status, e.post_id, e.platform"
                + " FROM social_reply r JOIN social_event e ON e.event_id = r.event_id WHERE r.reply_id = ?",
                (rs, n) -> new Queued(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), replyId);
        if (found.isEmpty() || !QUEUED.equals(found.get(0).status())) {
            throw new UnknownReplyException("no queued reply with id " + replyId);
        }
        return found.get(0);
    }
}
