package io.rapport.app.pipeline;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/pipeline/status}. {@code idle} is true once everything accepted so far is
 * fully processed: no import running, nothing queued or in flight in any stage.
 */
public record PipelineStatus(boolean idle, int importsInProgress, List<Stage> stages, long brokerDeadLettered) {

    /**
     * @param queued        waiting in the stage's queue
     * @param inFlight      delivered to the stage and not yet acknowledged
     * @param done          applied by the stage, ever (from its idempotent-receiver ledger)
     * @param deadLettered  waiting in the stage's dead-letter queue for a replay
     */
    public record Stage(String stage, String queue, long queued, long inFlight, long done, long deadLettered,
                        String deadLetterQueue) {
    }
}
