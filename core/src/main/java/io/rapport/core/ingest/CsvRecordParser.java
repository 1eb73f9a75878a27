package io.rapport.core.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 field splitting for one record's text (which may span several physical lines joined by '\n').
 * It answers one of three things: the fields, "incomplete" (the text ends inside a quoted field, so the next
 * physical line belongs to this record), or a quoting error with the 1-based field where it happened.
 */
final class CsvRecordParser {

    sealed interface Result permits Fields, Incomplete, Malformed {
    }

    record Fields(List<String> values) implements Result {
    }

    record Incomplete(int field) implements Result {
    }

    record Malformed(String reason) implements Result {
    }

    private enum State { FIELD_START, UNQUOTED, QUOTED, AFTER_CLOSING_QUOTE }

    private CsvRecordParser() {
    }

    static Result parse(String text) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        State state = State.FIELD_START;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (state) {
                case FIELD_START -> {
                    if (c == '"') {
                        state = State.QUOTED;
                    } else if (c == ',') {
                        values.add("");
                    } else {
                        value.append(c);
                        state = State.UNQUOTED;
                    }
                }
                case UNQUOTED -> {
                    if (c == ',') {
                        values.add(value.toString());
                        value.setLength(0);
                        state = State.FIELD_START;
                    } else if (c == '"') {
                        return new Malformed("quote character inside unquoted field " + (values.size() + 1)
                                + " (RFC 4180: quote the whole field and double any quote inside it)");
                    } else {
                        value.append(c);
                    }
                }
                case QUOTED -> {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            value.append('"');
                            i++;
                        } else {
                            state = State.AFTER_CLOSING_QUOTE;
                        }
                    } else {
                        value.append(c);
                    }
                }
                case AFTER_CLOSING_QUOTE -> {
                    if (c != ',') {
                        return new Malformed("unexpected character '" + printable(c) + "' after the closing quote of field "
                                + (values.size() + 1));
                    }
                    values.add(value.toString());
                    value.setLength(0);
                    state = State.FIELD_START;
                }
            }
        }
        if (state == State.QUOTED) {
            return new Incomplete(values.size() + 1);
        }
        values.add(value.toString());
        return new Fields(values);
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("U+%04X", (int) c) : String.valueOf(c);
    }
}
