package io.rapport.app.ingest;

import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import java.util.Map;

/**
 * The wire form of one accepted import row on {@code inbound.customer}: the source record plus where it came
 * from, so every stage can say "import X, row N" in logs and dead-letter reasons.
 */
public record CustomerRowMessage(String importId, long row, String source, String sourceId, Map<String, String> fields) {

    static CustomerRowMessage of(String importId, long row, SourceRecord record) {
        return new CustomerRowMessage(importId, row, record.source().value(), record.sourceId(), record.fields());
    }

    public SourceRecord toSourceRecord() {
        return new SourceRecord(SourceName.of(source), sourceId, fields == null ? Map.of() : fields);
    }

    /** Unique per input row; a re-import of the same file gets new keys (and updates, not duplicates, the records). */
    public String messageKey() {
        return importId + ":" + row;
    }

    public String correlationId() {
        return importId + "/" + row;
    }
}
