package io.rapport.core.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The sync engine's rules, field by field: what a store changed, whether that conflicts with a change another store
 * made, who wins, and what each store still has to be sent. Each store's copy is compared with what the store was
 * last known to hold (a three-way comparison, with the agreed value as the third): a store whose value is the one it
 * was last sent has changed nothing, which is how the hub's own writes coming back as change events are recognized
 * and not propagated again, whatever the change event says about its origin.
 */
public final class SyncMerger {

    /** Origin of a value a steward chose for a held field. */
    public static final String STEWARD = "steward";

    private final SyncPolicy policy;

    public SyncMerger(SyncPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public SyncPolicy policy() {
        return policy;
    }

    /** Applies what a store now holds for the customer to the agreed values. */
    public MergeResult apply(CustomerSyncState state, StoreSnapshot snapshot) {
        String store = snapshot.store();
        if (!policy.stores().containsKey(store)) {
            throw new IllegalArgumentException("'" + store + "' is not one of the synced stores " + policy.storeNames());
        }
        Set<String> changed = new LinkedHashSet<>();
        List<FieldConflict> conflicts = new ArrayList<>();
        snapshot.values().forEach((field, value) -> {
            // a value that may not be held by this store cannot come from it either
            if (!policy.reaches(field, store)) {
                return;
            }
            FieldConflict conflict = applyField(state, snapshot, field, value, changed);
            if (conflict != null) {
                conflicts.add(conflict);
            }
        });
        return new MergeResult(changed, conflicts);
    }

    private FieldConflict applyField(CustomerSyncState state, StoreSnapshot snapshot, String field, String value,
                                     Set<String> changed) {
        String store = snapshot.store();
        String hash = SyncValues.hash(value);
        String known = state.storeHash(store, field);
        AgreedValue agreed = state.agreed(field);
        if (hash.equals(known)) {
            return null;
        }
        // A snapshot read before the hub's last write of the field to this store does not say what the store holds
        // now (the write came after it), but its value may be an edit the write overwrote: the store changed the
        // field without having seen the value the hub wrote.
        Instant written = state.writtenAt(store, field);
        boolean predatesWrite = written != null && snapshot.changedAt().isBefore(written);
        if (!predatesWrite) {
            state.storeHolds(store, field, value);
        }
        if (agreed != null && hash.equals(agreed.hash())) {
            return null;
        }
        FieldPolicy rule = policy.field(field);
        if (state.isHeld(field)) {
            return null;
        }
        if (predatesWrite && agreed != null && store.equals(agreed.origin())) {
            // the agreed value came from this store, later than this snapshot
            return null;
        }
        // a store was never sent an empty agreed value (pending skips it): knowing nothing of its copy then means it
        // had nothing, which is what was agreed
        String base = known == null && agreed != null && agreed.value() == null ? SyncValues.EMPTY_HASH : known;
        boolean agreedMovedOn = agreed != null
                && (predatesWrite ? !store.equals(agreed.origin()) : !agreed.hash().equals(base));
        if (!agreedMovedOn) {
            if (agreed != null && rule.owner() != null && !rule.owner().equals(store)
                    && rule.owner().equals(agreed.origin())) {
                return conflict(state.customerId(), field, FieldConflict.NOT_OWNER, agreed, snapshot, value, rule,
                        ConflictOutcome.AGREED_KEPT);
            }
            state.agree(field, new AgreedValue(value, store, snapshot.changedAt()));
            changed.add(field);
            return null;
        }
        ConflictOutcome outcome = settle(rule, store, snapshot.changedAt(), agreed);
        switch (outcome) {
            case INCOMING_TAKEN -> {
                state.agree(field, new AgreedValue(value, store, snapshot.changedAt()));
                changed.add(field);
            }
            case HELD_FOR_STEWARD -> state.hold(field);
            case AGREED_KEPT -> {
                // the store keeps being sent the agreed value: its own value is now what it is known to hold
            }
        }
        return conflict(state.customerId(), field, FieldConflict.BOTH_CHANGED, agreed, snapshot, value, rule, outcome);
    }

    private ConflictOutcome settle(FieldPolicy rule, String incomingStore, Instant incomingAt, AgreedValue agreed) {
        return switch (rule.onConflict()) {
            case MANUAL -> ConflictOutcome.HELD_FOR_STEWARD;
            case OWNER_WINS -> {
                ConflictOutcome byOwner = byOwner(rule, incomingStore, agreed);
                yield byOwner != null ? byOwner : byTime(rule, incomingStore, incomingAt, agreed);
            }
            case LATEST_WINS -> byTime(rule, incomingStore, incomingAt, agreed);
        };
    }

    private static ConflictOutcome byOwner(FieldPolicy rule, String incomingStore, AgreedValue agreed) {
        if (rule.owner() == null) {
            return null;
        }
        if (rule.owner().equals(incomingStore)) {
            return ConflictOutcome.INCOMING_TAKEN;
        }
        return rule.owner().equals(agreed.origin()) ? ConflictOutcome.AGREED_KEPT : null;
    }

    private ConflictOutcome byTime(FieldPolicy rule, String incomingStore, Instant incomingAt, AgreedValue agreed) {
        Duration gap = Duration.between(agreed.changedAt(), incomingAt);
        if (gap.abs().compareTo(policy.clockSkewTolerance()) <= 0) {
            ConflictOutcome byOwner = byOwner(rule, incomingStore, agreed);
            return byOwner != null ? byOwner : ConflictOutcome.AGREED_KEPT;
        }
        return gap.isNegative() ? ConflictOutcome.AGREED_KEPT : ConflictOutcome.INCOMING_TAKEN;
    }

    private FieldConflict conflict(String customerId, String field, String reason, AgreedValue agreed,
                                   StoreSnapshot snapshot, String value, FieldPolicy rule, ConflictOutcome outcome) {
        return new FieldConflict(customerId, field, reason,
                agreed.origin(), policy.displayValue(field, agreed.value()), agreed.changedAt(),
                snapshot.store(), policy.displayValue(field, value), snapshot.changedAt(),
                reason.equals(FieldConflict.NOT_OWNER) ? ConflictRule.OWNER_WINS : rule.onConflict(), outcome);
    }

    /**
     * The fields the store has to be sent, with their agreed values: those that may reach it and that it is not
     * known to hold already. Held fields wait for the steward; a field with no value is only sent to a store that
     * is known to hold something for it (clearing it), never to one that never had it.
     */
    public Map<String, String> pending(CustomerSyncState state, String store) {
        Map<String, String> pending = new LinkedHashMap<>();
        state.agreed().forEach((field, agreed) -> {
            if (!policy.reaches(field, store) || state.isHeld(field)) {
                return;
            }
            String known = state.storeHash(store, field);
            if (agreed.hash().equals(known)) {
                return;
            }
            if (agreed.value() == null && (known == null || known.equals(SyncValues.EMPTY_HASH))) {
                return;
            }
            pending.put(field, agreed.value());
        });
        return pending;
    }

    /**
     * Records that the store accepted a write of these values: it now holds them. {@code at} is when the write was
     * acknowledged; a snapshot of the store from before then is known to be older than the write.
     */
    public void acknowledge(CustomerSyncState state, String store, Map<String, String> written, Instant at) {
        written.forEach((field, value) -> state.written(store, field, value, at));
    }

    /** A steward's decision on a held field: the chosen value becomes the agreed one and is released to every store. */
    public void decide(CustomerSyncState state, String field, String value, Instant decidedAt) {
        policy.field(field);
        state.agree(field, new AgreedValue(value, STEWARD, decidedAt));
        state.release(field);
    }

    /**
     * Reconciliation: the fields in which a store's record, as read from the store, differs from what the store should
     * hold (the agreed value of each field that may reach it and is not held for a steward). A field the hub has no
     * agreed value for yet is not drift: the store's value has simply not been applied.
     *
     * @param observed the synced values the store's record states, for the fields the store maps
     */
    public Set<String> differences(CustomerSyncState state, String store, Map<String, String> observed) {
        Set<String> differing = new TreeSet<>();
        observed.forEach((field, value) -> {
            AgreedValue agreed = state.agreed(field);
            if (agreed == null || !policy.syncs(field) || !policy.reaches(field, store) || state.isHeld(field)) {
                return;
            }
            if (!agreed.hash().equals(SyncValues.hash(value))) {
                differing.add(field);
            }
        });
        return differing;
    }

    /**
     * What the store should hold for the customer: the agreed value of every field that may reach it and is not held
     * for a steward. The drift report compares its {@link SyncValues#recordHash} with the store's own record.
     */
    public Map<String, String> desiredView(CustomerSyncState state, String store) {
        Map<String, String> view = new LinkedHashMap<>();
        state.agreed().forEach((field, agreed) -> {
            if (policy.reaches(field, store) && !state.isHeld(field) && agreed.value() != null) {
                view.put(field, agreed.value());
            }
        });
        return view;
    }
}
