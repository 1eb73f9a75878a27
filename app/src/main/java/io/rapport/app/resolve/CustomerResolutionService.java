package io.rapport.app.resolve;

import io.rapport.app.store.SourceRecordStore;
import io.rapport.app.store.SourceRecordStore.Incoming;
import io.rapport.app.store.SourceRecordStore.Outcome;
import io.rapport.app.store.SourceRecordStore.Prepared;
import io.rapport.core.match.MatchProfile;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.resolve.JournaledResolutionState;
import io.rapport.core.resolve.PairScores;
import io.rapport.core.resolve.Resolution;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Applies a batch of inbound customer records: Message Store (with the Idempotent Receiver), Normalizer, identity
 * resolution against everything resolved before, and survivorship for every customer the batch touched, all in
 * one database transaction. Normalizing happens before the resolution lock is taken, so that concurrent
 * consumers share that work; the rest runs one batch at a time.
 */
public class CustomerResolutionService {

    /** Outcome counts of one batch. */
    public record BatchOutcome(int created, int updated, int unchanged, int alreadyApplied, int customersTouched) {
    }

    private final SourceRecordStore sources;
    private final ResolutionStore store;
    private final ResolutionTransactions transactions;
    private final ResolutionEngine engine;
    private final Clock clock;
    private final ResolutionPhases phases;
    private final CanonicalRecordCache recentRecords;
    private final CustomerChangeListener changeListener;
    private final IntakeSuppression suppression;

    public CustomerResolutionService(SourceRecordStore sources, ResolutionStore store,
                                     ResolutionTransactions transactions, ResolutionEngine engine, Clock clock,
                                     ResolutionPhases phases, CanonicalRecordCache recentRecords,
                                     CustomerChangeListener changeListener) {
        this(sources, store, transactions, engine, clock, phases, recentRecords, changeListener,
                IntakeSuppression.NONE);
    }

    /** @param suppression records never to take in again (erased people): dropped before they are stored */
    public CustomerResolutionService(SourceRecordStore sources, ResolutionStore store,
                                     ResolutionTransactions transactions, ResolutionEngine engine, Clock clock,
                                     ResolutionPhases phases, CanonicalRecordCache recentRecords,
                                     CustomerChangeListener changeListener, IntakeSuppression suppression) {
        this.suppression = suppression;
        this.recentRecords = recentRecords;
        this.changeListener = changeListener;
        transactions.addListener(recentRecords);
        this.sources = sources;
        this.store = store;
        this.transactions = transactions;
        this.engine = engine;
        this.clock = clock;
        this.phases = phases;
    }

    public BatchOutcome apply(String stage, List<Incoming> batch) {
        Instant now = clock.instant();
        long start = System.nanoTime();
        List<Normalized> normalized = new ArrayList<>(batch.size());
        for (Incoming in : batch) {
            CanonicalCustomer customer = engine.normalizer().normalize(in.record(), now);
            normalized.add(new Normalized(customer, store.canonicalJsonOf(customer), engine.profileOf(customer)));
        }
        List<Prepared> prepared = sources.prepare(batch);
        phases.record(ResolutionPhases.Phase.NORMALIZE, start);
        return transactions.execute(state -> applyLocked(state, stage, prepared, normalized, now));
    }

    /** A record's canonical form, its stored JSON and its match profile: computed before the resolution lock. */
    private record Normalized(CanonicalCustomer customer, String json, MatchProfile profile) {
    }

