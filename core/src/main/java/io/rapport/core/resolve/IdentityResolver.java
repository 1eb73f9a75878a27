package io.rapport.core.resolve;

import io.rapport.core.match.BlockingKeys;
import io.rapport.core.match.MatchDecision;
import io.rapport.core.match.MatchProfile;
import io.rapport.core.match.MatchResult;
import io.rapport.core.match.MatchScorer;
import io.rapport.core.resolve.Resolution.PossibleMatch;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Incremental identity resolution: each arriving (or changed) source record is filed under its blocking keys,
 * scored against the records that share a key, linked to those it matches, and the clusters around it are
 * recomputed as connected components of the links. That one mechanism covers joining a cluster, merging two
 * clusters a new record bridges, and splitting a cluster a changed record no longer holds together.
 *
 * <p>Order independence: every pair of records that shares a blocking key is scored exactly once, when the later
 * of the two arrives, and the score is symmetric, so the links, and therefore the clusters, do not depend on the
 * arrival order. Cluster ids do: a cluster keeps the id of the earlier cluster that contributes most members.
 * Oversized blocks (more than {@code maxBlockSize} records) are skipped as they fill up, which can depend on order.
 */
public final class IdentityResolver {

    private final MatchScorer scorer;
    private final BlockingKeys blocking;
    private final int maxBlockSize;
    private final int singleKeyMaxBlockSize;

    public IdentityResolver(MatchScorer scorer, BlockingKeys blocking) {
        this.scorer = scorer;
        this.blocking = blocking;
        this.maxBlockSize = blocking.maxBlockSize();
        this.singleKeyMaxBlockSize = blocking.singleKeyMaxBlockSize();
    }

    public Resolution resolve(ResolutionState state, MatchProfile record) {
        return resolve(state, record, PairScores.NONE);
    }

    /**
     * Scores each record of a batch, on {@code pool}, against the records it shares a blocking key with that are
     * in the state now, so that resolving the batch afterwards, one record at a time and in order, finds most of
     * its scores ready ({@link #resolve(ResolutionState, MatchProfile, PairScores)}). Scoring is most of
     * resolution's cost and needs nothing but the two profiles; linking and clustering stay sequential. Only
     * reads the state: nothing may change it meanwhile.
     */
    public PairScores prescore(ResolutionState state, List<MatchProfile> batch, ForkJoinPool pool) {
        @SuppressWarnings("unchecked")
        Map<String, PairScores.Scored>[] scored = new Map[batch.size()];
        pool.submit(() -> IntStream.range(0, batch.size()).parallel()
                .forEach(i -> scored[i] = scoreAgainstState(state, batch.get(i)))).join();
        Map<MatchProfile, Map<String, PairScores.Scored>> byRecord = new IdentityHashMap<>();
        for (int i = 0; i < scored.length; i++) {
            byRecord.put(batch.get(i), scored[i]);
        }
        return new PairScores(byRecord);
    }

    private Map<String, PairScores.Scored> scoreAgainstState(ResolutionState state, MatchProfile record) {
        Candidates candidates = candidates(state, blocking.of(record), record);
        Map<String, PairScores.Scored> scores = new HashMap<>(candidates.profiles().size() * 2);
        for (MatchProfile other : candidates.profiles()) {
            scores.put(other.recordKey(), new PairScores.Scored(other, scorer.scoreIfLinkable(record, other)));
        }
        return scores;
    }

    /**
     * A record's candidates, each once, in record number order, and how many of its blocks were skipped as
     * oversized.
     */
    private record Candidates(List<MatchProfile> profiles, int oversizedBlocks) {
    }

