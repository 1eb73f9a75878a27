package io.rapport.sim.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /composite/sobjects}: sObject Collections, up to 200 records of any types per request (2,000 ids to read)
 * in one API call. Create (POST), update by Id (PATCH), upsert by external id (PATCH {@code /{Type}/{Field}}),
 * retrieve (GET or POST {@code /{Type}}) and delete (DELETE {@code ?ids=}). Each record succeeds or fails on its
 * own, unless {@code allOrNone} asks that one failure roll back the whole request.
 */
final class CollectionsResource {

    static final int MAX_RECORDS = 200;
    static final int MAX_RETRIEVE_IDS = 2000;
    private static final SalesforceError ROLLED_BACK = new SalesforceError("ALL_OR_NONE_OPERATION_ROLLED_BACK",
            "Record rolled back because not all records were valid and the request was using AllOrNone header");

    private final SObjectStore store;
    private final SObjectTypes types;

    CollectionsResource(SObjectStore store, SObjectTypes types) {
        this.store = store;
        this.types = types;
    }

    ApiResponse handle(ApiRequest request, SObjectStore.Caller caller) {
        int size = request.path().size();
        String method = request.method();
        if (size == 2 && method.equals("POST")) {
            return save(request, caller, false, this::create);
        }
        if (size == 2 && method.equals("PATCH")) {
            return save(request, caller, true, this::update);
        }
        if (size == 2 && method.equals("DELETE")) {
            return delete(request, caller);
        }
        if (size == 3 && (method.equals("GET") || method.equals("POST"))) {
            return retrieve(request, types.require(request.segment(2)));
        }
        if (size == 4 && method.equals("PATCH")) {
            String type = types.require(request.segment(2));
            String field = request.segment(3);
            return save(request, caller, false, (tx, record) -> upsert(tx, type, field, record));
        }
        if (size > 4) {
            throw ApiException.notFound();
        }
        throw ApiException.methodNotAllowed(method, size == 2 ? "POST,PATCH,DELETE" : size == 3 ? "GET,POST" : "PATCH");
    }

    /** One record's write within the request's transaction, returning its result. */
    private interface Write {
        Map<String, Object> apply(SObjectStore.Transaction tx, JsonNode record);
    }

    private ApiResponse save(ApiRequest request, SObjectStore.Caller caller, boolean idsGiven, Write write) {
        JsonNode body = request.json();
        JsonNode records = body.path("records");
        if (!records.isArray()) {
            throw ApiException.badRequest("JSON_PARSER_ERROR", "The request body needs a records array");
        }
        checkSize(records.size());
        boolean allOrNone = body.path("allOrNone").asBoolean(false) || forcedAllOrNone(request);
        List<JsonNode> list = new ArrayList<>();
        records.forEach(list::add);
        return ApiResponse.json(200, run(caller, allOrNone, idsGiven, list, write));
    }

