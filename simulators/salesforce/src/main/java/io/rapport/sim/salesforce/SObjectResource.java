package io.rapport.sim.salesforce;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /sobjects/{Type}[/{id} | /{ExternalIdField}/{value}]}: create, read, update, delete one record, and
 * upsert or read it by external id.
 */
final class SObjectResource {

    private final SObjectStore store;
    private final SObjectTypes types;

    SObjectResource(SObjectStore store, SObjectTypes types) {
        this.store = store;
        this.types = types;
    }

    ApiResponse handle(ApiRequest request, SObjectStore.Caller caller) {
        if (request.path().size() < 2) {
            throw ApiException.notFound();
        }
        String type = types.require(request.segment(1));
        switch (request.path().size()) {
            case 2:
                if (!request.method().equals("POST")) {
                    throw ApiException.methodNotAllowed(request.method(), "GET,POST");
                }
                Map<String, Object> fields = request.fields();
                String id = store.transaction(caller, tx -> tx.create(type, fields));
                return ApiResponse.json(201, saveResult(id));
            case 3:
                return record(request, caller, type, request.segment(2));
            case 4:
                return byExternalId(request, caller, type, request.segment(2), request.segment(3));
            default:
                throw ApiException.notFound();
        }
    }

    private ApiResponse record(ApiRequest request, SObjectStore.Caller caller, String type, String id) {
        switch (request.method()) {
            case "GET": {
                Map<String, Object> record = store.get(type, id).orElseThrow(ApiException::notFound);
                return ApiResponse.json(200, withAttributes(request.version(), type, record,
                        request.query().get("fields")));
            }
            case "PATCH": {
                Map<String, Object> fields = request.fields();
                store.transaction(caller, tx -> {
                    tx.update(type, id, fields);
                    return null;
                });
                return ApiResponse.noContent();
            }
            case "DELETE":
                store.transaction(caller, tx -> {
                    tx.delete(type, id);
                    return null;
                });
                return ApiResponse.noContent();
            default:
                throw ApiException.methodNotAllowed(request.method(), "GET,PATCH,DELETE");
        }
    }

    private ApiResponse byExternalId(ApiRequest request, SObjectStore.Caller caller, String type, String field,
                                     String value) {
        if (request.method().equals("PATCH")) {
            Map<String, Object> fields = request.fields();
            try {
                SObjectStore.Upserted upserted = store.transaction(caller, tx -> tx.upsert(type, field, value, fields));
                Map<String, Object> reply = saveResult(upserted.id());
                reply.put("created", upserted.created());
                return ApiResponse.json(upserted.created() ? 201 : 200, reply);
            } catch (SObjectStore.AmbiguousExternalId e) {
                return ApiResponse.json(300, e.ids.stream().map(id -> url(request.version(), type, id)).toList());
            }
        }
        if (request.method().equals("GET")) {
            List<String> found = store.findByField(type, field, value);
            if (found.size() != 1) {
                throw ApiException.notFound();
            }
            return record(request, caller, type, found.get(0));
        }
        throw ApiException.methodNotAllowed(request.method(), "GET,PATCH");
    }

    static Map<String, Object> saveResult(String id) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", id);
        result.put("success", true);
        result.put("errors", List.of());
        return result;
    }

    static String url(String version, String type, String id) {
        return "/services/data/v" + version + "/sobjects/" + type + "/" + id;
    }

    /** A record as the REST API returns it: {@code attributes} first, then its fields (or the requested ones). */
    static Map<String, Object> withAttributes(String version, String type, Map<String, Object> record, String fields) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("attributes", attributes(version, type, (String) record.get("Id")));
        if (fields == null || fields.isBlank()) {
            reply.putAll(record);
        } else {
            for (String field : fields.split(",")) {
                String name = field.trim();
                String key = Records.keyOf(record, name);
                reply.put(key == null ? name : key, Records.get(record, name));
            }
        }
        return reply;
    }

    static Map<String, Object> attributes(String version, String type, String id) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", type);
        attributes.put("url", url(version, type, id));
        return attributes;
    }
}
