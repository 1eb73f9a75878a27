package io.rapport.sim.salesforce.soql;

import java.util.Locale;

/** A lexical token of a SOQL query and where it starts. Keywords are identifiers, compared ignoring case. */
record Token(Kind kind, String text, int position) {

    enum Kind { IDENTIFIER, STRING, NUMBER, DATE, DATETIME, OPERATOR, COMMA, LEFT_PAREN, RIGHT_PAREN, COLON, END }

    boolean isKeyword(String keyword) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }

    String upper() {
        return text.toUpperCase(Locale.ROOT);
    }

    String shown() {
        return kind == Kind.END ? "<EOF>" : kind == Kind.STRING ? "'" + text + "'" : text;
    }
}
