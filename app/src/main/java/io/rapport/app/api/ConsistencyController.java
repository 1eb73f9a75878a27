package io.rapport.app.api;

import io.rapport.app.sync.ConsistencyReport;
import io.rapport.app.sync.ConsistencyReporter;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Proof that the stores agree: the drift report (docs/sync.md). */
@RestController
@RequestMapping("/api/v1/consistency")
class ConsistencyController {

    private final ObjectProvider<ConsistencyReporter> reporter;
    private final Clock clock;

    ConsistencyController(ObjectProvider<ConsistencyReporter> reporter, Clock clock) {
        this.reporter = reporter;
        this.clock = clock;
    }

    @GetMapping("/report")
    ConsistencyReport report() {
        ConsistencyReporter available = reporter.getIfAvailable();
        return available == null ? ConsistencyReport.disabled(clock.instant()) : available.report();
    }
}
