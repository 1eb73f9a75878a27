package io.rapport.core.ingest;

import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.ingest.CsvRecordParser.Fields;
import io.rapport.core.ingest.CsvRecordParser.Incomplete;
import io.rapport.core.ingest.CsvRecordParser.Malformed;
import io.rapport.core.ingest.PhysicalLines.Line;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a customer CSV (see {@link CustomerCsvContract}) as a stream and hands every data row to a
 * {@link CustomerRowHandler}, either as a {@link SourceRecord} or as a {@link RowRejection} with its row number
 * and reason. One bad row never stops the rows after it.
 *
 * <p>Recovery from bad quoting: a quoted field may span lines, so an opening quote that is never closed would
 * otherwise swallow the rest of the file. A multi-line record is therefore accepted only when it parses cleanly
 * into the header's number of fields within {@link ImportLimits#maxRecordLines()} lines; otherwise only its
 * first line is rejected and reading resumes at the line after it.
 */
public final class CustomerCsvReader {

    private final ImportLimits limits;

    public CustomerCsvReader(ImportLimits limits) {
        this.limits = limits;
    }

    /**
     * @return the number of data rows read (accepted plus rejected)
     * @throws CsvFormatException when the header makes the whole file unreadable; no row has been handed over then
     */
    public long read(SourceName source, InputStream in, CustomerRowHandler handler) throws IOException {
        return new Pass(source, new PhysicalLines(in, limits.maxLineBytes()), handler).run();
    }

    /** The state of reading one file. */
    private final class Pass {
        private final SourceName source;
        private final PhysicalLines lines;
        private final CustomerRowHandler handler;
        private final Deque<Line> pushedBack = new ArrayDeque<>();
        private final Map<String, Long> firstRowOfSourceId = new HashMap<>();
        private List<String> columns;
        private int sourceIdColumn;
        private long row;

        Pass(SourceName source, PhysicalLines lines, CustomerRowHandler handler) {
            this.source = source;
            this.lines = lines;
            this.handler = handler;
        }

        long run() throws IOException {
            readHeader();
            Line line;
            while ((line = nextLine()) != null) {
                if (line.readable() && line.text().isBlank()) {
                    continue;
                }
                row++;
                if (!line.readable()) {
                    reject(line, null, line.problem());
                } else {
                    readRecord(line);
                }
            }
            return row;
        }

        private Line nextLine() throws IOException {
            return pushedBack.isEmpty() ? lines.next() : pushedBack.pop();
        }

        private void readHeader() throws IOException {
            Line header = lines.next();
            while (header != null && header.readable() && header.text().isBlank()) {
                header = lines.next();
            }
            if (header == null) {
                throw new CsvFormatException("the file is empty; a header row naming the columns is required");
            }
            if (!header.readable()) {
                throw new CsvFormatException("header (line " + header.number() + "): " + header.problem());
            }
            if (!(CsvRecordParser.parse(header.text()) instanceof Fields fields)) {
                throw new CsvFormatException("header (line " + header.number() + ") is not a valid CSV row");
            }
            columns = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < fields.values().size(); i++) {
                String name = CustomerCsvContract.canonicalColumnName(fields.values().get(i));
                String column = CustomerCsvContract.KNOWN_COLUMNS.contains(name) ? name : fields.values().get(i).strip();
                if (column.isEmpty()) {
                    throw new CsvFormatException("header column " + (i + 1) + " has no name");
                }
                if (!seen.add(name)) {
                    throw new CsvFormatException("header names column '" + column + "' twice");
                }
                columns.add(column);
            }
            sourceIdColumn = columns.indexOf(CustomerCsvContract.SOURCE_ID);
            if (sourceIdColumn < 0) {
                throw new CsvFormatException("header has no '" + CustomerCsvContract.SOURCE_ID
                        + "' column; it is required to identify each record within its source");
            }
        }

        private void readRecord(Line first) throws IOException {
            List<Line> continuation = new ArrayList<>();
            StringBuilder text = new StringBuilder(first.text());
            String unclosed = null;
            while (true) {
                CsvRecordParser.Result result = CsvRecordParser.parse(text.toString());
                if (result instanceof Incomplete incomplete) {
                    unclosed = "quoted field " + incomplete.field() + " is never closed";
                    Line next = continuation.size() + 1 < limits.maxRecordLines() ? nextLine() : null;
                    if (next == null || !next.readable()) {
                        if (next != null) {
                            continuation.add(next);
                        }
                        resumeAfter(first, continuation, unclosed);
                        return;
                    }
                    continuation.add(next);
                    text.append('\n').append(next.text());
                } else if (result instanceof Malformed malformed) {
                    // past the first line, the error is an artefact of reading on after an unclosed quote
                    resumeAfter(first, continuation, continuation.isEmpty() ? malformed.reason() : unclosed);
                    return;
                } else {
                    List<String> values = ((Fields) result).values();
                    if (!continuation.isEmpty() && values.size() != columns.size()) {
                        resumeAfter(first, continuation, unclosed);
                        return;
                    }
                    validate(first, values);
                    return;
                }
            }
        }

        /** Rejects the record's first line and gives the lines read past it back to be read as rows of their own. */
        private void resumeAfter(Line first, List<Line> continuation, String reason) {
            for (int i = continuation.size() - 1; i >= 0; i--) {
                pushedBack.push(continuation.get(i));
            }
            reject(first, null, reason);
        }

        private void validate(Line first, List<String> values) {
            String sourceId = values.size() > sourceIdColumn ? values.get(sourceIdColumn).strip() : null;
            if (values.size() != columns.size()) {
                reject(first, sourceId, "expected " + columns.size() + " fields as in the header, found " + values.size());
                return;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                String problem = fieldProblem(columns.get(i), i, value);
                if (problem != null) {
                    reject(first, sourceId, problem);
                    return;
                }
                String stripped = value.strip();
                if (!stripped.isEmpty() && i != sourceIdColumn) {
                    fields.put(columns.get(i), stripped);
                }
            }
            if (sourceId.isEmpty()) {
                reject(first, null, "source_id is missing; every row needs one");
                return;
            }
            Long earlier = firstRowOfSourceId.putIfAbsent(sourceId, row);
            if (earlier != null) {
                reject(first, sourceId, "duplicate source_id '" + sourceId + "': already used by row " + earlier + " of this file");
                return;
            }
            handler.accepted(row, new SourceRecord(source, sourceId, fields));
        }

        private String fieldProblem(String column, int index, String value) {
            if (value.length() > limits.maxFieldChars()) {
                return "field '" + column + "' (column " + (index + 1) + ") is " + value.length()
                        + " characters long; the limit is " + limits.maxFieldChars();
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                    return "field '" + column + "' (column " + (index + 1) + ") contains control character "
                            + String.format("U+%04X", (int) c);
                }
            }
            return null;
        }

        private void reject(Line first, String sourceId, String reason) {
            handler.rejected(new RowRejection(row, first.number(), sourceId == null || sourceId.isEmpty() ? null : sourceId,
                    reason));
        }
    }
}
