package io.rapport.app.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.rapport.core.ingest.RowRejection;
import java.time.Instant;
import java.util.List;

/**
 * What an import did: every data row is counted as accepted (durably queued) or rejected (listed with its row
 * number and reason, up to the configured listing limit; the counts are exact beyond it).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(
        String importId,
        String source,
        String origin,
        ImportStatus status,
        Instant startedAt,
        Instant finishedAt,
        long rows,
        long accepted,
        long rejected,
        List<RowRejection> rejections,
        Boolean rejectionsTruncated,
        String failure) {

    public enum ImportStatus { RUNNING, COMPLETED, FAILED }
}
