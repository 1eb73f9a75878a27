package io.rapport.core.resolve;

import io.rapport.core.match.MatchProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** {@link ResolutionState} in plain maps: for tests, benchmarks and offline evaluation of match settings. */
public final class InMemoryResolutionState implements ResolutionState {

    /** Record key to record number, for the records held now. */
    private final Map<String, Integer> numbers = new HashMap<>();
    /** Profiles by record number; null for a removed record, whose number is never given out again. */
    private final List<MatchProfile> profiles = new ArrayList<>();
    private final Map<String, Set<String>> keysOfRecord = new HashMap<>();
    /** Blocking key to the numbers of the records filed under it, in filing order. */
    private final Map<String, RecordNumberList> blocks = new HashMap<>();
    private final Map<String, Map<String, Link>> links = new HashMap<>();
    private final Map<String, String> clusterOfRecord = new HashMap<>();
    private final Map<String, Set<String>> members = new HashMap<>();

    @Override
    public Optional<MatchProfile> profile(String recordKey) {
        Integer number = numbers.get(recordKey);
        return number == null ? Optional.empty() : Optional.of(profiles.get(number));
    }

    @Override
    public void putRecord(MatchProfile profile, Set<String> blockingKeys) {
        String key = profile.recordKey();
        int number = numbers.computeIfAbsent(key, k -> {
            profiles.add(null);
            return profiles.size() - 1;
        });
        profiles.set(number, profile);
        for (String old : keysOfRecord.getOrDefault(key, Set.of())) {
            blocks.get(old).remove(number);
        }
        keysOfRecord.put(key, Set.copyOf(blockingKeys));
        for (String blockingKey : blockingKeys) {
            blocks.computeIfAbsent(blockingKey, k -> new RecordNumberList()).add(number);
        }
    }

    /** Forgets a record entirely: profile, blocking keys, links and cluster membership. */
    public void removeRecord(String recordKey) {
        Integer number = numbers.remove(recordKey);
        if (number != null) {
            profiles.set(number, null);
            for (String old : keysOfRecord.getOrDefault(recordKey, Set.of())) {
                blocks.get(old).remove(number);
            }
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
    public RecordNumbers blockMembers(String blockingKey) {
        RecordNumberList block = blocks.get(blockingKey);
        return block == null ? RecordNumbers.EMPTY : block;
    }

    @Override
    public int recordNumber(String recordKey) {
        Integer number = numbers.get(recordKey);
        return number == null ? -1 : number;
    }

    @Override
    public MatchProfile profileAt(int recordNumber) {
        return profiles.get(recordNumber);
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
        return numbers.size();
    }

    /** Every cluster id with its members: what the hub's xref export shows. */
    public Map<String, Set<String>> clusters() {
        Map<String, Set<String>> copy = new HashMap<>();
        members.forEach((cluster, keys) -> copy.put(cluster, Set.copyOf(keys)));
        return copy;
    }
}
