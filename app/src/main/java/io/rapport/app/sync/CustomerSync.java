package io.rapport.app.sync;

import io.rapport.core.party.PartyType;
import io.rapport.core.sync.CustomerSyncState;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Everything the sync engine keeps about one customer: the core's bookkeeping (agreed values, what each store holds),
 * the customer's record in each store, and the content hash of each member record last applied, so that a member
 * that has not changed since is not applied again.
 */
public final class CustomerSync {

    private final CustomerSyncState state;
    private PartyType type;
    private final Map<String, String> storeKeys;
    private final Map<String, String> appliedMembers;
    private String deletedIn;
    private final Map<String, String> pendingDeletions;
    private final Set<String> newKeys = new LinkedHashSet<>();
    private boolean stored;

    /** @param stored whether {@code sync_state} holds a row for the customer (saving then updates it) */
    public CustomerSync(CustomerSyncState state, PartyType type, Map<String, String> storeKeys,
                        Map<String, String> appliedMembers, boolean stored) {
        this(state, type, storeKeys, appliedMembers, null, Map.of(), stored);
    }

    /**
     * @param deletedIn        the store whose deletion of the customer's record retired it from sync, or null
     * @param pendingDeletions store to the customer's record there, for the records still to be deleted
     */
    public CustomerSync(CustomerSyncState state, PartyType type, Map<String, String> storeKeys,
                        Map<String, String> appliedMembers, String deletedIn, Map<String, String> pendingDeletions,
                        boolean stored) {
        this.stored = stored;
        this.state = state;
        this.type = type;
        this.storeKeys = new LinkedHashMap<>(storeKeys);
        this.appliedMembers = new LinkedHashMap<>(appliedMembers);
        this.deletedIn = deletedIn;
        this.pendingDeletions = new LinkedHashMap<>(pendingDeletions == null ? Map.of() : pendingDeletions);
    }

    public static CustomerSync fresh(String customerId) {
        return new CustomerSync(new CustomerSyncState(customerId), PartyType.PERSON, Map.of(), Map.of(), false);
    }

    /**
     * Whether the customer was deleted in a store under {@code onDelete: PROPAGATE}: it is then written to no store
     * again, and its records elsewhere are deleted.
     */
    public boolean retired() {
        return deletedIn != null;
    }

    public String deletedIn() {
        return deletedIn;
    }

    /** Store to the customer's record there, for the deletions not yet carried out. */
    public Map<String, String> pendingDeletions() {
        return pendingDeletions;
    }

    /** Retires the customer: its record in every store but {@code store} is to be deleted. */
    void retire(String store) {
        deletedIn = store;
        storeKeys.forEach((other, key) -> {
            if (!other.equals(store)) {
                pendingDeletions.put(other, key);
            }
        });
    }

    void deletedFrom(String store) {
        pendingDeletions.remove(store);
    }

    public String customerId() {
        return state.customerId();
    }

    boolean isStored() {
        return stored;
    }

    void stored() {
        stored = true;
    }

    public CustomerSyncState state() {
        return state;
    }

    public PartyType type() {
        return type;
    }

    void type(PartyType type) {
        this.type = type;
    }

    /** The customer's record key in each store that has one. */
    public Map<String, String> storeKeys() {
        return storeKeys;
    }

    public String storeKey(String store) {
        return storeKeys.get(store);
    }

    void storeKey(String store, String key) {
        if (!key.equals(storeKeys.put(store, key))) {
            newKeys.add(store);
        }
    }

    /** The stores whose record key was set since the customer was loaded: saving indexes them. */
    Set<String> newKeys() {
        return newKeys;
    }

    /** Member record key to the content hash of the version last applied. */
    public Map<String, String> appliedMembers() {
        return appliedMembers;
    }

    boolean alreadyApplied(String recordKey, String contentHash) {
        return contentHash.equals(appliedMembers.get(recordKey));
    }

    void applied(String recordKey, String contentHash) {
        appliedMembers.put(recordKey, contentHash);
    }
}
