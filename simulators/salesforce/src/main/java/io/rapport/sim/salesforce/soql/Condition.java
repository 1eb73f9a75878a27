package io.rapport.sim.salesforce.soql;

import java.util.List;
import java.util.Map;

/** A WHERE clause: comparisons of a field with literals, combined with AND, OR and NOT. */
public sealed interface Condition {

    /** Adds the fields this condition names, with their positions in the query. */
    void collectFields(Map<String, Integer> into);

    record And(List<Condition> operands) implements Condition {
        @Override
        public void collectFields(Map<String, Integer> into) {
            operands.forEach(o -> o.collectFields(into));
        }
    }

    record Or(List<Condition> operands) implements Condition {
        @Override
        public void collectFields(Map<String, Integer> into) {
            operands.forEach(o -> o.collectFields(into));
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public void collectFields(Map<String, Integer> into) {
            operand.collectFields(into);
        }
    }

    /** {@code field op value} with op one of = != < <= > >= and LIKE. */
    record Comparison(String field, int position, String operator, Literal value) implements Condition {
        @Override
        public void collectFields(Map<String, Integer> into) {
            into.putIfAbsent(field, position);
        }
    }

    /** {@code field [NOT] IN (values)}. */
    record In(String field, int position, List<Literal> values, boolean negated) implements Condition {
        @Override
        public void collectFields(Map<String, Integer> into) {
            into.putIfAbsent(field, position);
        }
    }
}
