package io.rapport.app.privacy;

import io.rapport.app.privacy.ErasureRequests.ErasureRequest;
import io.rapport.app.privacy.ErasureRequests.Status;
import io.rapport.app.privacy.ErasureRequests.StoreTask;
import io.rapport.app.resolve.ResolutionTransactions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A right-to-be-forgotten request (docs/privacy.md): in one resolution transaction, the customer's every trace in the
 * hub is erased ({@link HubErasure}), its source keys are suppressed (hashed) so that no late delivery brings the
 * person back, the deletions owed by each store are recorded as pending work (a Transactional Outbox the
 * {@link ErasurePropagator} works off), and the audit record is written. One request per customer: asking again
 * answers the first.
 */
public class ErasureService {

    private static final Logger log = LoggerFactory.getLogger(ErasureService.class);

    /** The request, and whether this call made it (false: the customer was erased before). */
    public record Outcome(ErasureRequest request, boolean created) {
    }

    private final ResolutionTransactions transactions;
    private final HubErasure hub;
    private final ErasureRequests requests;
    private final Map<String, ErasureTarget> targets;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** @param stores every store whose records the hub may hold; those without a target cannot be told (FAILED) */
    public ErasureService(ResolutionTransactions transactions, JdbcTemplate jdbc, ErasureRequests requests,
                          Set<String> stores, Map<String, ErasureTarget> targets, Clock clock) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.requests = requests;
        Set<String> all = new LinkedHashSet<>(stores);
        all.addAll(targets.keySet());
        this.hub = new HubErasure(jdbc, all);
        this.targets = Map.copyOf(targets);
        this.clock = clock;
    }

    /** @return empty when the hub knows no such customer (and never erased one by that id) */
    public Optional<Outcome> erase(String customerId, String requestedBy, String reason, String reference) {
        Optional<ErasureRequest> earlier = requests.forCustomer(customerId);
        if (earlier.isPresent()) {
            return Optional.of(new Outcome(earlier.get(), false));
        }
        if (!known(customerId)) {
            return Optional.empty();
        }
        Outcome outcome = transactions.executeThenReload(state -> {
            Optional<ErasureRequest> meanwhile = requests.forCustomer(customerId);
            if (meanwhile.isPresent()) {
                return new Outcome(meanwhile.get(), false);
            }
            Instant now = clock.instant();
            String requestId = UUID.randomUUID().toString();
            HubErasure.Erased erased = hub.erase(customerId, state);
            int suppressed = suppress(erased, requestId, now);
            List<StoreTask> tasks = new ArrayList<>();
            erased.storeKeys().forEach((store, keys) -> tasks.add(targets.containsKey(store)
                    ? new StoreTask(requestId, store, List.copyOf(keys), Status.PENDING, 0, null, now, null, null)
                    : new StoreTask(requestId, store, List.copyOf(keys), Status.FAILED, 0,
                            "no connector for this store is configured: erase its records there by hand", now, now,
                            null)));
            boolean pending = tasks.stream().anyMatch(task -> task.status() == Status.PENDING);
            boolean failed = tasks.stream().anyMatch(task -> task.status() == Status.FAILED);
            ErasureRequest request = new ErasureRequest(requestId, customerId, requestedBy, reason, reference,
                    pending ? Status.PENDING : failed ? Status.FAILED : Status.DONE, now, pending ? null : now,
                    erased.rows(), tasks);
            requests.insert(request);
            for (StoreTask task : tasks) {
                if (task.status() == Status.FAILED) {
                    requests.update(task, now);
                }
            }
            int rows = erased.rows().values().stream().mapToInt(Integer::intValue).sum();
            log.warn("Erasure {} of customer {} requested by {}: {} row(s) erased in the hub, {} source key(s)"
                    + " suppressed, stores to tell: {}", requestId, customerId, requestedBy, rows, suppressed,
                    erased.storeKeys().keySet());
            return new Outcome(request, true);
        });
        return Optional.of(new Outcome(requests.find(outcome.request().requestId()).orElseThrow(),
                outcome.created()));
    }

    private boolean known(String customerId) {
        Integer golden = jdbc.queryForObject("SELECT COUNT(*) FROM golden_record WHERE customer_id = ?",
                Integer.class, customerId);
        return golden != null && golden > 0;
    }

    /** The record keys of the customer's members and of its records in each store, hashed: never taken in again. */
    private int suppress(HubErasure.Erased erased, String requestId, Instant now) {
        Set<String> keys = new LinkedHashSet<>(erased.recordKeys());
        erased.storeKeys().forEach((store, storeKeys) -> storeKeys.forEach(key -> keys.add(store + ":" + key)));
        int added = 0;
        for (String key : keys) {
            String hash = ErasedKeys.hash(key);
            Integer present = jdbc.queryForObject("SELECT COUNT(*) FROM erasure_suppression WHERE key_hash = ?",
                    Integer.class, hash);
            if (present == null || present == 0) {
                jdbc.update("INSERT INTO erasure_suppression (key_hash, request_id, suppressed_at, dropped)"
                        + " VALUES (?, ?, ?, 0)", hash, requestId, Timestamp.from(now));
                added++;
            }
        }
        return added;
    }
}
