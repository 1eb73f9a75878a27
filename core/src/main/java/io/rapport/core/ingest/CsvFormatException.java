package io.rapport.core.ingest;

/** The file as a whole cannot be read as a customer CSV (no header, no source_id column, ...): no row is taken. */
public class CsvFormatException extends RuntimeException {

    public CsvFormatException(String message) {
        super(message);
    }
}
