package io.rapport.app.social;

import io.rapport.app.store.SqlLists;
import io.rapport.core.social.SocialAuthor;
import io.rapport.core.social.SocialEvent;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Links the authors of a batch of posts to customers, inside the batch's transaction. A handle that a source record
 * declares (its {@code social_handle} column) links at once and for sure; everyone else starts as a prospect, whom
 * {@link SocialProfileMatching} later scores from profile data. A steward's word is final: it is never overwritten
 * here, and a rejected customer is never linked again through the same declaration.
 */
public class SocialIdentityLinker {

    private record Known(String status, String anchor, String customerId, String method, Double confidence,
                         String rejectedCustomerId, String handle, String displayName, long followers) {
    }

    /** A stored author as its row says, and as it stands now that its anchor record may have moved. */
    private record Stored(Known row, Known current) {
    }

    private record Declared(String recordKey, String customerId) {
    }

    private final JdbcTemplate jdbc;

    public SocialIdentityLinker(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static String authorKey(SocialEvent event) {
        return event.platform() + ":" + event.author().id();
    }

    public Map<String, AuthorLink> link(Collection<SocialEvent> events, Instant now) {
        Map<String, SocialEvent> byAuthor = new LinkedHashMap<>();
        for (SocialEvent event : events) {
            byAuthor.put(authorKey(event), event);
        }
        Map<String, Stored> known = known(byAuthor.keySet());
        Map<String, Map<String, List<Declared>>> declared = declared(byAuthor.values());
        Timestamp at = Timestamp.from(now);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Map<String, AuthorLink> links = new HashMap<>();
        byAuthor.forEach((authorKey, event) -> {
            SocialAuthor author = event.author();
            Stored stored = known.get(authorKey);
            Known before = stored == null ? null : stored.row();
            List<Declared> declarations = author.handle() == null ? List.of()
                    : declared.getOrDefault(event.platform(), Map.of()).getOrDefault(author.handle(), List.of());
            Known after = decide(stored == null ? null : stored.current(), declarations, author);
            links.put(authorKey, new AuthorLink(authorKey, after.status(), after.customerId(), after.method(),
                    after.confidence()));
            if (before == null) {
                inserts.add(new Object[] {authorKey, event.platform(), author.id(), author.handle(),
                        author.displayName(), author.followers(), after.status(), after.anchor(), after.customerId(),
                        after.method(), after.confidence(), at, at});
            } else if (!after.equals(before)) {
                updates.add(new Object[] {author.handle(), author.displayName(), author.followers(), after.status(),
                        after.anchor(), after.customerId(), after.method(), after.confidence(), at, authorKey});
            }
        });
        jdbc.batchUpdate("INSERT INTO social_author (author_key, platform, author_id, handle, display_name, followers,"
                + " status, anchor_record_key, customer_id, link_method, confidence, first_seen_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batchUpdate("UPDATE social_author SET handle = ?, display_name = ?, followers = ?, status = ?,"
                + " anchor_record_key = ?, customer_id = ?, link_method = ?, confidence = ?, updated_at = ?"
                + " WHERE author_key = ?", updates);
        return links;
    }

    private static Known decide(Known before, List<Declared> declarations, SocialAuthor author) {
        String rejected = before == null ? null : before.rejectedCustomerId();
        Set<String> customers = new TreeSet<>();
        declarations.forEach(declaration -> customers.add(declaration.customerId()));
        if (rejected != null) {
            customers.remove(rejected);
        }
        Known base = before != null ? before
                : new Known(AuthorLink.PROSPECT, null, null, null, null, null, null, null, 0);
        Known link;
        if (before != null && AuthorLink.STEWARD.equals(before.method())) {
            link = base;
        } else if (customers.size() == 1) {
            String customerId = customers.iterator().next();
            String anchor = declarations.stream().filter(d -> d.customerId().equals(customerId)).findFirst()
                    .orElseThrow().recordKey();
            link = with(base, AuthorLink.LINKED, anchor, customerId, AuthorLink.DECLARED, 1.0);
        } else if (customers.size() > 1) {
            // two customers claim one handle: a person has to say which (or that the records are one customer)
            Declared first = declarations.stream().filter(d -> customers.contains(d.customerId())).findFirst()
                    .orElseThrow();
            link = with(base, AuthorLink.PROPOSED, first.recordKey(), first.customerId(), AuthorLink.DECLARED, 0.5);
        } else if (AuthorLink.DECLARED.equals(base.method())) {
            // the declaration is gone (the record changed its handle): the link was only ever that declaration
            link = with(base, AuthorLink.PROSPECT, null, null, null, null);
        } else {
            link = base;
        }
        return new Known(link.status(), link.anchor(), link.customerId(), link.method(), link.confidence(),
                link.rejectedCustomerId(), author.handle(), author.displayName(), author.followers());
    }

    private static Known with(Known base, String status, String anchor, String customerId, String method,
                              Double confidence) {
        return new Known(status, anchor, customerId, method, confidence, base.rejectedCustomerId(), base.handle(),
                base.displayName(), base.followers());
    }

    /**
     * The stored authors as stored, except that the customer is the one their anchor record belongs to now (merges
     * and splits move records between customers), so a moved link differs from its row and is rewritten.
     */
    private Map<String, Stored> known(Collection<String> authorKeys) {
        Map<String, Stored> known = new HashMap<>();
        SqlLists.query(jdbc, "SELECT a.author_key, a.status, a.anchor_record_key, r.customer_id, a.link_method,"
                + " a.confidence, a.rejected_customer_id, a.handle, a.display_name, a.followers, a.customer_id"
                + " FROM social_author a LEFT JOIN customer_record r ON r.record_key = a.anchor_record_key"
                + " WHERE a.author_key IN (", List.of(), authorKeys, rs -> {
                    double stored = rs.getDouble(6);
                    Double confidence = rs.wasNull() ? null : stored;
                    Known row = new Known(rs.getString(2), rs.getString(3), rs.getString(11), rs.getString(5),
                            confidence, rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10));
                    Known now = row.anchor() != null && rs.getString(4) == null
                            // the anchor record was deleted: what linked the author is gone
                            ? new Known(AuthorLink.PROSPECT, null, null, null, null, row.rejectedCustomerId(),
                            row.handle(), row.displayName(), row.followers())
                            : new Known(row.status(), row.anchor(), rs.getString(4), row.method(), row.confidence(),
                            row.rejectedCustomerId(), row.handle(), row.displayName(), row.followers());
                    known.put(rs.getString(1), new Stored(row, now));
                });
        return known;
    }

    /** platform → handle → the records that declare it, with their customer. */
    private Map<String, Map<String, List<Declared>>> declared(Collection<SocialEvent> events) {
        Map<String, Set<String>> handles = new HashMap<>();
        for (SocialEvent event : events) {
            if (event.author().handle() != null) {
                handles.computeIfAbsent(event.platform(), p -> new TreeSet<>()).add(event.author().handle());
            }
        }
        Map<String, Map<String, List<Declared>>> declared = new HashMap<>();
        handles.forEach((network, names) -> SqlLists.query(jdbc, "SELECT h.handle, h.record_key, r.customer_id"
                + " FROM customer_social_handle h JOIN customer_record r ON r.record_key = h.record_key"
                + " WHERE h.network = ? AND h.handle IN (", List.of(network), names, rs -> declared
                .computeIfAbsent(network, n -> new HashMap<>())
                .computeIfAbsent(rs.getString(1), h -> new ArrayList<>())
                .add(new Declared(rs.getString(2), rs.getString(3)))));
        // a stable choice when several records declare one handle
        declared.values().forEach(byHandle -> byHandle.values().forEach(list -> list.sort(
                Comparator.comparing(Declared::recordKey))));
        return declared;
    }
}