    /**
     * The records filed under any of {@code blockingKeys} but {@code self}, skipping oversized blocks, in record
     * number order. A record met in only one block qualifies when that block {@linkplain #decisive is decisive}, or
     * when it also shares one of the oversized keys; otherwise it needs a second shared key (meta-blocking: each
     * shared key is evidence, a key of a big block little).
     */
    private Candidates candidates(ResolutionState state, Set<String> blockingKeys, MatchProfile self) {
        RecordNumbers[] blocks = new RecordNumbers[blockingKeys.size()];
        boolean[] decisive = new boolean[blocks.length];
        List<String> oversizedKinds = new ArrayList<>(2);
        int kept = 0;
        int listed = 0;
        for (String blockingKey : blockingKeys) {
            RecordNumbers members = state.blockMembers(blockingKey);
            if (members.size() > maxBlockSize) {
                oversizedKinds.add(BlockingKeys.kindOf(blockingKey));
            } else {
                decisive[kept] = decisive(blockingKey, members.size());
                blocks[kept++] = members;
                listed += members.size();
            }
        }
        // every listing as (record number, listed by a decisive block) in one int, sorted: a record's listings are
        // then side by side, without a lookup per member
        int[] listings = new int[listed];
        int filled = 0;
        for (int b = 0; b < kept; b++) {
            int size = blocks[b].size();
            blocks[b].copyInto(listings, filled);
            int decisiveBit = decisive[b] ? 1 : 0;
            for (int i = filled; i < filled + size; i++) {
                listings[i] = listings[i] << 1 | decisiveBit;
            }
            filled += size;
        }
        Arrays.sort(listings);
        int selfNumber = state.recordNumber(self.recordKey());
        List<MatchProfile> candidates = new ArrayList<>();
        for (int i = 0; i < listed; ) {
            int number = listings[i] >>> 1;
            boolean byDecisiveBlock = false;
            int blocksListing = 0;
            for (; i < listed && listings[i] >>> 1 == number; i++) {
                blocksListing++;
                byDecisiveBlock |= (listings[i] & 1) == 1;
            }
            if (number == selfNumber) {
                continue;
            }
            if (byDecisiveBlock || blocksListing > 1) {
                candidates.add(state.profileAt(number));
            } else if (!oversizedKinds.isEmpty()) {
                MatchProfile member = state.profileAt(number);
                if (sharesAny(oversizedKinds, self, member)) {
                    candidates.add(member);
                }
            }
        }
        return new Candidates(candidates, oversizedKinds.size());
    }

    private static boolean sharesAny(List<String> kinds, MatchProfile self, MatchProfile other) {
        for (String kind : kinds) {
            if (BlockingKeys.filedUnder(kind, self, other)) {
                return true;
            }
        }
        return false;
    }

    /** Whether sharing this key alone makes two records worth scoring: an identifier, or a small block. */
    private boolean decisive(String blockingKey, int blockSize) {
        return blockSize <= singleKeyMaxBlockSize || BlockingKeys.identifies(blockingKey);
    }

    /** {@link #resolve(ResolutionState, MatchProfile)}, taking scores computed ahead where they still apply. */
    public Resolution resolve(ResolutionState state, MatchProfile record, PairScores ahead) {
        String key = record.recordKey();
        Set<String> affected = new TreeSet<>();
        affected.add(key);
        state.clusterOf(key).ifPresent(cluster -> affected.addAll(state.membersOf(cluster)));

        // the previous version's automatic links are stale; a data steward's decisions stay
        Map<String, Link> manual = new HashMap<>();
        for (Link link : state.linksOf(key).values()) {
            if (link.kind().manual()) {
                manual.put(link.otherKey(), link);
            } else {
                state.putLink(key, link.otherKey(), null, 0, null);
            }
        }

        Set<String> keys = blocking.of(record);
        state.putRecord(record, keys);
        Candidates candidates = candidates(state, keys, record);

        List<PossibleMatch> possible = new ArrayList<>();
        List<Scored> matches = new ArrayList<>();
        for (MatchProfile other : candidates.profiles()) {
            String candidate = other.recordKey();
            if (manual.containsKey(candidate)) {
                continue;
            }
            MatchResult result = ahead.lookup(record, candidate, other);
            if (result == null) {
                result = scorer.scoreIfLinkable(record, other);
            }
            if (result.decision() == MatchDecision.MATCH) {
                matches.add(new Scored(candidate, result));
            } else if (result.decision() == MatchDecision.POSSIBLE) {
                state.putLink(key, candidate, LinkKind.POSSIBLE, result.weight(), result.deterministicRule());
                possible.add(new PossibleMatch(key, candidate, result.weight()));
            }
        }
        Set<String> contradicted = contradictedClusters(state, record, matches);
        for (Scored match : matches) {
            String candidate = match.otherKey();
            MatchResult result = match.result();
            Optional<String> cluster = state.clusterOf(candidate);
            if (cluster.isPresent() && contradicted.contains(cluster.get())) {
                state.putLink(key, candidate, LinkKind.POSSIBLE, result.weight(), null);
                possible.add(new PossibleMatch(key, candidate, result.weight()));
            } else {
                state.putLink(key, candidate, LinkKind.MATCH, result.weight(), result.deterministicRule());
                cluster.ifPresent(id -> affected.addAll(state.membersOf(id)));
            }
        }
        for (Link link : manual.values()) {
            if (link.kind() == LinkKind.MANUAL_MATCH) {
                state.clusterOf(link.otherKey()).ifPresent(cluster -> affected.addAll(state.membersOf(cluster)));
            }
        }

        possible.sort(Comparator.comparing(PossibleMatch::otherKey));
        Reclustered outcome = recluster(state, affected);
        return new Resolution(key, state.clusterOf(key).orElseThrow(), outcome.changed, outcome.retired, possible,
                candidates.oversizedBlocks());
    }

