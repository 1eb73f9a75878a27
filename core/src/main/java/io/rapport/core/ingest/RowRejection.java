package io.rapport.core.ingest;

/**
 * A data row the import refused, and why.
 *
 * @param row      1-based number of the data row (the header is not counted)
 * @param line     1-based physical line where the row starts (the header is line 1)
 * @param sourceId the row's source_id when it could be read, else null
 * @param reason   what is wrong, in words an integration engineer can act on
 */
public record RowRejection(long row, long line, String sourceId, String reason) {
}