    private ApiResponse delete(ApiRequest request, SObjectStore.Caller caller) {
        String ids = request.query().getOrDefault("ids", "");
        List<String> list = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "ids parameter is required");
        }
        checkSize(list.size());
        boolean allOrNone = Boolean.parseBoolean(request.query().getOrDefault("allOrNone", "false"))
                || forcedAllOrNone(request);
        List<JsonNode> nodes = list.stream().map(id -> (JsonNode) ApiRequest.JSON.getNodeFactory().textNode(id))
                .toList();
        return ApiResponse.json(200, run(caller, allOrNone, true, nodes, (tx, node) -> {
            String id = node.asText();
            Map<String, Object> result = result(id);
            try {
                String type = store.typeOf(id).orElseThrow(() -> new ApiException(400,
                        "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
                tx.delete(type, id);
                result.put("id", SObjectStore.normalized(id));
            } catch (ApiException e) {
                throw new RecordFailed(id, e);
            }
            return result;
        }));
    }

    /**
     * The records' writes, each with a savepoint; with allOrNone, any failure undoes them all and the records that
     * had succeeded report ALL_OR_NONE_OPERATION_ROLLED_BACK (with their id when the request named it).
     */
    private List<Map<String, Object>> run(SObjectStore.Caller caller, boolean allOrNone, boolean idsGiven,
                                          List<JsonNode> records, Write write) {
        return store.transaction(caller, tx -> {
            SObjectStore.Savepoint start = tx.savepoint();
            List<Map<String, Object>> results = new ArrayList<>();
            boolean failed = false;
            for (JsonNode record : records) {
                SObjectStore.Savepoint savepoint = tx.savepoint();
                try {
                    results.add(write.apply(tx, record));
                } catch (RecordFailed e) {
                    tx.rollbackTo(savepoint);
                    results.add(failure(e.id, e.cause.errors));
                    failed = true;
                } catch (ApiException e) {
                    tx.rollbackTo(savepoint);
                    results.add(failure(null, e.errors));
                    failed = true;
                }
            }
            if (failed && allOrNone) {
                tx.rollbackTo(start);
                for (int i = 0; i < results.size(); i++) {
                    if (Boolean.TRUE.equals(results.get(i).get("success"))) {
                        Object id = idsGiven ? results.get(i).get("id") : null;
                        results.set(i, failure((String) id, List.of(ROLLED_BACK)));
                    }
                }
            }
            return results;
        });
    }

    /** A record that failed, keeping the id its result reports. */
    private static final class RecordFailed extends RuntimeException {
        final String id;
        final ApiException cause;

        RecordFailed(String id, ApiException cause) {
            super(cause.getMessage(), null, false, false);
            this.id = id;
            this.cause = cause;
        }
    }

    private Map<String, Object> create(SObjectStore.Transaction tx, JsonNode record) {
        String type = typeOf(record);
        if (record.hasNonNull("Id") || record.hasNonNull("id")) {
            throw ApiException.badRequest("INVALID_FIELD", "cannot specify Id in an insert call");
        }
        String id = tx.create(type, Records.fieldsOf(record));
        return result(id);
    }

    private Map<String, Object> update(SObjectStore.Transaction tx, JsonNode record) {
        String id = record.hasNonNull("Id") ? record.get("Id").asText() : record.path("id").asText(null);
        if (id == null) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "Id not specified in an update call");
        }
        try {
            tx.update(typeOf(record), id, Records.fieldsOf(record));
        } catch (ApiException e) {
            throw new RecordFailed(id, e.status == 404 ? new ApiException(400, "INVALID_CROSS_REFERENCE_KEY",
                    "invalid cross reference id") : e);
        }
        return result(SObjectStore.normalized(id));
    }

    private Map<String, Object> upsert(SObjectStore.Transaction tx, String type, String field, JsonNode record) {
        String recordType = record.path("attributes").path("type").asText(type);
        if (!type.equalsIgnoreCase(recordType)) {
            throw ApiException.badRequest("INVALID_TYPE", "Record type " + recordType + " does not match " + type);
        }
        Map<String, Object> fields = Records.fieldsOf(record);
        Object value = Records.get(fields, field);
        if (value == null) {
            throw ApiException.badRequest("MISSING_ARGUMENT", field + " not specified");
        }
        Records.remove(fields, field);
        try {
            SObjectStore.Upserted upserted = tx.upsert(type, field, value.toString(), fields);
            Map<String, Object> result = result(upserted.id());
            result.put("created", upserted.created());
            return result;
        } catch (SObjectStore.AmbiguousExternalId e) {
            throw ApiException.badRequest("DUPLICATE_EXTERNAL_ID", "The external ID field value matches multiple"
                    + " records: " + String.join(", ", e.ids));
        }
    }

    private ApiResponse retrieve(ApiRequest request, String type) {
        List<String> ids = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (request.method().equals("GET")) {
            split(request.query().get("ids"), ids);
            split(request.query().get("fields"), fields);
        } else {
            JsonNode body = request.json();
            body.path("ids").forEach(id -> ids.add(id.asText()));
            body.path("fields").forEach(field -> fields.add(field.asText()));
        }
        if (ids.isEmpty() || fields.isEmpty()) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "ids and fields are required");
        }
        if (ids.size() > MAX_RETRIEVE_IDS) {
            throw ApiException.badRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_RETRIEVE_IDS + " records into this call");
        }
        for (String field : fields) {
            if (types.field(type, field) == null) {
                throw ApiException.badRequest("INVALID_FIELD", "No such column '" + field + "' on entity '" + type
                        + "'. If you are attempting to use a custom field, be sure to append the '__c' after the"
                        + " custom field name. Please reference your WSDL or the describe call for the appropriate"
                        + " names.");
            }
        }
        String fieldList = String.join(",", fields);
        List<Object> records = new ArrayList<>();
        for (String id : ids) {
            records.add(store.get(type, id).map(r -> (Object) SObjectResource.withAttributes(request.version(), type,
                    r, fieldList)).orElse(null));
        }
        return ApiResponse.json(200, records);
    }

    private String typeOf(JsonNode record) {
        String type = types.canonical(record.path("attributes").path("type").asText(null));
        if (type == null) {
            throw ApiException.badRequest("INVALID_TYPE", "Must send a concrete entity type.");
        }
        return type;
    }

    /** Inside an all-or-none Composite request, every Collections subrequest is all-or-none too. */
    private static boolean forcedAllOrNone(ApiRequest request) {
        return "true".equals(request.header(CompositeResource.FORCE_ALL_OR_NONE));
    }

    private static void checkSize(int size) {
        if (size > MAX_RECORDS) {
            throw ApiException.badRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than "
                    + MAX_RECORDS + " records into this call");
        }
    }

    private static void split(String commaSeparated, List<String> into) {
        if (commaSeparated != null) {
            Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(into::add);
        }
    }

    private static Map<String, Object> result(String id) {
        return SObjectResource.saveResult(id);
    }

    private static Map<String, Object> failure(String id, List<SalesforceError> errors) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (id != null) {
            result.put("id", SObjectStore.normalized(id));
        }
        result.put("success", false);
        result.put("errors", errors.stream().map(SalesforceError::toResultJson).toList());
        return result;
    }
}