    /** A candidate the record scored against, by the candidate's key. */
    private record Scored(String otherKey, MatchResult result) {
    }

    /** Most members compared when checking one cluster a record would join: bounds the cost of giant clusters. */
    private static final int MAX_MEMBERS_CHECKED = 50;

    /**
     * The clusters a record matched that it must not join (its links to them become POSSIBLE, for review): when it
     * matches several, they are taken in order of the record's strongest match into each, and a cluster holding a
     * member that {@linkplain MatchScorer#contradicts contradicts} a member of one already taken is left out.
     * Without this, a record with too little data to tell two people apart bridges their customers: a parent and a
     * child of the same name at one address, joined through a record without a birth date. The record itself is
     * not checked against the members: a duplicate whose birth date was mistyped beyond recognition still joins
     * the customer its other records agree on. Which cluster wins can depend on arrival order.
     */
    private Set<String> contradictedClusters(ResolutionState state, MatchProfile record, List<Scored> matches) {
        Map<String, Double> strongest = new HashMap<>();
        for (Scored match : matches) {
            state.clusterOf(match.otherKey()).ifPresent(cluster ->
                    strongest.merge(cluster, match.result().weight(), Math::max));
        }
        if (strongest.size() < 2) {
            return Set.of();
        }
        List<String> order = new ArrayList<>(strongest.keySet());
        order.sort(Comparator.<String>comparingDouble(strongest::get).reversed().thenComparing(Comparator.naturalOrder()));
        List<MatchProfile> joined = new ArrayList<>();
        Set<String> contradicted = new HashSet<>();
        for (String cluster : order) {
            List<MatchProfile> members = new ArrayList<>();
            for (String member : state.membersOf(cluster)) {
                if (!member.equals(record.recordKey()) && members.size() < MAX_MEMBERS_CHECKED) {
                    state.profile(member).ifPresent(members::add);
                }
            }
            if (contradictsAny(members, joined)) {
                contradicted.add(cluster);
            } else {
                joined.addAll(members);
            }
        }
        return contradicted;
    }

