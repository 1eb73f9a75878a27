package io.rapport.sim.salesforce.soql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the SOQL subset the sandbox serves:
 *
 * <pre>
 * query      := SELECT (COUNT '(' ')' | field (',' field)*) FROM name [WHERE condition]
 *               [ORDER BY order (',' order)*] [LIMIT n] [OFFSET n]
 * condition  := unary (AND unary)* | unary (OR unary)*      -- mixing needs parentheses, as in Salesforce
 * unary      := NOT unary | '(' condition ')' | field op literal | field [NOT] IN '(' literal, ... ')'
 *               | field LIKE string
 * order      := field [ASC | DESC] [NULLS (FIRST | LAST)]
 * </pre>
 */
public final class SoqlParser {

    private static final Set<String> OPERATORS = Set.of("=", "!=", "<", "<=", ">", ">=");
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss").optionalStart().appendFraction(
                    java.time.temporal.ChronoField.MILLI_OF_SECOND, 1, 3, true).optionalEnd()
            .appendOffset("+HH:MM", "Z").toFormatter();
    private static final DateTimeFormatter DATETIME_COMPACT_OFFSET = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss").optionalStart().appendFraction(
                    java.time.temporal.ChronoField.MILLI_OF_SECOND, 1, 3, true).optionalEnd()
            .appendOffset("+HHMM", "Z").toFormatter();

    private final String text;
    private final List<Token> tokens;
    private int next;

    private SoqlParser(String text) {
        this.text = text;
        this.tokens = SoqlLexer.tokens(text);
    }

    /** Parses a query or throws {@link SoqlException} with MALFORMED_QUERY. */
    public static SoqlQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw new SoqlException("MALFORMED_QUERY", "A query is required");
        }
        return new SoqlParser(query).query();
    }

    private SoqlQuery query() {
        expectKeyword("SELECT");
        List<String> fields = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        boolean count = false;
        if (peek().isKeyword("COUNT") && tokens.get(next + 1).kind() == Token.Kind.LEFT_PAREN) {
            advance();
            advance();
            expect(Token.Kind.RIGHT_PAREN);
            count = true;
        } else {
            do {
                Token field = field();
                fields.add(field.text());
                offsets.add(field.position());
            } while (accept(Token.Kind.COMMA));
        }
        expectKeyword("FROM");
        Token from = identifier();
        Condition where = null;
        if (acceptKeyword("WHERE")) {
            where = condition();
        }
        List<SoqlQuery.Ordering> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                orderBy.add(ordering());
            } while (accept(Token.Kind.COMMA));
        }
        Integer limit = null;
        if (acceptKeyword("LIMIT")) {
            limit = nonNegativeInteger();
        }
        int offset = 0;
        if (acceptKeyword("OFFSET")) {
            offset = nonNegativeInteger();
        }
        if (peek().kind() != Token.Kind.END) {
            throw unexpected(peek());
        }
        return new SoqlQuery(text, fields, offsets, count, from.text(), from.position(), where, orderBy, limit, offset);
    }

    private SoqlQuery.Ordering ordering() {
        Token field = field();
        boolean descending = false;
        if (acceptKeyword("DESC")) {
            descending = true;
        } else {
            acceptKeyword("ASC");
        }
        // Salesforce puts nulls first in ascending order and last in descending order unless told otherwise
        boolean nullsFirst = !descending;
        if (acceptKeyword("NULLS")) {
            if (acceptKeyword("FIRST")) {
                nullsFirst = true;
            } else {
                expectKeyword("LAST");
                nullsFirst = false;
            }
        }
        return new SoqlQuery.Ordering(field.text(), field.position(), descending, nullsFirst);
    }

    private Condition condition() {
        Condition first = unary();
        Token joiner = peek();
        if (!joiner.isKeyword("AND") && !joiner.isKeyword("OR")) {
            return first;
        }
        String kind = joiner.upper();
        List<Condition> operands = new ArrayList<>(List.of(first));
        while (acceptKeyword(kind)) {
            operands.add(unary());
        }
        Token after = peek();
        if (after.isKeyword("AND") || after.isKeyword("OR")) {
            // "a AND b OR c" is ambiguous, and Salesforce refuses it rather than guess a precedence
            throw unexpected(after);
        }
        return kind.equals("AND") ? new Condition.And(operands) : new Condition.Or(operands);
    }

    private Condition unary() {
        if (acceptKeyword("NOT")) {
            return new Condition.Not(unary());
        }
        if (accept(Token.Kind.LEFT_PAREN)) {
            Condition inner = condition();
            expect(Token.Kind.RIGHT_PAREN);
            return inner;
        }
        Token field = field();
        Token operator = advance();
        if (operator.kind() == Token.Kind.OPERATOR && OPERATORS.contains(operator.text())) {
            return new Condition.Comparison(field.text(), field.position(), operator.text(), literal());
        }
        if (operator.isKeyword("LIKE")) {
            Token pattern = advance();
            if (pattern.kind() != Token.Kind.STRING) {
                throw unexpected(pattern);
            }
            return new Condition.Comparison(field.text(), field.position(), "LIKE", new Literal.Text(pattern.text()));
        }
        boolean negated = false;
        if (operator.isKeyword("NOT")) {
            negated = true;
            operator = advance();
        }
        if (operator.isKeyword("IN")) {
            expect(Token.Kind.LEFT_PAREN);
            List<Literal> values = new ArrayList<>();
            do {
                values.add(literal());
            } while (accept(Token.Kind.COMMA));
            expect(Token.Kind.RIGHT_PAREN);
            return new Condition.In(field.text(), field.position(), values, negated);
        }
        throw unexpected(operator);
    }

    private Literal literal() {
        Token token = advance();
        switch (token.kind()) {
            case STRING:
                return new Literal.Text(token.text());
            case NUMBER:
                return new Literal.Number(new BigDecimal(token.text()));
            case DATE:
                try {
                    return new Literal.Date(LocalDate.parse(token.text()));
                } catch (DateTimeParseException e) {
                    throw SoqlException.at("MALFORMED_QUERY", text, token.position(), "line 1:" + token.position()
                            + " no viable alternative at character '" + token.text() + "'");
                }
            case DATETIME:
                return new Literal.DateTime(dateTime(token));
            case IDENTIFIER:
                return namedLiteral(token);
            default:
                throw unexpected(token);
        }
    }

    private java.time.Instant dateTime(Token token) {
        String value = token.text();
        try {
            DateTimeFormatter format = value.matches(".*[+-]\\d{4}$") ? DATETIME_COMPACT_OFFSET : DATETIME;
            return OffsetDateTime.parse(value, format).toInstant();
        } catch (DateTimeParseException e) {
            throw SoqlException.at("MALFORMED_QUERY", text, token.position(), "value of filter criterion for field"
                    + " must be of type dateTime and should not be enclosed in quotes");
        }
    }

    private Literal namedLiteral(Token token) {
        switch (token.upper()) {
            case "NULL":
                return new Literal.Null();
            case "TRUE":
                return new Literal.Bool(true);
            case "FALSE":
                return new Literal.Bool(false);
            case "TODAY":
                return new Literal.DayRange("TODAY", 0, 0);
            case "YESTERDAY":
                return new Literal.DayRange("YESTERDAY", -1, -1);
            case "TOMORROW":
                return new Literal.DayRange("TOMORROW", 1, 1);
            case "LAST_N_DAYS":
            case "NEXT_N_DAYS":
                expect(Token.Kind.COLON);
                int n = nonNegativeInteger();
                return token.upper().startsWith("LAST")
                        ? new Literal.DayRange(token.upper() + ":" + n, -n, 0)
                        : new Literal.DayRange(token.upper() + ":" + n, 0, n);
            default:
                throw unexpected(token);
        }
    }

    private int nonNegativeInteger() {
        Token token = advance();
        if (token.kind() != Token.Kind.NUMBER || !token.text().matches("\\d+")) {
            throw unexpected(token);
        }
        return Integer.parseInt(token.text());
    }

    private Token field() {
        Token token = identifier();
        if (token.text().startsWith(".") || token.text().endsWith(".") || token.text().contains("..")) {
            throw unexpected(token);
        }
        return token;
    }

    private Token identifier() {
        Token token = advance();
        if (token.kind() != Token.Kind.IDENTIFIER) {
            throw unexpected(token);
        }
        return token;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token advance() {
        Token token = tokens.get(next);
        if (token.kind() != Token.Kind.END) {
            next++;
        }
        return token;
    }

    private boolean accept(Token.Kind kind) {
        if (peek().kind() == kind) {
            next++;
            return true;
        }
        return false;
    }

    private boolean acceptKeyword(String keyword) {
        if (peek().isKeyword(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(Token.Kind kind) {
        Token token = advance();
        if (token.kind() != kind) {
            throw unexpected(token);
        }
    }

    private void expectKeyword(String keyword) {
        Token token = advance();
        if (!token.isKeyword(keyword)) {
            throw unexpected(token);
        }
    }

    private SoqlException unexpected(Token token) {
        return SoqlException.at("MALFORMED_QUERY", text, token.position(), "unexpected token: " + token.shown());
    }
}
