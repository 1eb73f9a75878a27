package io.rapport.core.resolve;

import io.rapport.core.match.MatchProfile;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which {@link IdentityResolver} reads and changes what it knows: each source record's match
 * profile and blocking keys, the links between records, and which cluster (customer) each record belongs to.
 * The app implements it over the database, inside the transaction that applies one batch of messages; tests
 * and benchmarks use {@link InMemoryResolutionState}. Callers serialize resolution (one writer at a time), so
 * implementations need not guard against concurrent resolvers.
 */
public interface ResolutionState {

    Optional<MatchProfile> profile(String recordKey);

    /** Replaces what is known of a record: its profile and the blocking keys it is filed under. */
    void putRecord(MatchProfile profile, Set<String> blockingKeys);

    Set<String> blockingKeysOf(String recordKey);

    /**
     * The records filed under a blocking key, as record numbers in filing order. May be a view: read it before
     * changing the state.
     */
    RecordNumbers blockMembers(String blockingKey);

    /**
     * A record's number: dense (0, 1, 2, ... in the order records are put; a record keeps its number while it is
     * held) and never given to another record while this state lives; -1 for a record the state does not hold.
     */
    int recordNumber(String recordKey);

    /** The profile of the record with this number ({@link #recordNumber}). */
    MatchProfile profileAt(int recordNumber);

    /** Every link of a record, keyed by the other record's key. */
    Map<String, Link> linksOf(String recordKey);

    /** Sets (or, with kind null, removes) the link between two records, in both directions. */
    void putLink(String a, String b, LinkKind kind, double weight, String rule);

    Optional<String> clusterOf(String recordKey);

    Set<String> membersOf(String clusterId);

    /** Moves a record into a cluster (creating the cluster on first use). */
    void assign(String recordKey, String clusterId);
}
