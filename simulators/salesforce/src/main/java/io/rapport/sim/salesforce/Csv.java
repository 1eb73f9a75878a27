package io.rapport.sim.salesforce;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV as Bulk API 2.0 reads and writes it: quoted fields with doubled quotes, any delimiter, LF or CRLF. */
final class Csv {

    private Csv() {
    }

    /** The rows of a CSV text; a quoted field may hold delimiters, quotes and line breaks. */
    static List<List<String>> parse(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
                    row.add(field.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quoted field");
        }
        if (fieldStarted || field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    /** One CSV line, quoting the fields that need it, ended by the line ending. */
    static String line(List<?> fields, char delimiter, String lineEnding) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            Object value = fields.get(i);
            String text = value == null ? "" : value.toString();
            if (text.indexOf(delimiter) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                    || text.indexOf('\r') >= 0) {
                line.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                line.append(text);
            }
        }
        return line.append(lineEnding).toString();
    }

    /** The character of a Bulk API 2.0 {@code columnDelimiter} name. */
    static char delimiter(String name) {
        switch (name == null ? "COMMA" : name.toUpperCase(java.util.Locale.ROOT)) {
            case "COMMA":
                return ',';
            case "TAB":
                return '\t';
            case "PIPE":
                return '|';
            case "SEMICOLON":
                return ';';
            case "CARET":
                return '^';
            case "BACKQUOTE":
                return '`';
            default:
                throw ApiException.badRequest("INVALIDJOB", "Invalid column delimiter: " + name);
        }
    }
}
