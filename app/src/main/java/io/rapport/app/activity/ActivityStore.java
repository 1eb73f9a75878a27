package io.rapport.app.activity;

import io.rapport.app.store.SqlLists;
import io.rapport.core.activity.CustomerActivity;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Message Store of canonical activities (table {@code customer_activity}), one row per activity: saving the same
 * version again changes nothing, and an older version arriving late (a replayed event, a catch-up poll) never
 * overwrites a newer one. Read per customer through the records the customer is made of.
 */
public class ActivityStore {

    /** Activities shown with a customer, newest first. */
    public static final int SHOWN = 50;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ActivityStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Why the activity cannot be stored, or null: a value wider than its column (V9). Salesforce allows picklist
     * values and ids the columns do not; one such row would otherwise fail the whole batch, and with it every poll.
     */
    public static String unfit(CustomerActivity activity) {
        String[][] values = {{"activity key", activity.key(), "200"}, {"source id", activity.sourceId(), "128"},
                {"party", activity.party(), "200"}, {"subject", activity.subject(), "1024"},
                {"status", activity.status(), "128"}, {"priority", activity.priority(), "64"},
                {"channel", activity.channel(), "64"}};
        for (String[] value : values) {
            int limit = Integer.parseInt(value[2]);
            if (value[1] != null && value[1].length() > limit) {
                return value[0] + " is " + value[1].length() + " characters long; the activity store keeps " + limit;
            }
        }
        return null;
    }

    /** Stores the activities; returns how many were new or newer than the stored version. */
    public int save(List<CustomerActivity> activities, Instant now) {
        if (activities.isEmpty()) {
            return 0;
        }
        Map<String, CustomerActivity> latest = new LinkedHashMap<>();
        activities.forEach(activity -> latest.merge(activity.key(), activity,
                (a, b) -> b.changedAt().isBefore(a.changedAt()) ? a : b));
        Integer saved = transactions.execute(status -> {
            Map<String, Instant> stored = storedVersions(latest.keySet());
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (CustomerActivity activity : latest.values()) {
                Instant version = stored.get(activity.key());
                if (version == null) {
                    inserts.add(row(activity, now));
                } else if (!activity.changedAt().isBefore(version)) {
                    updates.add(row(activity, now));
                }
            }
            jdbc.batchUpdate("INSERT INTO customer_activity (source, source_id, kind, party_key, subject, status,"
                    + " priority, channel, closed, occurred_at, due_date, changed_at, stored_at, activity_key)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
            jdbc.batchUpdate("UPDATE customer_activity SET source = ?, source_id = ?, kind = ?, party_key = ?,"
                    + " subject = ?, status = ?, priority = ?, channel = ?, closed = ?, occurred_at = ?, due_date = ?,"
                    + " changed_at = ?, stored_at = ? WHERE activity_key = ?", updates);
            return inserts.size() + updates.size();
        });
        return saved == null ? 0 : saved;
    }

    /** The source deleted these activities ({@code <source>:<id>} keys). */
    public void deleted(Collection<String> keys) {
        for (List<String> chunk : SqlLists.chunks(new ArrayList<>(keys))) {
            jdbc.update("DELETE FROM customer_activity WHERE activity_key IN (" + SqlLists.placeholders(chunk.size())
                    + ")", chunk.toArray());
        }
    }

    /**
     * The newest activities about any of these records (a customer's members, and its records in the synced stores),
     * at most {@link #SHOWN}.
     */
    public List<Map<String, Object>> about(Collection<String> recordKeys) {
        record Found(Instant occurredAt, Map<String, Object> activity) {
        }
        List<Found> found = new ArrayList<>();
        SqlLists.query(jdbc, "SELECT activity_key, kind, party_key, subject, status, priority, channel, closed,"
                + " occurred_at, due_date, changed_at FROM customer_activity WHERE party_key IN (", List.of(),
                new LinkedHashSet<>(recordKeys), rs -> {
                    Map<String, Object> activity = new LinkedHashMap<>();
                    activity.put("activityKey", rs.getString(1));
                    activity.put("kind", rs.getString(2));
                    activity.put("about", rs.getString(3));
                    activity.put("subject", rs.getString(4));
                    activity.put("status", rs.getString(5));
                    activity.put("priority", rs.getString(6));
                    activity.put("channel", rs.getString(7));
                    activity.put("closed", rs.getBoolean(8));
                    Instant occurredAt = rs.getTimestamp(9).toInstant();
                    activity.put("occurredAt", occurredAt.toString());
                    Date due = rs.getDate(10);
                    activity.put("dueDate", due == null ? null : due.toLocalDate().toString());
                    activity.put("changedAt", rs.getTimestamp(11).toInstant().toString());
                    found.add(new Found(occurredAt, activity));
                });
        return found.stream().sorted(Comparator.comparing(Found::occurredAt).reversed()).limit(SHOWN)
                .map(Found::activity).toList();
    }

    private Map<String, Instant> storedVersions(Set<String> keys) {
        Map<String, Instant> versions = new LinkedHashMap<>();
        SqlLists.query(jdbc, "SELECT activity_key, changed_at FROM customer_activity WHERE activity_key IN (",
                List.of(), keys, rs -> {
                    versions.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        return versions;
    }

    private static Object[] row(CustomerActivity a, Instant now) {
        return new Object[] {a.source().value(), a.sourceId(), a.kind().name(), a.party(), a.subject(), a.status(),
                a.priority(), a.channel(), a.closed(), Timestamp.from(a.occurredAt()),
                a.dueDate() == null ? null : Date.valueOf(a.dueDate()), Timestamp.from(a.changedAt()),
                Timestamp.from(now), a.key()};
    }
}
