package io.rapport.core.resolve;

/**
 * The cross-reference export ({@code GET /api/v1/xref}): one CSV line per source record, {@code
 * source,source_id,customer_id}, fields quoted as RFC 4180 asks when they hold a comma, a quote or a line break.
 * The hub and the offline benchmarks write it through this one class, so evaluation tools read the same format.
 */
public final class XrefCsv {

    public static final String HEADER = "source,source_id,customer_id\n";

    private XrefCsv() {
    }

    public static String line(String source, String sourceId, String customerId) {
        return field(source) + ',' + field(sourceId) + ',' + field(customerId) + '\n';
    }

    private static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
