package io.rapport.app.api;

import io.rapport.app.sync.ConsistencyReport;
import io.rapport.app.sync.ConsistencyReporter;
import io.rapport.app.sync.Reconciliation;
import io.rapport.app.sync.ReconciliationReport;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Proof that the stores agree: the drift report and reconciliation (docs/sync.md). */
@RestController
@RequestMapping("/api/v1/consistency")
class ConsistencyController {

    private final ObjectProvider<ConsistencyReporter> reporter;
    private final ObjectProvider<Reconciliation> reconciliation;
    private final Clock clock;

    ConsistencyController(ObjectProvider<ConsistencyReporter> reporter, ObjectProvider<Reconciliation> reconciliation,
                          Clock clock) {
        this.reporter = reporter;
        this.reconciliation = reconciliation;
        this.clock = clock;
    }

    /** The bookkeeping's drift (what the hub knows each store still lacks) and the last reconciliation's. */
    @GetMapping("/report")
    ConsistencyReport report() {
        ConsistencyReporter available = reporter.getIfAvailable();
        if (available == null) {
            return ConsistencyReport.disabled(clock.instant());
        }
        Reconciliation reconciler = reconciliation.getIfAvailable();
        return available.report().withReconciliation(reconciler == null ? null : reconciler.latest().orElse(null));
    }

    /** Reconciles every store now; {@code heal=true} re-sends drifted records through the intake. */
    @PostMapping("/reconcile")
    ResponseEntity<?> reconcile(@RequestParam(defaultValue = "false") boolean heal) {
        Reconciliation reconciler = reconciliation.getIfAvailable();
        if (reconciler == null) {
            return conflict("Store sync is off", "rapport.sync.enabled is false: there are no stores to reconcile");
        }
        return reconciler.run("on-demand", heal).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> conflict("Reconciliation under way", "a reconciliation is running; its report will"
                        + " be in GET /api/v1/consistency/report when it ends"));
    }

    private static ResponseEntity<ProblemDetail> conflict(String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle(title);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
