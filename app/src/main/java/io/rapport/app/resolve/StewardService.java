package io.rapport.app.resolve;

import io.rapport.core.resolve.JournaledResolutionState;
import io.rapport.core.resolve.Resolution;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Data-steward decisions: merge two records' customers, split a record out of its customer, or keep two records
 * apart. Each runs as a resolution transaction (serialized with the pipeline's batches), rebuilds the golden
 * records it affects and writes an audit row. Manual decisions outlive any later rescoring of the records.
 */
public class StewardService {

    public enum Action { MERGE, SPLIT, KEEP_APART }

    /** What a decision did: the customer the record belongs to before and after. */
    public record Decision(long actionId, Action action, String record, String otherRecord, String customerBefore,
                           String customerAfter) {
    }

    /** A record key that names no resolved record. */
    public static class UnknownRecordException extends RuntimeException {
        public UnknownRecordException(String recordKey) {
            super("no resolved source record '" + recordKey + "' (record keys are <source>:<source_id>)");
        }
    }

    private final ResolutionTransactions transactions;
    private final ResolutionEngine engine;
    private final CustomerResolutionService resolution;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public StewardService(ResolutionTransactions transactions, ResolutionEngine engine,
                          CustomerResolutionService resolution, JdbcTemplate jdbc, Clock clock) {
        this.transactions = transactions;
        this.engine = engine;
        this.resolution = resolution;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Decision merge(String actor, String record, String other, String note) {
        requireDistinct(record, other);
        return decide(actor, Action.MERGE, record, other, note,
                state -> engine.resolver().merge(state, record, other));
    }

    public Decision split(String actor, String record, String note) {
        return decide(actor, Action.SPLIT, record, null, note, state -> engine.resolver().split(state, record));
    }

    public Decision keepApart(String actor, String record, String other, String note) {
        requireDistinct(record, other);
        return decide(actor, Action.KEEP_APART, record, other, note,
                state -> engine.resolver().keepApart(state, record, other));
    }

    private Decision decide(String actor, Action action, String record, String other, String note,
                            java.util.function.Function<JournaledResolutionState, Resolution> change) {
        return transactions.execute(state -> {
            requireKnown(state, record);
            if (other != null) {
                requireKnown(state, other);
            }
            Instant now = clock.instant();
            Set<String> touched = new TreeSet<>();
            String before = state.clusterOf(record).orElseThrow();
            touched.add(before);
            if (other != null) {
                touched.add(state.clusterOf(other).orElseThrow());
            }
            Resolution result = change.apply(state);
            touched.addAll(result.touchedClusters());
            resolution.writeChanges(state, touched, Map.of(), now);
            jdbc.update("INSERT INTO steward_action (acted_at, actor, action, record_key, other_record_key,"
                    + " customer_before, customer_after, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Timestamp.from(now),
                    actor, action.name(), record, other, before, result.clusterId(), note);
            Long id = jdbc.queryForObject("SELECT MAX(action_id) FROM steward_action", Long.class);
            return new Decision(id == null ? 0 : id, action, record, other, before, result.clusterId());
        });
    }

    private static void requireKnown(JournaledResolutionState state, String recordKey) {
        if (recordKey == null || state.clusterOf(recordKey).isEmpty()) {
            throw new UnknownRecordException(recordKey);
        }
    }

    private static void requireDistinct(String record, String other) {
        if (record != null && record.equals(other)) {
            throw new IllegalArgumentException("a decision about a record and itself changes nothing");
        }
    }
}
