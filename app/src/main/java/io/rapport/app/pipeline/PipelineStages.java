package io.rapport.app.pipeline;

import java.util.List;

/** The stages the pipeline status reports on and whose dead-letter queues may be replayed. */
public record PipelineStages(List<PipelineStage> all) {

    public PipelineStages {
        all = List.copyOf(all);
    }
}
