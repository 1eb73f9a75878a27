package io.rapport.app.sync;

import io.rapport.core.customer.SourceRecord;
import io.rapport.core.party.PartyType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The sync engine's port to one store it keeps consistent (Salesforce, the ERP database): which synced fields the
 * store holds and how customers are written to it. Implemented by an adapter over each connector.
 */
public interface StoreConnector {

    /** The store's name, as in config/sync-policy.yaml and as the source name of its records. */
    String store();

    /** The synced fields the store holds for customers of this kind: no other field is ever sent to it. */
    Set<String> mappedFields(PartyType type);

    /**
     * The synced values one of the store's records states, from the fields the intake stored for it. {@code agreed}
     * is what the hub expects the record to hold: a store whose fields are made of several values reads them back
     * against it, so that the hub's own write is recognized exactly.
     */
    Map<String, String> syncedValues(PartyType type, Map<String, String> storedFields, Map<String, String> agreed);

    /**
     * Whether the store keeps this record (as the intake stored it) in sync with the customer. A record the hub only
     * reads (a Salesforce Lead: a prospect the CRM owns) feeds the customer's golden record but is no store copy.
     */
    default boolean keepsInSync(Map<String, String> storedFields) {
        return true;
    }

    /**
     * The source-record attribute in which the store's records carry the hub's customer id (Salesforce's external
     * id, the ERP's external reference): a record that carries another customer's id is that customer's copy.
     */
    String hubIdAttribute();

    /**
     * Writes the customers; one result per write, in the same order. Each write must be idempotent: the engine
     * sends it again whenever it cannot tell whether it landed.
     *
     * @throws StoreUnavailableException when the store cannot take writes now
     */
    List<StoreWriteResult> write(List<StoreWrite> writes);

    /**
     * Deletes customers' records, as the store deletes: one result per entry (customer id to its record key there),
     * in the same order. A record already gone counts as deleted, so that a deletion may be sent again.
     *
     * @throws StoreUnavailableException when the store cannot take deletions now
     */
    List<StoreWriteResult> delete(List<Map.Entry<String, String>> records);

    /**
     * Reads every customer record of the store, a page at a time, as the store's intake would send it:
     * reconciliation compares them with what the store should hold.
     *
     * @throws StoreUnavailableException when the store cannot be read now
     */
    void readAll(Consumer<List<SourceRecord>> page);
}
