package io.rapport.app.resolve;

import static io.rapport.app.store.SqlLists.chunks;
import static io.rapport.app.store.SqlLists.placeholders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.resolve.JournaledResolutionState.AssignmentChange;
import io.rapport.core.resolve.JournaledResolutionState.LinkChange;
import io.rapport.core.resolve.Link;
import io.rapport.core.survivorship.GoldenRecord;
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
 * Writes what one resolution transaction changed: canonical records and the customer each belongs to, links, and
 * golden records. Every write is a JDBC batch, inside the caller's transaction.
 */
public class ResolutionStore {

    private final JdbcTemplate jdbc;
    private final CanonicalRecordCodec codec;
    private final ObjectMapper json;

    public ResolutionStore(JdbcTemplate jdbc, CanonicalRecordCodec codec, ObjectMapper json) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.json = json;
    }

    /**
     * A canonical record to store with its JSON ({@link CanonicalRecordCodec#write}), the customer it now belongs
     * to, and {@code known} if a row exists already.
     */
    public record RecordRow(CanonicalCustomer customer, String canonicalJson, String customerId, boolean known) {
    }

    /** A golden record as {@code golden_record} stores it; see {@link #rowOf}. */
    public record GoldenRow(String customerId, String displayName, String searchText, int memberCount, String json) {
    }

    /** The stored form of a canonical record; pure, so callers compute it before taking the resolution lock. */
    public String canonicalJsonOf(CanonicalCustomer customer) {
        return codec.write(customer);
    }

    public void saveRecords(Collection<RecordRow> rows, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        for (RecordRow row : rows) {
            CanonicalCustomer c = row.customer();
            String canonical = row.canonicalJson();
            if (row.known()) {
                updates.add(new Object[] {row.customerId(), c.modelVersion(), canonical, c.qualityIssues().size(), at,
                        c.source().key()});
            } else {
                inserts.add(new Object[] {c.source().key(), c.source().system().value(), c.source().sourceId(),
                        row.customerId(), c.modelVersion(), canonical, c.qualityIssues().size(), at});
            }
        }
        jdbc.batchUpdate("INSERT INTO customer_record (record_key, source, source_id, customer_id, model_version,"
                + " canonical_json, quality_issues, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batchUpdate("UPDATE customer_record SET customer_id = ?, model_version = ?, canonical_json = ?,"
                + " quality_issues = ?, updated_at = ? WHERE record_key = ?", updates);
        saveSocialHandles(rows);
    }

    /**
     * The handles each record declares, where social listening looks authors up. Only records stored before can
     * have rows to replace, and most records declare none, so an import pays one delete per updated record at most.
     */
    private void saveSocialHandles(Collection<RecordRow> rows) {
        List<Object[]> deletes = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (RecordRow row : rows) {
            String key = row.customer().source().key();
            if (row.known()) {
                deletes.add(new Object[] {key});
            }
            row.customer().socialHandles().stream().distinct().forEach(handle ->
                    inserts.add(new Object[] {key, handle.network(), handle.handle()}));
        }
        jdbc.batchUpdate("DELETE FROM customer_social_handle WHERE record_key = ?", deletes);
        jdbc.batchUpdate("INSERT INTO customer_social_handle (record_key, network, handle) VALUES (?, ?, ?)", inserts);
    }

    /** Moves records that were not otherwise saved to the customer the resolver put them in. */
    public void saveAssignments(Collection<AssignmentChange> changes, Set<String> alreadySaved) {
        List<Object[]> updates = new ArrayList<>();
        for (AssignmentChange change : changes) {
            if (!alreadySaved.contains(change.recordKey())) {
                updates.add(new Object[] {change.after(), change.recordKey()});
            }
        }
        jdbc.batchUpdate("UPDATE customer_record SET customer_id = ? WHERE record_key = ?", updates);
    }

    public void saveLinks(Collection<LinkChange> changes, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletes = new ArrayList<>();
        for (LinkChange change : changes) {
            Link after = change.after();
            if (after == null) {
                deletes.add(new Object[] {change.a(), change.b()});
            } else if (change.before() == null) {
                inserts.add(new Object[] {change.a(), change.b(), after.kind().name(), weight(after), after.rule(), at});
            } else {
                updates.add(new Object[] {after.kind().name(), weight(after), after.rule(), at, change.a(), change.b()});
            }
        }
        jdbc.batchUpdate("DELETE FROM record_link WHERE record_a = ? AND record_b = ?", deletes);
        jdbc.batchUpdate("INSERT INTO record_link (record_a, record_b, kind, weight, match_rule, linked_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", inserts);
        jdbc.batchUpdate("UPDATE record_link SET kind = ?, weight = ?, match_rule = ?, linked_at = ?"
                + " WHERE record_a = ? AND record_b = ?", updates);
    }

    /** The stored canonical records of the given keys (those that exist). */
    public Map<String, CanonicalCustomer> canonicalRecords(List<String> recordKeys) {
        Map<String, CanonicalCustomer> found = new HashMap<>();
        for (List<String> chunk : chunks(recordKeys)) {
            jdbc.query("SELECT record_key, canonical_json FROM customer_record WHERE record_key IN ("
                    + placeholders(chunk.size()) + ")", rs -> {
                        found.put(rs.getString(1), codec.read(rs.getString(2)));
                    }, chunk.toArray());
        }
        return found;
    }

    /**
     * The stored form of a golden record: display name, search text and the API view as JSON. Needs nothing but the
     * record, so callers build many side by side.
     */
    public GoldenRow rowOf(GoldenRecord golden) {
        String name = GoldenRecordView.displayName(golden);
        return new GoldenRow(golden.customerId(), name == null || name.length() <= 1024 ? name : name.substring(0, 1024),
                GoldenRecordView.searchText(golden), golden.members().size(), toJson(GoldenRecordView.of(golden)));
    }

    /**
     * Replaces the golden records of every touched customer: rebuilt ones are written, the others (retired
     * customers) removed. A rebuilt record is updated in place where its row exists: a delete and an insert would
     * rewrite the row's storage page and its key's index page twice.
     */
    public void replaceGoldenRecords(Collection<String> touchedCustomers, Collection<GoldenRow> rebuilt, Instant now) {
        Timestamp at = Timestamp.from(now);
        Set<String> kept = new HashSet<>();
        List<Object[]> updates = new ArrayList<>(rebuilt.size());
        for (GoldenRow row : rebuilt) {
            kept.add(row.customerId());
            updates.add(new Object[] {row.displayName(), row.searchText(), row.memberCount(), row.json(), at,
                    row.customerId()});
        }
        List<Object[]> deletes = touchedCustomers.stream().filter(id -> !kept.contains(id))
                .map(id -> new Object[] {id}).toList();
        jdbc.batchUpdate("DELETE FROM golden_record WHERE customer_id = ?", deletes);
        int[] updated = jdbc.batchUpdate("UPDATE golden_record SET display_name = ?, search_text = ?, member_count = ?,"
                + " golden_json = ?, updated_at = ? WHERE customer_id = ?", updates);
        List<Object[]> inserts = new ArrayList<>();
        int i = 0;
        for (GoldenRow row : rebuilt) {
            // H2 and PostgreSQL report each statement's row count; 0 means the customer is new
            if (updated[i++] == 0) {
                inserts.add(new Object[] {row.customerId(), row.displayName(), row.searchText(), row.memberCount(),
                        row.json(), at});
            }
        }
        jdbc.batchUpdate("INSERT INTO golden_record (customer_id, display_name, search_text, member_count, golden_json,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?)", inserts);
    }

    private String toJson(Object view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write golden record", e);
        }
    }

    private static Double weight(Link link) {
        return Double.isFinite(link.weight()) ? link.weight() : null;
    }
}
