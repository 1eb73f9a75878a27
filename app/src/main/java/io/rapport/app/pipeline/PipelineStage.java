package io.rapport.app.pipeline;

import io.rapport.app.broker.Queues;

/** A stage of the pipeline: the route that consumes a queue, and the queue it consumes. */
public record PipelineStage(String name, String queue) {

    public String deadLetterQueue() {
        return Queues.deadLetterQueueOf(queue);
    }
}
