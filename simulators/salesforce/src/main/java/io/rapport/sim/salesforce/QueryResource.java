package io.rapport.sim.salesforce;

import io.rapport.sim.salesforce.soql.SoqlEvaluator;
import io.rapport.sim.salesforce.soql.SoqlException;
import io.rapport.sim.salesforce.soql.SoqlParser;
import io.rapport.sim.salesforce.soql.SoqlQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /query?q=}, {@code GET /queryAll?q=} (deleted rows too, with IsDeleted true) and
 * {@code GET /query/<locator>-<position>} (queryMore): a SOQL subset, answered in pages of 2,000 rows or the
 * {@code Sforce-Query-Options: batchSize=n} asked for (200 to 2,000).
 */
final class QueryResource {

    static final int DEFAULT_BATCH = 2000;
    private static final int MIN_BATCH = 200;

    private final SObjectStore store;
    private final SObjectTypes types;
    private final SoqlEvaluator evaluator;
    private final QueryCursors cursors;

    QueryResource(SObjectStore store, SObjectTypes types, SoqlEvaluator evaluator, QueryCursors cursors) {
        this.store = store;
        this.types = types;
        this.evaluator = evaluator;
        this.cursors = cursors;
    }

    ApiResponse handle(ApiRequest request) {
        if (!request.method().equals("GET")) {
            throw ApiException.methodNotAllowed(request.method(), "GET,HEAD");
        }
        String resource = request.segment(0);
        if (request.path().size() == 2) {
            return ApiResponse.json(200, more(request.version(), request.segment(1)));
        }
        if (request.path().size() > 2) {
            throw ApiException.notFound();
        }
        String q = request.query().get("q");
        if (q == null) {
            throw ApiException.badRequest("MALFORMED_QUERY", "A query string has to be specified");
        }
        return ApiResponse.json(200, query(request.version(), resource, q, batchSize(request)));
    }

    /** What a query selected: the rows as the API returns them (none for {@code SELECT COUNT()}) and how many. */
    record Selection(int totalSize, List<Map<String, Object>> rows, List<String> fields) {
    }

    /** Runs a query and returns its first page, opening a cursor for the rest. */
    Map<String, Object> query(String version, String resource, String soql, int batchSize) {
        Selection selection = select(version, soql, resource.equals("queryAll"));
        List<Map<String, Object>> rows = selection.rows();
        if (rows.size() <= batchSize) {
            return page(null, selection.totalSize(), 0, null, rows);
        }
        String locator = cursors.open(resource, rows, batchSize);
        return page(version, rows.size(), 0, resource + "/" + locator, rows.subList(0, batchSize));
    }

    /** Parses, checks and runs a query. Also used by Bulk API 2.0 query jobs. */
    Selection select(String version, String soql, boolean withDeleted) {
        SoqlQuery query;
        try {
            query = SoqlParser.parse(soql);
        } catch (SoqlException e) {
            throw ApiException.badRequest(e.errorCode(), e.getMessage());
        }
        String type = types.canonical(query.from());
        if (type == null) {
            throw ApiException.badRequest("INVALID_TYPE", "\n" + soql + "\n" + " ".repeat(query.fromOffset())
                    + "^\nERROR at Row:1:Column:" + (query.fromOffset() + 1) + "\nsObject type '" + query.from()
                    + "' is not supported. If you are attempting to use a custom object, be sure to append the '__c'"
                    + " after the entity name. Please reference your WSDL or the describe call for the appropriate"
                    + " names.");
        }
        Map<String, String> spelling = checkedFields(query, type);
        List<Map<String, Object>> selected = evaluator.select(query, store.all(type, withDeleted));
        if (query.count()) {
            return new Selection(selected.size(), List.of(), List.of());
        }
        List<Map<String, Object>> rows = new ArrayList<>(selected.size());
        for (Map<String, Object> record : selected) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("attributes", SObjectResource.attributes(version, type, (String) record.get("Id")));
            for (String field : query.fields()) {
                String key = Records.keyOf(record, field);
                row.put(key != null ? key : spelling.get(field), Records.get(record, field));
            }
            rows.add(row);
        }
        List<String> columns = query.fields().stream().map(spelling::get).toList();
        return new Selection(rows.size(), rows, columns);
    }

    private Map<String, String> checkedFields(SoqlQuery query, String type) {
        Map<String, String> spelling = new LinkedHashMap<>();
        query.referencedFields().forEach((field, position) -> {
            if (field.contains(".")) {
                throw invalidField(query, position, "Didn't understand relationship '"
                        + field.substring(0, field.indexOf('.')) + "' in field path. If you are attempting to use a"
                        + " custom relationship, be sure to append the '__r' after the custom relationship name."
                        + " Please reference your WSDL or the describe call for the appropriate names.");
            }
            String declared = types.field(type, field);
            if (declared == null) {
                throw invalidField(query, position, "No such column '" + field + "' on entity '" + type + "'. If you"
                        + " are attempting to use a custom field, be sure to append the '__c' after the custom field"
                        + " name. Please reference your WSDL or the describe call for the appropriate names.");
            }
            spelling.put(field, declared);
        });
        return spelling;
    }

    private static ApiException invalidField(SoqlQuery query, int position, String detail) {
        return ApiException.badRequest("INVALID_FIELD", "\n" + query.text() + "\n" + " ".repeat(position)
                + "^\nERROR at Row:1:Column:" + (position + 1) + "\n" + detail);
    }

    private Map<String, Object> more(String version, String locatorAndPosition) {
        int dash = locatorAndPosition.lastIndexOf('-');
        String locator = dash < 0 ? locatorAndPosition : locatorAndPosition.substring(0, dash);
        QueryCursors.Cursor cursor = cursors.get(locator);
        int position;
        try {
            position = dash < 0 ? 0 : Integer.parseInt(locatorAndPosition.substring(dash + 1));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        if (position < 0 || position >= cursor.rows.size()) {
            throw ApiException.badRequest("INVALID_QUERY_LOCATOR", "invalid query locator");
        }
        int end = Math.min(cursor.rows.size(), position + cursor.batchSize);
        if (end == cursor.rows.size()) {
            cursors.close(locator);
            return page(null, cursor.rows.size(), position, null, cursor.rows.subList(position, end));
        }
        return page(version, cursor.rows.size(), position, cursor.resource + "/" + locator,
                cursor.rows.subList(position, end));
    }

    /** One page; {@code cursorPath} ({@code query/01g...}) is null on the last page. */
    private Map<String, Object> page(String version, int total, int position, String cursorPath,
                                     List<Map<String, Object>> records) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("totalSize", total);
        page.put("done", cursorPath == null);
        if (cursorPath != null) {
            page.put("nextRecordsUrl", "/services/data/v" + version + "/" + cursorPath + "-"
                    + (position + records.size()));
        }
        page.put("records", new ArrayList<>(records));
        return page;
    }

    /** {@code Sforce-Query-Options: batchSize=n}; Salesforce treats it as a hint between 200 and 2,000. */
    static int batchSize(ApiRequest request) {
        String options = request.header("Sforce-Query-Options");
        if (options != null) {
            for (String option : options.split(",")) {
                String[] pair = option.trim().split("=");
                if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("batchSize")) {
                    try {
                        return Math.max(MIN_BATCH, Math.min(DEFAULT_BATCH, Integer.parseInt(pair[1].trim())));
                    } catch (NumberFormatException e) {
                        return DEFAULT_BATCH;
                    }
                }
            }
        }
        return DEFAULT_BATCH;
    }
}
