package io.rapport.sim.customers;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 parser for tests, independent of the production reader: anything off-standard fails. */
final class Rfc4180 {

    private Rfc4180() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        if (n == 0) {
            return rows;
        }
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field in row " + (rows.size() + 1));
                    }
                    char c = text.charAt(i++);
                    if (c == '"') {
                        if (i < n && text.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    throw new IllegalArgumentException("text after closing quote in row " + (rows.size() + 1));
                }
            } else {
                while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\r') {
                    char c = text.charAt(i++);
                    if (c == '"' || c == '\n') {
                        throw new IllegalArgumentException("unquoted field holds " + (c == '"' ? "a quote" : "a bare LF")
                                + " in row " + (rows.size() + 1) + ": " + field);
                    }
                    field.append(c);
                }
            }
            row.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                throw new IllegalArgumentException("last record is not terminated by CRLF");
            }
            char c = text.charAt(i++);
            if (c == ',') {
                continue;
            }
            if (i >= n || text.charAt(i) != '\n') {
                throw new IllegalArgumentException("CR not followed by LF in row " + (rows.size() + 1));
            }
            i++;
            rows.add(row);
            row = new ArrayList<>();
            if (i == n) {
                return rows;
            }
        }
    }

    /** Minimal RFC 4180 serialization: quote only fields holding a comma, quote, CR or LF. */
    static String write(List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) {
            for (int k = 0; k < row.size(); k++) {
                if (k > 0) {
                    b.append(',');
                }
                String f = row.get(k);
                if (f.contains(",") || f.contains("\"") || f.contains("\r") || f.contains("\n")) {
                    b.append('"').append(f.replace("\"", "\"\"")).append('"');
                } else {
                    b.append(f);
                }
            }
            b.append("\r\n");
        }
        return b.toString();
    }
}
