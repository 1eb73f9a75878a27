package io.rapport.app.api;

import io.rapport.app.pipeline.DeadLetter;
import io.rapport.app.pipeline.DeadLetterReplayer;
import io.rapport.app.pipeline.PipelineStatus;
import io.rapport.app.pipeline.PipelineStatusService;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Pipeline progress (evaluation tools poll {@code idle}) and dead-letter inspection and replay. */
@RestController
@RequestMapping("/api/v1/pipeline")
class PipelineController {

    private static final int MAX_LIMIT = 10_000;

    private final PipelineStatusService status;
    private final DeadLetterReplayer deadLetters;

    PipelineController(PipelineStatusService status, DeadLetterReplayer deadLetters) {
        this.status = status;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/status")
    PipelineStatus status() {
        return status.status();
    }

    @GetMapping("/dead-letters/{queue}")
    List<DeadLetter> deadLetters(@PathVariable String queue, @RequestParam(defaultValue = "100") int limit) {
        return deadLetters.list(queue, bounded(limit));
    }

    @PostMapping("/dead-letters/{queue}/replay")
    Map<String, Object> replay(@PathVariable String queue, @RequestParam(defaultValue = "1000") int limit) {
        return Map.of("queue", queue, "replayed", deadLetters.replay(queue, bounded(limit)));
    }

    private static int bounded(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
