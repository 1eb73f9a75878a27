package io.rapport.app.pipeline;

import java.util.List;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * DLQ replay from the Hawtio console: JMX tree, {@code io.rapport > DeadLetters}, operation {@code replay}.
 * Same semantics as {@code POST /api/v1/pipeline/dead-letters/{queue}/replay}.
 */
@ManagedResource(objectName = "io.rapport:type=DeadLetters", description = "Dead-letter queues of the Rapport pipeline")
public class DeadLetterOperations {

    private final DeadLetterReplayer replayer;

    public DeadLetterOperations(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @ManagedOperation(description = "Moves up to 'limit' messages from a dead-letter queue back to the queue they failed on")
    @ManagedOperationParameter(name = "deadLetterQueue", description = "e.g. dlq.inbound.customer")
    @ManagedOperationParameter(name = "limit", description = "most messages to move")
    public int replay(String deadLetterQueue, int limit) {
        return replayer.replay(deadLetterQueue, limit);
    }

    @ManagedOperation(description = "Lists up to 'limit' messages of a dead-letter queue with their reasons")
    @ManagedOperationParameter(name = "deadLetterQueue", description = "e.g. dlq.inbound.customer")
    @ManagedOperationParameter(name = "limit", description = "most messages to list")
    public List<String> list(String deadLetterQueue, int limit) {
        return replayer.list(deadLetterQueue, limit).stream().map(DeadLetter::toString).toList();
    }
}