    private boolean contradictsAny(List<MatchProfile> members, List<MatchProfile> joined) {
        for (MatchProfile member : members) {
            for (MatchProfile other : joined) {
                if (scorer.contradicts(member, other)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A data steward's merge: the two records (and so their clusters) belong together from now on. */
    public Resolution merge(ResolutionState state, String recordKey, String otherKey) {
        return decidePair(state, recordKey, otherKey, LinkKind.MANUAL_MATCH);
    }

    /** A data steward's split: the record leaves its cluster and is never linked to those members again. */
    public Resolution split(ResolutionState state, String recordKey) {
        Set<String> affected = new TreeSet<>();
        affected.add(recordKey);
        state.clusterOf(recordKey).ifPresent(cluster -> affected.addAll(state.membersOf(cluster)));
        for (String member : affected) {
            if (!member.equals(recordKey)) {
                state.putLink(recordKey, member, LinkKind.MANUAL_NO_MATCH, Double.NaN, "manual");
            }
        }
        return reclusterAfterDecision(state, recordKey, affected);
    }

    /**
     * A data steward's "not the same customer" for a pair the matcher found possible (or wrongly matched): the two
     * records are never linked again, and their cluster is recomputed without that link.
     */
    public Resolution keepApart(ResolutionState state, String recordKey, String otherKey) {
        return decidePair(state, recordKey, otherKey, LinkKind.MANUAL_NO_MATCH);
    }

    /** Sets a manual link between two records and reclusters both their clusters. */
    private Resolution decidePair(ResolutionState state, String recordKey, String otherKey, LinkKind decision) {
        state.putLink(recordKey, otherKey, decision, Double.NaN, "manual");
        Set<String> affected = new TreeSet<>();
        for (String key : List.of(recordKey, otherKey)) {
            affected.add(key);
            state.clusterOf(key).ifPresent(cluster -> affected.addAll(state.membersOf(cluster)));
        }
        return reclusterAfterDecision(state, recordKey, affected);
    }

    private Resolution reclusterAfterDecision(ResolutionState state, String recordKey, Set<String> affected) {
        Reclustered outcome = recluster(state, affected);
        return new Resolution(recordKey, state.clusterOf(recordKey).orElseThrow(), outcome.changed, outcome.retired,
                List.of(), 0);
    }

    private record Reclustered(Set<String> changed, Set<String> retired) {
    }

    /**
     * Recomputes the clusters of a closed set of records (whole clusters plus the record that changed) as
     * connected components of their joining links, reusing the previous ids where they fit best.
     */
    private Reclustered recluster(ResolutionState state, Set<String> affected) {
        Map<String, String> previous = new HashMap<>();
        for (String key : affected) {
            state.clusterOf(key).ifPresent(cluster -> previous.put(key, cluster));
        }
        List<Set<String>> components = components(state, affected);
        Set<String> usedIds = new HashSet<>();
        Set<String> changed = new TreeSet<>();
        for (Set<String> component : components) {
            String id = reuseBestId(component, previous, usedIds)
                    .orElseGet(() -> ClusterIds.forFounder(component.iterator().next(),
                            candidate -> usedIds.contains(candidate) || !state.membersOf(candidate).isEmpty()));
            usedIds.add(id);
            for (String key : component) {
                if (!id.equals(previous.get(key))) {
                    state.assign(key, id);
                    changed.add(id);
                    if (previous.containsKey(key)) {
                        changed.add(previous.get(key));
                    }
                }
            }
        }
        Set<String> retired = new TreeSet<>(previous.values());
        retired.removeAll(usedIds);
        changed.removeAll(retired);
        return new Reclustered(changed, retired);
    }

    private static List<Set<String>> components(ResolutionState state, Set<String> affected) {
        List<Set<String>> components = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String start : affected) { // sorted: components come out in a stable order
            if (!seen.add(start)) {
                continue;
            }
            Set<String> component = new TreeSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(start));
            while (!todo.isEmpty()) {
                String key = todo.pop();
                component.add(key);
                for (Link link : state.linksOf(key).values()) {
                    if (link.kind().joins() && affected.contains(link.otherKey()) && seen.add(link.otherKey())) {
                        todo.push(link.otherKey());
                    }
                }
            }
            components.add(component);
        }
        // the largest part of a split cluster keeps the cluster's id
        components.sort(java.util.Comparator.<Set<String>>comparingInt(Set::size).reversed()
                .thenComparing(c -> c.iterator().next()));
        return components;
    }

    /** The previous id most of the component's members had, unless another component already took it. */
    private static Optional<String> reuseBestId(Set<String> component, Map<String, String> previous, Set<String> used) {
        Map<String, Integer> votes = new TreeMap<>();
        for (String key : component) {
            String id = previous.get(key);
            if (id != null && !used.contains(id)) {
                votes.merge(id, 1, Integer::sum);
            }
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey);
    }
}
