package io.rapport.sim.erp;

import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A Writer that reads the RFC 4180 CSV written into it and hands each data row on as soon as it is complete, keyed
 * by the header row's names, so the customer generator's output is consumed as it is made, never held whole.
 */
final class CsvRowSink extends Writer {

    private final Consumer<Map<String, String>> rows;
    private final StringBuilder field = new StringBuilder();
    private final List<String> record = new ArrayList<>();
    private List<String> header;
    private boolean quoted;
    private boolean quoteSeen;

    CsvRowSink(Consumer<Map<String, String>> rows) {
        this.rows = rows;
    }

    @Override
    public void write(char[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(buffer[i]);
        }
    }

    private void accept(char c) {
        if (quoted) {
            if (c == '"') {
                quoted = false;
                quoteSeen = true;
            } else {
                field.append(c);
            }
            return;
        }
        switch (c) {
            case '"' -> {
                if (quoteSeen) {
                    field.append('"'); // a doubled quote inside a quoted field
                }
                quoted = true;
            }
            case ',' -> endField();
            case '\r' -> { }
            case '\n' -> endRecord();
            default -> field.append(c);
        }
        if (c != '"') {
            quoteSeen = false;
        }
    }

    private void endField() {
        record.add(field.toString());
        field.setLength(0);
    }

    private void endRecord() {
        endField();
        if (header == null) {
            header = List.copyOf(record);
        } else {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size() && i < record.size(); i++) {
                if (!record.get(i).isEmpty()) {
                    row.put(header.get(i), record.get(i));
                }
            }
            rows.accept(row);
        }
        record.clear();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
