package io.rapport.sim.salesforce.soql;

import java.util.List;

/**
 * A parsed {@code SELECT ... FROM ... [WHERE] [ORDER BY] [LIMIT] [OFFSET]} query.
 *
 * @param fields       the selected fields as written; empty for {@code SELECT COUNT()}
 * @param fieldOffsets where each selected field starts in the query, for error messages
 * @param where        null when the query has no WHERE clause
 * @param limit        null when unlimited
 */
public record SoqlQuery(String text, List<String> fields, List<Integer> fieldOffsets, boolean count, String from,
                        int fromOffset, Condition where, List<Ordering> orderBy, Integer limit, int offset) {

    /** One ORDER BY item. */
    public record Ordering(String field, int position, boolean descending, boolean nullsFirst) {
    }

    /** Every field the query names, in SELECT, WHERE and ORDER BY, with its position, to check them all. */
    public java.util.Map<String, Integer> referencedFields() {
        java.util.Map<String, Integer> all = new java.util.LinkedHashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            all.putIfAbsent(fields.get(i), fieldOffsets.get(i));
        }
        if (where != null) {
            where.collectFields(all);
        }
        orderBy.forEach(o -> all.putIfAbsent(o.field(), o.position()));
        return all;
    }
}