    private BatchOutcome applyLocked(JournaledResolutionState state, String stage, List<Prepared> allOfBatch,
                                     List<Normalized> allNormalized, Instant now) {
        long start = System.nanoTime();
        List<Prepared> batch = allOfBatch;
        List<Normalized> normalized = allNormalized;
        Set<String> dropped = suppression.suppressed(allNormalized.stream()
                .map(record -> record.customer().source().key()).toList());
        if (!dropped.isEmpty()) {
            // an erased person's record arriving late (in flight, re-imported, a store's echo): not taken in again
            batch = new ArrayList<>(allOfBatch.size());
            normalized = new ArrayList<>(allNormalized.size());
            for (int i = 0; i < allOfBatch.size(); i++) {
                if (!dropped.contains(allNormalized.get(i).customer().source().key())) {
                    batch.add(allOfBatch.get(i));
                    normalized.add(allNormalized.get(i));
                }
            }
            if (batch.isEmpty()) {
                return outcome(new int[Outcome.values().length], 0);
            }
        }
        List<Outcome> outcomes = sources.storeAll(stage, batch, now);
        start = phases.record(ResolutionPhases.Phase.STORE_SOURCES, start);
        Map<String, Normalized> changed = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        Set<String> touched = new TreeSet<>();
        int[] counts = new int[Outcome.values().length];
        List<MatchProfile> toResolve = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            MatchProfile profile = normalized.get(i).profile();
            if (needsResolving(outcomes.get(i), state.profile(profile.recordKey()).isEmpty())) {
                toResolve.add(profile);
            }
        }
        PairScores ahead = engine.resolver().prescore(state, toResolve, engine.scoringPool());
        for (int i = 0; i < batch.size(); i++) {
            Outcome outcome = outcomes.get(i);
            counts[outcome.ordinal()]++;
            Normalized record = normalized.get(i);
            String key = record.customer().source().key();
            if (!needsResolving(outcome, !changed.containsKey(key) && state.profile(key).isEmpty())) {
                continue;
            }
            if (!changed.containsKey(key) && state.profile(key).isPresent()) {
                known.add(key);
            }
            touched.addAll(engine.resolver().resolve(state, record.profile(), ahead).touchedClusters());
            changed.put(key, record);
        }
        start = phases.record(ResolutionPhases.Phase.RESOLVE, start);
        if (changed.isEmpty()) {
            return outcome(counts, 0);
        }
        List<ResolutionStore.RecordRow> rows = new ArrayList<>(changed.size());
        Map<String, CanonicalCustomer> saved = new LinkedHashMap<>();
        changed.forEach((key, record) -> {
            rows.add(new ResolutionStore.RecordRow(record.customer(), record.json(),
                    state.clusterOf(key).orElseThrow(), known.contains(key)));
            saved.put(key, record.customer());
        });
        store.saveRecords(rows, now);
        phases.record(ResolutionPhases.Phase.WRITE_RECORDS, start);
        writeChanges(state, touched, saved, now);
        return outcome(counts, touched.size());
    }

    /**
     * Writes what the journal holds besides the canonical records the caller saved itself ({@code saved}): the
     * cluster assignments of every other record, the links, and the golden records of the touched customers.
     * Pipeline batches and data-steward decisions end alike.
     */
    public void writeChanges(JournaledResolutionState state, Set<String> touched, Map<String, CanonicalCustomer> saved,
                             Instant now) {
        long start = System.nanoTime();
        JournaledResolutionState.Changes changes = state.changes();
        store.saveAssignments(changes.assignments(), saved.keySet());
        store.saveLinks(changes.links(), now);
        start = phases.record(ResolutionPhases.Phase.WRITE_RECORDS, start);
        rebuildGoldenRecords(state, touched, saved, now);
        changeListener.changed(touched, now);
        phases.record(ResolutionPhases.Phase.GOLDEN_RECORDS, start);
    }

    /** Rebuilds the golden record of every touched customer that still exists; the others are removed. */
    private void rebuildGoldenRecords(JournaledResolutionState state, Set<String> touched,
                                      Map<String, CanonicalCustomer> inHand, Instant now) {
        Map<String, Set<String>> members = new LinkedHashMap<>();
        Map<String, CanonicalCustomer> records = new HashMap<>(inHand);
        inHand.forEach(recentRecords::put);
        List<String> toLoad = new ArrayList<>();
        for (String customerId : touched) {
            Set<String> keys = state.membersOf(customerId);
            if (!keys.isEmpty()) {
                members.put(customerId, keys);
                for (String key : keys) {
                    if (!records.containsKey(key)) {
                        CanonicalCustomer recent = recentRecords.get(key);
                        if (recent != null) {
                            records.put(key, recent);
                        } else {
                            toLoad.add(key);
                        }
                    }
                }
            }
        }
        Map<String, CanonicalCustomer> loaded = store.canonicalRecords(toLoad);
        loaded.forEach(recentRecords::put);
        records.putAll(loaded);
        List<Map.Entry<String, Set<String>>> customers = new ArrayList<>(members.entrySet());
        ResolutionStore.GoldenRow[] rebuilt = new ResolutionStore.GoldenRow[customers.size()];
        // survivorship and the stored view need only the members' records: the scoring threads build them
        // side by side while this thread, which holds the resolution lock, waits
        engine.scoringPool().submit(() -> IntStream.range(0, rebuilt.length).parallel().forEach(i -> {
            String customerId = customers.get(i).getKey();
            List<CanonicalCustomer> memberRecords = new ArrayList<>(customers.get(i).getValue().size());
            for (String key : customers.get(i).getValue()) {
                CanonicalCustomer record = records.get(key);
                if (record == null) {
                    throw new IllegalStateException("customer " + customerId + " has member " + key
                            + " without a stored canonical record");
                }
                memberRecords.add(record);
            }
            rebuilt[i] = store.rowOf(engine.goldenRecords().build(customerId, memberRecords));
        })).join();
        store.replaceGoldenRecords(touched, Arrays.asList(rebuilt), now);
    }

    /** New and changed records; an unchanged one only if it never was resolved (stored before resolution existed). */
    private static boolean needsResolving(Outcome outcome, boolean neverResolved) {
        return outcome == Outcome.CREATED || outcome == Outcome.UPDATED
                || (outcome == Outcome.UNCHANGED && neverResolved);
    }

    private static BatchOutcome outcome(int[] counts, int customers) {
        return new BatchOutcome(counts[Outcome.CREATED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.UNCHANGED.ordinal()], counts[Outcome.ALREADY_APPLIED.ordinal()], customers);
    }
}
