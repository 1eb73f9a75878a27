package io.rapport.core.ingest;

import io.rapport.core.customer.SourceRecord;

/** Receives each data row of an import as it is read, so a file of any size streams through. */
public interface CustomerRowHandler {

    /** A well-formed row. {@code row} is its 1-based data row number. */
    void accepted(long row, SourceRecord record);

    void rejected(RowRejection rejection);
}
