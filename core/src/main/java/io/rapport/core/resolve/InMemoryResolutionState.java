package io.rapport.core.resolve;

import io.rapport.core.match.MatchProfile;
import java.util.Collection;
import java.util.HashMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link ResolutionState} in plain maps: for tests, benchmarks and offline evaluation of match settings. */
public final class InMemoryResolutionState implements ResolutionState {

    private final Map<String, MatchProfile> profiles = new HashMap<>();
    private final Map<String, Set<String>> keysOfRecord = new HashMap<>();
    /** Blocking key to the profiles filed under it, by record key, in filing order. */
    private final Map<String, LinkedHashMap<String, MatchProfile>> blocks = new HashMap<>();
    private final Map<String, Map<String, Link>> links = new HashMap<>();
    private final Map<String, String> clusterOfRecord = new HashMap<>();
    private final Map<String, Set<String>> members = new HashMap<>();

    @Override
    public Optional<MatchProfile> profile(String recordKey) {
        return Optional.ofNullable(profiles.get(recordKey));
    }

    @Override
    public void putRecord(MatchProfile profile, Set<String> blockingKeys) {
        String key = profile.recordKey();
        profiles.put(key, profile);
        for (String old : keysOfRecord.getOrDefault(key, Set.of())) {
            blocks.get(old).remove(key);
        }
        keysOfRecord.put(key, Set.copyOf(blockingKeys));
        for (String blockingKey : blockingKeys) {
            blocks.computeIfAbsent(blockingKey, k -> new LinkedHashMap<>()).put(key, profile);
        }
    }

    /** Forgets a record entirely: profile, blocking keys, links and cluster membership. */
    public void removeRecord(String recordKey) {
        profiles.remove(recordKey);
        for (String old : keysOfRecord.getOrDefault(recordKey, Set.of())) {
            blocks.get(old).remove(recordKey);
        }
        keysOfRecord.remove(recordKey);
        for (String other : Set.copyOf(links.getOrDefault(recordKey, Map.of()).keySet())) {
            putLink(recordKey, other, null, 0, null);
        }
        unassign(recordKey);
    }

    @Override
    public Set<String> blockingKeysOf(String recordKey) {
        return keysOfRecord.getOrDefault(recordKey, Set.of());
    }

    @Override
    public Collection<MatchProfile> blockMembers(String blockingKey, int limit) {
        LinkedHashMap<String, MatchProfile> block = blocks.get(blockingKey);
        if (block == null) {
            return List.of();
        }
        // an oversized block comes back whole as a view: callers only look at its size, and copying its first
        // records out on every lookup of a common key was a tenth of the resolving thread's time
        return Collections.unmodifiableCollection(block.values());
    }

    @Override
    public Map<String, Link> linksOf(String recordKey) {
        return Map.copyOf(links.getOrDefault(recordKey, Map.of()));
    }

    @Override
    public void putLink(String a, String b, LinkKind kind, double weight, String rule) {
        if (kind == null) {
            links.getOrDefault(a, new HashMap<>()).remove(b);
            links.getOrDefault(b, new HashMap<>()).remove(a);
            return;
        }
        links.computeIfAbsent(a, k -> new HashMap<>()).put(b, new Link(b, kind, weight, rule));
        links.computeIfAbsent(b, k -> new HashMap<>()).put(a, new Link(a, kind, weight, rule));
    }

    @Override
    public Optional<String> clusterOf(String recordKey) {
        return Optional.ofNullable(clusterOfRecord.get(recordKey));
    }

    @Override
    public Set<String> membersOf(String clusterId) {
        return Set.copyOf(members.getOrDefault(clusterId, Set.of()));
    }

    @Override
    public void assign(String recordKey, String clusterId) {
        String previous = clusterOfRecord.put(recordKey, clusterId);
        if (previous != null && !previous.equals(clusterId)) {
            Set<String> old = members.get(previous);
            old.remove(recordKey);
            if (old.isEmpty()) {
                members.remove(previous);
            }
        }
        members.computeIfAbsent(clusterId, k -> new TreeSet<>()).add(recordKey);
    }

    /** Takes a record out of its cluster without putting it anywhere else (only to undo a first assignment). */
    public void unassign(String recordKey) {
        String previous = clusterOfRecord.remove(recordKey);
        if (previous != null) {
            Set<String> old = members.get(previous);
            old.remove(recordKey);
            if (old.isEmpty()) {
                members.remove(previous);
            }
        }
    }

    public int records() {
        return profiles.size();
    }

    /** Every cluster id with its members: what the hub's xref export shows. */
    public Map<String, Set<String>> clusters() {
        Map<String, Set<String>> copy = new HashMap<>();
        members.forEach((cluster, keys) -> copy.put(cluster, Set.copyOf(keys)));
        return copy;
    }
}
