package io.rapport.app.privacy;

import io.rapport.app.store.SqlLists;
import io.rapport.core.resolve.ResolutionState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Removes every trace of one customer from the hub's tables, in the caller's transaction: its source records and
 * everything derived from them (canonical records, links, golden record, sync bookkeeping, social links and posts,
 * activities, steward decisions). What it finds of the customer in the stores is handed back, so that the stores can
 * be told to delete it too.
 *
 * <p>Deleted rather than anonymized: a row emptied of its values would still say that someone was there, and every
 * table here can rebuild without it. The counts per table are what the audit keeps.
 */
final class HubErasure {

    /** What was erased: rows per table, the erased record keys, and the customer's records in each store. */
    record Erased(Map<String, Integer> rows, Set<String> recordKeys, Map<String, Set<String>> storeKeys) {
    }

    private final JdbcTemplate jdbc;
    private final Set<String> stores;

    /** @param stores the stores the hub writes to and reads from (their source names): their keys are propagated */
    HubErasure(JdbcTemplate jdbc, Collection<String> stores) {
        this.jdbc = jdbc;
        this.stores = Set.copyOf(stores);
    }

    Erased erase(String customerId, ResolutionState state) {
        Set<String> recordKeys = new LinkedHashSet<>(state.membersOf(customerId));
        Map<String, Set<String>> storeKeys = new LinkedHashMap<>();
        for (String key : recordKeys) {
            String source = sourceOf(key);
            if (stores.contains(source)) {
                storeKeys.computeIfAbsent(source, s -> new LinkedHashSet<>()).add(key.substring(source.length() + 1));
            }
        }
        // records the hub created in a store never came back as members (or came back under another customer)
        jdbc.query("SELECT store, store_key FROM sync_store_record WHERE customer_id = ?", rs -> {
            if (stores.contains(rs.getString(1))) {
                storeKeys.computeIfAbsent(rs.getString(1), s -> new LinkedHashSet<>()).add(rs.getString(2));
            }
        }, customerId);

        Map<String, Integer> rows = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(recordKeys);
        eraseSocial(customerId, keys, rows);
        count(rows, "customer_activity", deleteIn("customer_activity", "party_key", keys));
        count(rows, "record_link", deleteIn("record_link", "record_a", keys) + deleteIn("record_link", "record_b", keys));
        count(rows, "steward_action", deleteIn("steward_action", "record_key", keys)
                + deleteIn("steward_action", "other_record_key", keys)
                + jdbc.update("DELETE FROM steward_action WHERE customer_before = ? OR customer_after = ?", customerId,
                        customerId));
        for (String table : List.of("sync_outbox", "sync_state", "sync_conflict", "sync_rejection", "sync_deletion",
                "sync_store_record")) {
            count(rows, table, jdbc.update("DELETE FROM " + table + " WHERE customer_id = ?", customerId));
        }
        count(rows, "salesforce_inbox", deleteIn("salesforce_inbox", "record_id",
                new ArrayList<>(storeKeys.getOrDefault("salesforce", Set.of()))));
        count(rows, "customer_record", deleteIn("customer_record", "record_key", keys));
        int sources = 0;
        for (String key : keys) {
            String source = sourceOf(key);
            sources += jdbc.update("DELETE FROM source_record WHERE source = ? AND source_id = ?", source,
                    key.substring(source.length() + 1));
        }
        count(rows, "source_record", sources);
        count(rows, "golden_record", jdbc.update("DELETE FROM golden_record WHERE customer_id = ?", customerId));
        return new Erased(rows, recordKeys, storeKeys);
    }

    /**
     * The customer's social identity: declared handles, linked authors, and their posts with everything planned or
     * answered for them (a post is the person's words, an author their name and handle).
     */
    private void eraseSocial(String customerId, List<String> keys, Map<String, Integer> rows) {
        Set<String> authors = new LinkedHashSet<>(jdbc.queryForList(
                "SELECT author_key FROM social_author WHERE customer_id = ?", String.class, customerId));
        SqlLists.query(jdbc, "SELECT author_key FROM social_author WHERE anchor_record_key IN (", List.of(), keys,
                rs -> {
                    authors.add(rs.getString(1));
                });
        Set<String> events = new LinkedHashSet<>(jdbc.queryForList(
                "SELECT event_id FROM social_event WHERE customer_id = ?", String.class, customerId));
        SqlLists.query(jdbc, "SELECT event_id FROM social_event WHERE author_key IN (", List.of(), authors, rs -> {
            events.add(rs.getString(1));
        });
        List<String> eventIds = new ArrayList<>(events);
        List<String> actions = new ArrayList<>();
        SqlLists.query(jdbc, "SELECT action_id FROM social_action WHERE event_id IN (", List.of(), eventIds, rs -> {
            actions.add(rs.getString(1));
        });
        count(rows, "social_lead_followup", deleteIn("social_lead_followup", "action_id", actions));
        count(rows, "social_action", deleteIn("social_action", "event_id", eventIds));
        count(rows, "social_reply", deleteIn("social_reply", "event_id", eventIds));
        count(rows, "social_collapse_key", deleteIn("social_collapse_key", "event_id", eventIds));
        count(rows, "social_event_payload", deleteIn("social_event_payload", "event_id", eventIds));
        count(rows, "social_event", deleteIn("social_event", "event_id", eventIds));
        count(rows, "social_author", deleteIn("social_author", "author_key", new ArrayList<>(authors)));
        count(rows, "customer_social_handle", deleteIn("customer_social_handle", "record_key", keys));
    }

    private int deleteIn(String table, String column, List<String> values) {
        int deleted = 0;
        for (List<String> chunk : SqlLists.chunks(values)) {
            deleted += jdbc.update("DELETE FROM " + table + " WHERE " + column + " IN ("
                    + SqlLists.placeholders(chunk.size()) + ")", chunk.toArray());
        }
        return deleted;
    }

    private static void count(Map<String, Integer> rows, String table, int deleted) {
        rows.merge(table, deleted, Integer::sum);
    }

    private static String sourceOf(String recordKey) {
        int colon = recordKey.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("not a record key: no source before ':'");
        }
        return recordKey.substring(0, colon);
    }
}
