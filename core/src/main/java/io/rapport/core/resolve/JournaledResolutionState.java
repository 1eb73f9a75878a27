package io.rapport.core.resolve;

import io.rapport.core.match.MatchProfile;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory {@link ResolutionState} that keeps a journal of what changed since the last {@link #commit()}: the
 * changes a caller must write to its store, and how to undo them. The hub keeps the whole resolution state in
 * memory (scoring reads it for every candidate pair, far too often for a database round trip) and writes each
 * batch's changes to the database in the same transaction; if that transaction rolls back, {@link #rollback()}
 * puts memory back to what the database still holds.
 */
public final class JournaledResolutionState implements ResolutionState {

    private final InMemoryResolutionState state;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final Map<String, LinkChange> linkChanges = new LinkedHashMap<>();
    private final Map<String, AssignmentChange> assignmentChanges = new LinkedHashMap<>();

    public JournaledResolutionState(InMemoryResolutionState state) {
        this.state = state;
    }

    public JournaledResolutionState() {
        this(new InMemoryResolutionState());
    }

    /** A link between two records before and after the journaled changes; {@code a < b}, null means no link. */
    public record LinkChange(String a, String b, Link before, Link after) {
    }

    /** A record's cluster before and after the journaled changes; null before means the record is new. */
    public record AssignmentChange(String recordKey, String before, String after) {
    }

    /** What changed since the last commit or rollback, net of changes that cancelled out. */
    public record Changes(List<LinkChange> links, List<AssignmentChange> assignments) {
    }

    public Changes changes() {
        List<LinkChange> links = linkChanges.values().stream()
                .filter(change -> !sameLink(change.before(), change.after())).toList();
        List<AssignmentChange> assignments = assignmentChanges.values().stream()
                .filter(change -> !change.after().equals(change.before())).toList();
        return new Changes(links, assignments);
    }

    /** Accepts the journaled changes (the caller has stored them) and starts a new journal. */
    public void commit() {
        undo.clear();
        linkChanges.clear();
        assignmentChanges.clear();
    }

    /** Undoes every change since the last commit, newest first. */
    public void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
        linkChanges.clear();
        assignmentChanges.clear();
    }

    @Override
    public Optional<MatchProfile> profile(String recordKey) {
        return state.profile(recordKey);
    }

    @Override
    public void putRecord(MatchProfile profile, Set<String> blockingKeys) {
        String key = profile.recordKey();
        Optional<MatchProfile> before = state.profile(key);
        Set<String> keysBefore = state.blockingKeysOf(key);
        undo.push(before.isPresent()
                ? () -> state.putRecord(before.get(), keysBefore)
                : () -> state.removeRecord(key));
        state.putRecord(profile, blockingKeys);
    }

    @Override
    public Set<String> blockingKeysOf(String recordKey) {
        return state.blockingKeysOf(recordKey);
    }

    @Override
    public RecordNumbers blockMembers(String blockingKey) {
        return state.blockMembers(blockingKey);
    }

    @Override
    public int recordNumber(String recordKey) {
        return state.recordNumber(recordKey);
    }

    @Override
    public MatchProfile profileAt(int recordNumber) {
        return state.profileAt(recordNumber);
    }

    @Override
    public Map<String, Link> linksOf(String recordKey) {
        return state.linksOf(recordKey);
    }

    @Override
    public void putLink(String a, String b, LinkKind kind, double weight, String rule) {
        String low = a.compareTo(b) <= 0 ? a : b;
        String high = low.equals(a) ? b : a;
        Link before = state.linksOf(low).get(high);
        undo.push(before == null
                ? () -> state.putLink(low, high, null, 0, null)
                : () -> state.putLink(low, high, before.kind(), before.weight(), before.rule()));
        state.putLink(low, high, kind, weight, rule);
        Link after = kind == null ? null : new Link(high, kind, weight, rule);
        linkChanges.merge(low + '\n' + high, new LinkChange(low, high, before, after),
                (first, latest) -> new LinkChange(low, high, first.before(), latest.after()));
    }

    @Override
    public Optional<String> clusterOf(String recordKey) {
        return state.clusterOf(recordKey);
    }

    @Override
    public Set<String> membersOf(String clusterId) {
        return state.membersOf(clusterId);
    }

    @Override
    public void assign(String recordKey, String clusterId) {
        String before = state.clusterOf(recordKey).orElse(null);
        undo.push(before == null ? () -> state.unassign(recordKey) : () -> state.assign(recordKey, before));
        state.assign(recordKey, clusterId);
        assignmentChanges.merge(recordKey, new AssignmentChange(recordKey, before, clusterId),
                (first, latest) -> new AssignmentChange(recordKey, first.before(), latest.after()));
    }

    private static boolean sameLink(Link before, Link after) {
        return before == null ? after == null : before.equals(after);
    }
}
