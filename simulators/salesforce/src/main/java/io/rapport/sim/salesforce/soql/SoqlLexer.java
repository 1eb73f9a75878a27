package io.rapport.sim.salesforce.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a SOQL query into tokens: identifiers, quoted strings with backslash escapes, numbers, dates, operators. */
final class SoqlLexer {

    private static final Pattern DATETIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?![\\dT])");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final String query;
    private int position;

    private SoqlLexer(String query) {
        this.query = query;
    }

    static List<Token> tokens(String query) {
        return new SoqlLexer(query).all();
    }

    private List<Token> all() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            while (position < query.length() && Character.isWhitespace(query.charAt(position))) {
                position++;
            }
            if (position >= query.length()) {
                tokens.add(new Token(Token.Kind.END, "", position));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private Token next() {
        int start = position;
        char c = query.charAt(position);
        if (Character.isLetter(c) || c == '_') {
            while (position < query.length() && isIdentifierPart(query.charAt(position))) {
                position++;
            }
            return new Token(Token.Kind.IDENTIFIER, query.substring(start, position), start);
        }
        if (c == '\'') {
            return string();
        }
        Token literal = matched(DATETIME, Token.Kind.DATETIME);
        if (literal == null) {
            literal = matched(DATE, Token.Kind.DATE);
        }
        if (literal == null && (Character.isDigit(c) || c == '.' || c == '-' || c == '+')) {
            literal = matched(NUMBER, Token.Kind.NUMBER);
        }
        if (literal != null) {
            return literal;
        }
        position++;
        switch (c) {
            case ',':
                return new Token(Token.Kind.COMMA, ",", start);
            case '(':
                return new Token(Token.Kind.LEFT_PAREN, "(", start);
            case ')':
                return new Token(Token.Kind.RIGHT_PAREN, ")", start);
            case ':':
                return new Token(Token.Kind.COLON, ":", start);
            case '=':
                return new Token(Token.Kind.OPERATOR, "=", start);
            case '!':
                if (position < query.length() && query.charAt(position) == '=') {
                    position++;
                    return new Token(Token.Kind.OPERATOR, "!=", start);
                }
                break;
            case '<':
            case '>':
                if (position < query.length() && query.charAt(position) == '=') {
                    position++;
                    return new Token(Token.Kind.OPERATOR, c + "=", start);
                }
                if (c == '<' && position < query.length() && query.charAt(position) == '>') {
                    position++;
                    return new Token(Token.Kind.OPERATOR, "!=", start);
                }
                return new Token(Token.Kind.OPERATOR, String.valueOf(c), start);
            default:
                break;
        }
        throw SoqlException.at("MALFORMED_QUERY", query, start, "unexpected token: '" + c + "'");
    }

    private Token matched(Pattern pattern, Token.Kind kind) {
        Matcher m = pattern.matcher(query).region(position, query.length());
        if (!m.lookingAt()) {
            return null;
        }
        int start = position;
        position = m.end();
        return new Token(kind, m.group(), start);
    }

    /** A single-quoted string; SOQL escapes quotes, backslashes and control characters with a backslash. */
    private Token string() {
        int start = position++;
        StringBuilder value = new StringBuilder();
        while (position < query.length()) {
            char c = query.charAt(position++);
            if (c == '\'') {
                return new Token(Token.Kind.STRING, value.toString(), start);
            }
            if (c == '\\') {
                if (position >= query.length()) {
                    break;
                }
                char escaped = query.charAt(position++);
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case '\'', '"', '\\' -> value.append(escaped);
                    // kept escaped: LIKE treats \_ and \% as the literal characters
                    case '_', '%' -> value.append('\\').append(escaped);
                    default -> throw SoqlException.at("MALFORMED_QUERY", query, position - 2,
                            "Invalid string literal '" + query.substring(start, Math.min(query.length(), position))
                                    + "'. Illegal character sequence '\\" + escaped + "' in string literal.");
                }
            } else {
                value.append(c);
            }
        }
        throw SoqlException.at("MALFORMED_QUERY", query, start, "line 1:" + start + " mismatched character '<EOF>'"
                + " expecting '''");
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.';
    }
}
