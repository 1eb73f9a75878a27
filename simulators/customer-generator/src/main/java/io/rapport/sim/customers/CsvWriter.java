package io.rapport.sim.customers;

/**
 * RFC 4180 output: fields joined by commas, a field quoted when it holds a comma, a double quote, CR or LF, double
 * quotes inside doubled, records ended by CRLF.
 */
final class CsvWriter {

    static final String LINE_END = "\r\n";

    private CsvWriter() {
    }

    static void appendRow(StringBuilder b, String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            appendField(b, fields[i]);
        }
        b.append(LINE_END);
    }

    static void appendField(StringBuilder b, String field) {
        if (field == null || field.isEmpty()) {
            return;
        }
        if (!needsQuotes(field)) {
            b.append(field);
            return;
        }
        b.append('"');
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '"') {
                b.append('"');
            }
            b.append(c);
        }
        b.append('"');
    }

    static boolean needsQuotes(String field) {
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    static String row(String... fields) {
        StringBuilder b = new StringBuilder(64);
        appendRow(b, fields);
        return b.toString();
    }
}
