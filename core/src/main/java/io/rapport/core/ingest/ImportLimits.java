package io.rapport.core.ingest;

/**
 * Bounds that keep one bad file from exhausting memory or smuggling garbage into the store.
 *
 * @param maxFieldChars   longest accepted field value, in characters
 * @param maxLineBytes    longest physical line, in bytes; longer lines are rejected without being buffered whole
 * @param maxRecordLines  most physical lines one quoted record may span before it counts as an unterminated quote
 */
public record ImportLimits(int maxFieldChars, int maxLineBytes, int maxRecordLines) {

    public static final int DEFAULT_MAX_FIELD_CHARS = 1024;
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_RECORD_LINES = 16;

    public ImportLimits {
        if (maxFieldChars < 1 || maxLineBytes < 16 || maxRecordLines < 1) {
            throw new IllegalArgumentException("import limits must be positive: " + maxFieldChars + ", "
                    + maxLineBytes + ", " + maxRecordLines);
        }
    }

    public static ImportLimits defaults() {
        return new ImportLimits(DEFAULT_MAX_FIELD_CHARS, DEFAULT_MAX_LINE_BYTES, DEFAULT_MAX_RECORD_LINES);
    }
}
