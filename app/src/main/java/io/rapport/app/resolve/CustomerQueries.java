package io.rapport.app.resolve;

import static io.rapport.app.store.SqlLists.chunks;
import static io.rapport.app.store.SqlLists.placeholders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.activity.ActivityStore;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.resolve.XrefCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/** The read side of the single customer view: customers with lineage, search, the cross-reference, the review queue. */
public class CustomerQueries {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /** Links with the customer of the record on either side ({@code ca}, {@code cb}). */
    private static final String LINKS_WITH_CUSTOMERS = " FROM record_link l"
            + " JOIN customer_record ca ON ca.record_key = l.record_a"
            + " JOIN customer_record cb ON cb.record_key = l.record_b";
    /** Possible matches still open: their records belong to different customers. */
    private static final String OPEN_REVIEW = " WHERE l.kind = 'POSSIBLE' AND ca.customer_id <> cb.customer_id";

    private final JdbcTemplate jdbc;
    private final CanonicalRecordCodec codec;
    private final ObjectMapper json;
    private final ActivityStore activities;

    public CustomerQueries(JdbcTemplate jdbc, CanonicalRecordCodec codec, ObjectMapper json, ActivityStore activities) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.json = json;
        this.activities = activities;
    }

    /** The golden record with per-field lineage, its source records and their links. */
    public Optional<Map<String, Object>> customer(String customerId) {
        List<String> golden = jdbc.queryForList("SELECT golden_json FROM golden_record WHERE customer_id = ?",
                String.class, customerId);
        if (golden.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> view = parse(golden.get(0));
        // the golden record lists its members: written in the same transaction as each record's customer_id, so
        // no index on customer_id is needed to find them (one index fewer to write for every record stored)
        List<String> members = ((List<?>) view.remove("members")).stream().map(String::valueOf).sorted().toList();
        List<Map<String, Object>> records = new ArrayList<>();
        for (List<String> chunk : chunks(members)) {
            jdbc.query("SELECT record_key, source, source_id, canonical_json, updated_at FROM customer_record"
                    + " WHERE record_key IN (" + placeholders(chunk.size()) + ") ORDER BY record_key", rs -> {
                        CanonicalCustomer canonical = codec.read(rs.getString(4));
                        Map<String, Object> record = new LinkedHashMap<>();
                        record.put("recordKey", rs.getString(1));
                        record.put("source", rs.getString(2));
                        record.put("sourceId", rs.getString(3));
                        record.put("resolvedAt", rs.getTimestamp(5).toInstant().toString());
                        record.put("qualityIssues", canonical.qualityIssues());
                        record.put("canonical", shown(canonical));
                        records.add(record);
                    }, chunk.toArray());
        }
        view.put("records", records);
        view.put("links", links(members));
        // activities name a record of the customer: a member, or its record in a synced store (the copy the hub
        // wrote there comes back as no member, since the hub's own writes are not read again)
        List<String> about = new ArrayList<>(members);
        jdbc.query("SELECT store, store_key FROM sync_store_record WHERE customer_id = ?",
                rs -> {
                    about.add(rs.getString(1) + ":" + rs.getString(2));
                }, customerId);
        view.put("activities", activities.about(about));
        return Optional.of(view);
    }

    /** Links of a customer's records: how its members were joined, and possible matches to review. */
    private List<Map<String, Object>> links(List<String> members) {
        Set<String> own = new HashSet<>(members);
        String columns = "SELECT l.record_a, l.record_b, l.kind, l.weight, l.match_rule, ca.customer_id, cb.customer_id";
        List<Map<String, Object>> links = new ArrayList<>();
        RowCallbackHandler collect = rs -> {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("record", rs.getString(1));
            link.put("otherRecord", rs.getString(2));
            link.put("kind", rs.getString(3));
            double weight = rs.getDouble(4);
            link.put("weight", rs.wasNull() ? null : weight);
            link.put("rule", rs.getString(5));
            link.put("customer", rs.getString(6));
            link.put("otherCustomer", rs.getString(7));
            links.add(link);
        };
        // one side at a time, each from the members' keys (an OR across both sides made the database read every
        // link); a link between two members is listed from its first side only
        for (List<String> chunk : chunks(members)) {
            jdbc.query(columns + LINKS_WITH_CUSTOMERS + " WHERE l.record_a IN (" + placeholders(chunk.size()) + ")",
                    collect, chunk.toArray());
            jdbc.query(columns + LINKS_WITH_CUSTOMERS + " WHERE l.record_b IN (" + placeholders(chunk.size()) + ")",
                    rs -> {
                        if (!own.contains(rs.getString(1))) {
                            collect.processRow(rs);
                        }
                    }, chunk.toArray());
        }
        links.sort(Comparator.comparing((Map<String, Object> link) -> (String) link.get("record"))
                .thenComparing(link -> (String) link.get("otherRecord")));
        return links;
    }

    /** Customers whose names, emails, phones, address, handles or ids contain every word of the query. */
    public List<Map<String, Object>> search(String query, int limit) {
        List<String> terms = List.of(GoldenRecordView.searchKey(query).split(" "));
        StringBuilder sql = new StringBuilder("SELECT customer_id, display_name, member_count, updated_at FROM golden_record");
        List<Object> args = new ArrayList<>();
        String glue = " WHERE ";
        for (String term : terms) {
            if (!term.isEmpty()) {
                sql.append(glue).append("search_text LIKE ? ESCAPE '\\'");
                args.add("%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                glue = " AND ";
            }
        }
        sql.append(" ORDER BY display_name, customer_id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, n) -> {
            Map<String, Object> hit = new LinkedHashMap<>();
            hit.put("customerId", rs.getString(1));
            hit.put("displayName", rs.getString(2));
            hit.put("records", rs.getInt(3));
            hit.put("updatedAt", rs.getTimestamp(4).toInstant().toString());
            return hit;
        }, args.toArray());
    }

    /** Every source record and its customer as {@code source,source_id,customer_id} CSV, streamed. */
    public void writeXref(Writer out) {
        try {
            out.write(XrefCsv.HEADER);
            jdbc.query(connection -> {
                var statement = connection.prepareStatement(
                        "SELECT source, source_id, customer_id FROM customer_record ORDER BY source, source_id");
                statement.setFetchSize(2_000);
                return statement;
            }, rs -> {
                try {
                    out.write(XrefCsv.line(rs.getString(1), rs.getString(2), rs.getString(3)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Possible matches between records of different customers, strongest first: the data steward's review queue. */
    public List<Map<String, Object>> reviewQueue(int limit) {
        return jdbc.query("SELECT l.record_a, l.record_b, l.weight, ca.customer_id, cb.customer_id, l.linked_at"
                + LINKS_WITH_CUSTOMERS + OPEN_REVIEW + " ORDER BY l.weight DESC, l.record_a, l.record_b FETCH FIRST " + limit + " ROWS ONLY", (rs, n) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("record", rs.getString(1));
                    item.put("otherRecord", rs.getString(2));
                    item.put("weight", rs.getDouble(3));
                    item.put("customer", rs.getString(4));
                    item.put("otherCustomer", rs.getString(5));
                    item.put("since", rs.getTimestamp(6).toInstant().toString());
                    return item;
                });
    }

    public long reviewQueueSize() {
        Long size = jdbc.queryForObject("SELECT COUNT(*)" + LINKS_WITH_CUSTOMERS + OPEN_REVIEW, Long.class);
        return size == null ? 0 : size;
    }

    /** Data-steward decisions, newest first. */
    public List<Map<String, Object>> stewardActions(int limit) {
        return jdbc.query("SELECT action_id, acted_at, actor, action, record_key, other_record_key, customer_before,"
                + " customer_after, note FROM steward_action ORDER BY action_id DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, n) -> {
                    Map<String, Object> action = new LinkedHashMap<>();
                    action.put("id", rs.getLong(1));
                    action.put("at", rs.getTimestamp(2).toInstant().toString());
                    action.put("actor", rs.getString(3));
                    action.put("action", rs.getString(4));
                    action.put("record", rs.getString(5));
                    action.put("otherRecord", rs.getString(6));
                    action.put("customerBefore", rs.getString(7));
                    action.put("customerAfter", rs.getString(8));
                    action.put("note", rs.getString(9));
                    return action;
                });
    }

    /** A canonical record for display: everything but the national id, which is masked. */
    private Map<String, Object> shown(CanonicalCustomer canonical) {
        Map<String, Object> view = json.convertValue(canonical, JSON_OBJECT);
        if (canonical.nationalId() != null) {
            view.put("nationalId", canonical.nationalId().masked());
        }
        return view;
    }

    private Map<String, Object> parse(String text) {
        try {
            return json.readValue(text, JSON_OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable golden record", e);
        }
    }
}
