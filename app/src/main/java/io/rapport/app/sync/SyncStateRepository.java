package io.rapport.app.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.store.SqlLists;
import io.rapport.core.party.PartyType;
import io.rapport.core.sync.AgreedValue;
import io.rapport.core.sync.CustomerSyncState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Table {@code sync_state}: one JSON document per customer ({@link CustomerSync}). */
public class SyncStateRepository {

    /** The stored form: plain data Jackson reads and writes without annotations on the core's classes. */
    record Stored(PartyType type, Map<String, AgreedValue> agreed, Map<String, Map<String, String>> storeHashes,
                  Set<String> held, Map<String, String> storeKeys, Map<String, String> appliedMembers,
                  Map<String, Map<String, Instant>> writtenAt, String deletedIn,
                  Map<String, String> pendingDeletions) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public SyncStateRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The customers' sync records; a customer never synced before gets a fresh one. */
    public Map<String, CustomerSync> load(Collection<String> customerIds) {
        Map<String, CustomerSync> loaded = new LinkedHashMap<>();
        for (List<String> chunk : SqlLists.chunks(new ArrayList<>(customerIds))) {
            jdbc.query("SELECT customer_id, state_json FROM sync_state WHERE customer_id IN ("
                    + SqlLists.placeholders(chunk.size()) + ")", rs -> {
                loaded.put(rs.getString(1), decode(rs.getString(1), rs.getString(2)));
            }, chunk.toArray());
        }
        Map<String, CustomerSync> all = new LinkedHashMap<>();
        customerIds.forEach(id -> all.put(id, loaded.getOrDefault(id, CustomerSync.fresh(id))));
        return all;
    }

    public void saveAll(Collection<CustomerSync> records, Instant now) {
        if (records.isEmpty()) {
            return;
        }
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        for (CustomerSync record : records) {
            String document = encode(record);
            if (record.isStored()) {
                updates.add(new Object[] {document, at, record.customerId()});
            } else {
                inserts.add(new Object[] {record.customerId(), document, at});
            }
        }
        jdbc.batchUpdate("INSERT INTO sync_state (customer_id, state_json, updated_at) VALUES (?, ?, ?)", inserts);
        jdbc.batchUpdate("UPDATE sync_state SET state_json = ?, updated_at = ? WHERE customer_id = ?", updates);
        indexStoreKeys(records);
        records.forEach(CustomerSync::stored);
    }

    /** Table {@code sync_store_record}: the store keys set since loading, so a store's key finds its customer. */
    private void indexStoreKeys(Collection<CustomerSync> records) {
        List<Object[]> keys = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        for (CustomerSync record : records) {
            for (String store : record.newKeys()) {
                String key = record.storeKey(store);
                keys.add(new Object[] {store, key});
                rows.add(new Object[] {store, key, record.customerId()});
            }
            record.newKeys().clear();
        }
        jdbc.batchUpdate("DELETE FROM sync_store_record WHERE store = ? AND store_key = ?", keys);
        jdbc.batchUpdate("INSERT INTO sync_store_record (store, store_key, customer_id) VALUES (?, ?, ?)", rows);
    }

    /** The customer whose record in the store each key is, for the keys the hub keeps in sync. */
    public Map<String, String> customersByStoreKey(String store, Collection<String> keys) {
        return SqlLists.pairs(jdbc, "SELECT store_key, customer_id FROM sync_store_record WHERE store = ?"
                + " AND store_key IN (", store, keys);
    }

    /** Every customer the engine keeps, for reconciliation; in pages so that memory stays flat. */
    public List<String> customerIdsAfter(String after, int limit) {
        return jdbc.queryForList("SELECT customer_id FROM sync_state WHERE customer_id > ? ORDER BY customer_id"
                + " FETCH FIRST " + limit + " ROWS ONLY", String.class, after);
    }

    private String encode(CustomerSync record) {
        CustomerSyncState state = record.state();
        try {
            return json.writeValueAsString(new Stored(record.type(), state.agreed(), state.storeHashes(),
                    state.heldForSteward(), record.storeKeys(), record.appliedMembers(), state.writtenAt(),
                    record.deletedIn(), record.pendingDeletions()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the sync state of " + record.customerId(), e);
        }
    }

    private CustomerSync decode(String customerId, String document) {
        try {
            Stored stored = json.readValue(document, Stored.class);
            return new CustomerSync(new CustomerSyncState(customerId, stored.agreed(), stored.storeHashes(),
                    stored.held(), stored.writtenAt()), stored.type(), stored.storeKeys(), stored.appliedMembers(),
                    stored.deletedIn(), stored.pendingDeletions(), true);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable sync state of customer " + customerId, e);
        }
    }
}
