package io.rapport.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.privacy.ErasureRequests.ErasureRequest;
import io.rapport.app.privacy.ErasureRequests.Status;
import io.rapport.app.privacy.ErasureRequests.StoreTask;
import io.rapport.app.sync.StoreUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The propagation policy over the real tables (V11 on an in-memory H2): a store that is down is waited out with
 * growing pauses and never given up on; a store that refuses is given up on after the configured tries; the request
 * completes once every store has settled.
 */
class ErasurePropagatorTest {

    private static final Instant T0 = Instant.parse("2026-11-25T01:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private ErasureRequests requests;

    @BeforeEach
    void schema() throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
                "jdbc:h2:mem:erasure-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
        for (String statement : Files.readString(Path.of("src/main/resources/db/migration/V11__erasure.sql"))
                .replaceAll("(?m)^--.*$", "").split(";")) {
            if (!statement.isBlank()) {
                jdbc.execute(statement);
            }
        }
        requests = new ErasureRequests(jdbc, new ObjectMapper());
    }

    @Test
    void aStoreThatIsDownIsWaitedOutWithGrowingPausesAndTheRequestCompletesWhenItIsBack() {
        Scripted salesforce = new Scripted("salesforce");
        Scripted erp = new Scripted("erp");
        for (int i = 0; i < 12; i++) {
            salesforce.unavailable();
        }
        String requestId = request("salesforce", "erp");
        ErasurePropagator propagator = new ErasurePropagator(requests, Map.of("salesforce", salesforce, "erp", erp),
                3, Duration.ofSeconds(30), clock);

        propagator.propagate();

        assertThat(task(requestId, "erp").status()).isEqualTo(Status.DONE);
        assertThat(task(requestId, "erp").outcome()).isEqualTo("1 erased");
        StoreTask waiting = task(requestId, "salesforce");
        assertThat(waiting.status()).isEqualTo(Status.PENDING);
        assertThat(waiting.lastError()).startsWith("unavailable:");
        assertThat(waiting.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(requests.find(requestId).orElseThrow().status()).isEqualTo(Status.PENDING);

        // not due yet: no call
        propagator.propagate();
        assertThat(salesforce.calls).isEqualTo(1);

        // twelve failures, far more than the refusals allowed: an outage is never given up on; pauses stop at 30 s
        List<Duration> pauses = new ArrayList<>();
        while (task(requestId, "salesforce").status() == Status.PENDING) {
            Instant due = task(requestId, "salesforce").nextAttemptAt();
            pauses.add(Duration.between(clock.instant(), due));
            clock.now = due;
            propagator.propagate();
        }
        assertThat(pauses).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4))
                .endsWith(Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(task(requestId, "salesforce").status()).isEqualTo(Status.DONE);
        assertThat(task(requestId, "salesforce").attempts()).isEqualTo(13);
        ErasureRequest done = requests.find(requestId).orElseThrow();
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.completedAt()).isEqualTo(clock.instant());
    }

    @Test
    void aStoreThatKeepsRefusingIsGivenUpOnWithItsReasonAndTheRequestFails() {
        Scripted salesforce = new Scripted("salesforce");
        for (int i = 0; i < 5; i++) {
            salesforce.refuse("1 of 1 record(s) refused; first: DELETE_FAILED");
        }
        String requestId = request("salesforce");
        ErasurePropagator propagator = new ErasurePropagator(requests, Map.of("salesforce", salesforce), 3,
                Duration.ofMinutes(1), clock);

        for (int i = 0; i < 3; i++) {
            clock.now = task(requestId, "salesforce").nextAttemptAt();
            propagator.propagate();
        }

        StoreTask failed = task(requestId, "salesforce");
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).isEqualTo("refused: 1 of 1 record(s) refused; first: DELETE_FAILED");
        assertThat(requests.find(requestId).orElseThrow().status()).isEqualTo(Status.FAILED);
        assertThat(salesforce.calls).isEqualTo(3);
    }

    @Test
    void theApiViewCountsAStoresRecordsWithoutShowingTheirIds() {
        String requestId = request("salesforce");

        Map<String, Object> view = requests.find(requestId).orElseThrow().view();

        assertThat(view.toString()).doesNotContain("003000000000001");
        assertThat(view.get("stores")).asList().singleElement().asString().contains("records=1");
    }

    @Test
    void backoffDoublesFromOneSecondUpToTheMaximum() {
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 50)).map(n -> ErasurePropagator.backoff(n, Duration.ofMinutes(1)))
                .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
                        Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofMinutes(1),
                        Duration.ofMinutes(1));
    }

    private String request(String... stores) {
        String requestId = UUID.randomUUID().toString();
        List<StoreTask> tasks = new ArrayList<>();
        for (String store : stores) {
            tasks.add(new StoreTask(requestId, store, List.of("003000000000001"), Status.PENDING, 0, null, T0, null,
                    null));
        }
        requests.insert(new ErasureRequest(requestId, "C-" + requestId, "admin", null, "ticket-1", Status.PENDING,
                T0, null, Map.of("source_record", 2), tasks));
        return requestId;
    }

    private StoreTask task(String requestId, String store) {
        return requests.find(requestId).orElseThrow().stores().stream()
                .filter(task -> task.store().equals(store)).findFirst().orElseThrow();
    }

    /** A store whose answers the test sets in advance: down, refusing, or (once the script is used up) erasing. */
    private static final class Scripted implements ErasureTarget {
        private final String store;
        private final Deque<RuntimeException> script = new ArrayDeque<>();
        int calls;

        Scripted(String store) {
            this.store = store;
        }

        void unavailable() {
            script.add(new StoreUnavailableException("503", null));
        }

        void refuse(String reason) {
            script.add(new ErasureRefusedException(reason));
        }

        @Override
        public String store() {
            return store;
        }

        @Override
        public String erase(List<String> keys) {
            calls++;
            RuntimeException next = script.poll();
            if (next != null) {
                throw next;
            }
            return keys.size() + " erased";
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
