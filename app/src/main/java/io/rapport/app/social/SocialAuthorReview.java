package io.rapport.app.social;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links are reviewable: stewards list the authors and their links (the PROPOSED ones first of all), link an author to
 * a customer themselves, or reject a link so it is never made again. Every decision is kept in the steward audit
 * trail ({@code steward_action}).
 */
public class SocialAuthorReview {

    /** The author or the customer named does not exist. */
    public static class UnknownAuthorException extends RuntimeException {
        public UnknownAuthorException(String message) {
            super(message);
        }
    }

    private final JdbcTemplate jdbc;
    private final CustomerMembers members;
    private final Clock clock;

    public SocialAuthorReview(JdbcTemplate jdbc, CustomerMembers members, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.clock = clock;
    }

    public List<Map<String, Object>> list(String status, int limit) {
        String where = status == null ? "" : " WHERE status = ?";
        Object[] args = status == null ? new Object[0] : new Object[] {status};
        return jdbc.query("SELECT author_key, platform, handle, display_name, followers, status, customer_id,"
                + " link_method, confidence, reviewed_by, reviewed_at, first_seen_at FROM social_author" + where
                + " ORDER BY confidence DESC NULLS LAST, first_seen_at, author_key FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY", (rs, n) -> {
                    Map<String, Object> author = new LinkedHashMap<>();
                    author.put("authorKey", rs.getString(1));
                    author.put("platform", rs.getString(2));
                    author.put("handle", rs.getString(3));
                    author.put("displayName", rs.getString(4));
                    author.put("followers", rs.getLong(5));
                    author.put("status", rs.getString(6));
                    author.put("customerId", rs.getString(7));
                    author.put("method", rs.getString(8));
                    double confidence = rs.getDouble(9);
                    author.put("confidence", rs.wasNull() ? null : confidence);
                    author.put("reviewedBy", rs.getString(10));
                    Timestamp reviewed = rs.getTimestamp(11);
                    author.put("reviewedAt", reviewed == null ? null : reviewed.toInstant().toString());
                    author.put("firstSeenAt", rs.getTimestamp(12).toInstant().toString());
                    return author;
                }, args);
    }

    /** The steward says this author is this customer. */
    @Transactional
    public void link(String authorKey, String customerId, String steward, String note) {
        requireAuthor(authorKey);
        String anchor = members.of(customerId).stream().findFirst().orElseThrow(() -> new UnknownAuthorException("no customer with id "
                + customerId));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("UPDATE social_author SET status = ?, anchor_record_key = ?, customer_id = ?, link_method = ?,"
                + " confidence = 1.0, rejected_customer_id = NULL, reviewed_by = ?, reviewed_at = ?, updated_at = ?"
                + " WHERE author_key = ?", AuthorLink.LINKED, anchor, customerId, AuthorLink.STEWARD, steward, now,
                now, authorKey);
        audit(steward, "SOCIAL_LINK", authorKey, customerId, note, now);
    }

    /** The steward says this author is not the customer it is linked or proposed to; it stays a prospect. */
    @Transactional
    public void reject(String authorKey, String steward, String note) {
        String customerId = requireAuthor(authorKey);
        if (customerId == null) {
            throw new IllegalArgumentException(authorKey + " is not linked or proposed to any customer");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("UPDATE social_author SET status = ?, anchor_record_key = NULL, customer_id = NULL,"
                + " link_method = ?, confidence = NULL, rejected_customer_id = ?, reviewed_by = ?, reviewed_at = ?,"
                + " updated_at = ? WHERE author_key = ?", AuthorLink.PROSPECT, AuthorLink.STEWARD, customerId, steward,
                now, now, authorKey);
        audit(steward, "SOCIAL_REJECT", authorKey, customerId, note, now);
    }

    private String requireAuthor(String authorKey) {
        List<String> customer = jdbc.query("SELECT customer_id FROM social_author WHERE author_key = ?",
                (rs, n) -> rs.getString(1), authorKey);
        if (customer.isEmpty()) {
            throw new UnknownAuthorException("no social author " + authorKey + " (authors are keyed"
                    + " <platform>:<author id>, e.g. x:2244994945)");
        }
        return customer.get(0);
    }

    private void audit(String steward, String action, String authorKey, String customerId, String note,
                       Timestamp at) {
        jdbc.update("INSERT INTO steward_action (acted_at, actor, action, record_key, customer_after, note)"
                + " VALUES (?, ?, ?, ?, ?, ?)", at, steward, action, authorKey, customerId, note);
    }
}
