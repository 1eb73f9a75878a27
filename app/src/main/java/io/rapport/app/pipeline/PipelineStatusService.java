package io.rapport.app.pipeline;

import io.rapport.app.broker.QueueDepth;
import io.rapport.app.broker.QueueStatistics;
import io.rapport.app.broker.Queues;
import io.rapport.app.ingest.CustomerImportService;
import io.rapport.app.store.SourceRecordStore;
import java.util.ArrayList;
import java.util.List;

/** Assembles the pipeline status from the broker's queue depths and the stages' receipt ledgers. */
public class PipelineStatusService {

    private final List<PipelineStage> stages;
    private final QueueStatistics queues;
    private final SourceRecordStore receipts;
    private final CustomerImportService imports;

    public PipelineStatusService(PipelineStages stages, QueueStatistics queues, SourceRecordStore receipts,
                                 CustomerImportService imports) {
        this.stages = stages.all();
        this.queues = queues;
        this.receipts = receipts;
        this.imports = imports;
    }

    public List<PipelineStage> stages() {
        return stages;
    }

    public PipelineStatus status() {
        int importing = imports.inProgress();
        boolean idle = importing == 0;
        List<PipelineStatus.Stage> report = new ArrayList<>();
        for (PipelineStage stage : stages) {
            QueueDepth depth = queues.depth(stage.queue());
            QueueDepth dead = queues.depth(stage.deadLetterQueue());
            idle &= depth.queued() == 0 && depth.inFlight() == 0;
            report.add(new PipelineStatus.Stage(stage.name(), stage.queue(), depth.queued(), depth.inFlight(),
                    receipts.applied(stage.name()), dead.queued() + dead.inFlight(), stage.deadLetterQueue()));
        }
        QueueDepth brokerDead = queues.depth(Queues.BROKER_DLQ);
        return new PipelineStatus(idle, importing, report, brokerDead.queued() + brokerDead.inFlight());
    }
}
