package io.rapport.sim.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chatter (Connect REST API) feed items: {@code POST chatter/feed-elements} posts a text post with Text, Mention,
 * Link and Hashtag segments to a record's, user's or group's feed, {@code GET chatter/feed-elements/{id}} reads one,
 * {@code GET chatter/feeds/record/{id}/feed-elements} pages through a feed, newest first. Posts are {@code FeedItem}
 * records in the store (so SOQL sees them, with {@code ParentId} and {@code Body}); the segments are kept beside them
 * to render mentions as Salesforce does.
 */
final class ChatterResource {

    /** Salesforce's limit on a feed item's body. */
    static final int MAX_BODY = 10_000;
    private static final DateTimeFormatter CHATTER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private final SObjectStore store;
    private final String apiUserId;
    private final Map<String, List<Map<String, Object>>> segments = new ConcurrentHashMap<>();

    ChatterResource(SObjectStore store, String apiUserId) {
        this.store = store;
        this.apiUserId = apiUserId;
    }

    ApiResponse handle(ApiRequest request, SObjectStore.Caller caller) {
        List<String> path = request.path();
        if (path.size() >= 2 && path.get(1).equals("feed-elements")) {
            if (path.size() == 2) {
                if (!request.method().equals("POST")) {
                    throw ApiException.methodNotAllowed(request.method(), "POST");
                }
                return ApiResponse.json(201, post(request, caller));
            }
            if (path.size() == 3) {
                return element(request, caller, path.get(2));
            }
        }
        if (path.size() == 5 && path.get(1).equals("feeds") && path.get(2).equals("record")
                && path.get(4).equals("feed-elements")) {
            if (!request.method().equals("GET")) {
                throw ApiException.methodNotAllowed(request.method(), "GET");
            }
            return ApiResponse.json(200, feed(request, subject(path.get(3))));
        }
        throw ApiException.notFound();
    }

    /** The feed of a record, user or group, newest first, as the API renders its elements. */
    List<Map<String, Object>> elements(String subjectId, String version) {
        List<String> ids = new ArrayList<>(store.findByField("FeedItem", "ParentId", subjectId));
        Collections.reverse(ids);
        List<Map<String, Object>> elements = new ArrayList<>(ids.size());
        for (String id : ids) {
            store.get("FeedItem", id).ifPresent(item -> elements.add(render(version, item)));
        }
        return elements;
    }

    private Map<String, Object> post(ApiRequest request, SObjectStore.Caller caller) {
        JsonNode input = request.json();
        String elementType = input.path("feedElementType").asText("");
        if (!elementType.equals("FeedItem")) {
            throw invalid("feedElementType must be FeedItem, not '" + elementType + "'");
        }
        String subjectId = input.path("subjectId").asText("");
        if (subjectId.isBlank()) {
            throw invalid("subjectId is required");
        }
        String parent = subject(subjectId);
        JsonNode messageSegments = input.path("body").path("messageSegments");
        if (!messageSegments.isArray() || messageSegments.isEmpty()) {
            throw invalid("body.messageSegments must hold at least one segment");
        }
        List<Map<String, Object>> rendered = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (JsonNode segment : messageSegments) {
            Map<String, Object> output = segment(request.version(), segment);
            rendered.add(output);
            text.append(output.getOrDefault("text", ""));
        }
        if (text.toString().isBlank()) {
            throw invalid("the body of a feed item must not be empty");
        }
        if (text.length() > MAX_BODY) {
            throw invalid("the body of a feed item is limited to " + MAX_BODY + " characters, not " + text.length());
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ParentId", parent);
        fields.put("Body", text.toString());
        fields.put("Type", "TextPost");
        fields.put("IsRichText", false);
        String id = store.transaction(caller, tx -> tx.create("FeedItem", fields));
        segments.put(id, List.copyOf(rendered));
        return render(request.version(), store.get("FeedItem", id).orElseThrow());
    }

    private ApiResponse element(ApiRequest request, SObjectStore.Caller caller, String id) {
        Map<String, Object> item = store.get("FeedItem", id).orElseThrow(ApiException::notFound);
        switch (request.method()) {
            case "GET":
                return ApiResponse.json(200, render(request.version(), item));
            case "DELETE":
                store.transaction(caller, tx -> {
                    tx.delete("FeedItem", id);
                    return null;
                });
                return ApiResponse.noContent();
            default:
                throw ApiException.methodNotAllowed(request.method(), "GET,DELETE");
        }
    }

    private Map<String, Object> feed(ApiRequest request, String subjectId) {
        int pageSize = intParameter(request, "pageSize", 25);
        if (pageSize < 1 || pageSize > 100) {
            throw invalid("pageSize must be from 1 through 100");
        }
        int from = intParameter(request, "page", 0);
        List<Map<String, Object>> all = elements(subjectId, request.version());
        String url = "/services/data/v" + request.version() + "/chatter/feeds/record/" + subjectId + "/feed-elements";
        int to = Math.min(all.size(), from + pageSize);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("currentPageToken", from == 0 ? null : Integer.toString(from));
        page.put("currentPageUrl", url);
        page.put("elements", from >= all.size() ? List.of() : all.subList(from, to));
        page.put("isModifiedToken", null);
        page.put("isModifiedUrl", null);
        page.put("nextPageToken", to < all.size() ? Integer.toString(to) : null);
        page.put("nextPageUrl", to < all.size() ? url + "?page=" + to + "&pageSize=" + pageSize : null);
        page.put("updatesToken", null);
        page.put("updatesUrl", null);
        return page;
    }

    /** The id a subject names: {@code me} is the API user; anything else must be a live record, user or group. */
    private String subject(String subjectId) {
        String id = subjectId.equals("me") ? apiUserId : subjectId;
        if (store.typeOf(id).filter(type -> !store.isDeleted(type, id)).isEmpty()) {
            throw ApiException.notFound();
        }
        return SObjectStore.normalized(id);
    }

    private Map<String, Object> segment(String version, JsonNode segment) {
        String type = segment.path("type").asText("");
        Map<String, Object> output = new LinkedHashMap<>();
        switch (type) {
            case "Text" -> {
                if (!segment.path("text").isTextual()) {
                    throw invalid("a Text segment needs its text");
                }
                output.put("text", segment.path("text").asText());
                output.put("type", "Text");
            }
            case "Mention" -> {
                String id = segment.path("id").asText("");
                String mentioned = store.typeOf(id).orElse(null);
                if (mentioned == null || !(mentioned.equals("User") || mentioned.equals("CollaborationGroup"))) {
                    throw invalid("a Mention segment needs the id of a user or group, not '" + id + "'");
                }
                Map<String, Object> record = summary(version, SObjectStore.normalized(id));
                output.put("accessible", true);
                output.put("name", record.get("name"));
                output.put("record", record);
                output.put("text", "@" + record.get("name"));
                output.put("type", "Mention");
            }
            case "Link" -> {
                String url = segment.path("url").asText("");
                if (url.isBlank()) {
                    throw invalid("a Link segment needs its url");
                }
                output.put("text", url);
                output.put("type", "Link");
                output.put("url", url);
            }
            case "Hashtag" -> {
                String tag = segment.path("tag").asText("");
                if (tag.isBlank()) {
                    throw invalid("a Hashtag segment needs its tag");
                }
                output.put("tag", tag);
                output.put("text", "#" + tag);
                output.put("type", "Hashtag");
            }
            default -> throw invalid("message segment type '" + type + "' is not supported; use Text, Mention,"
                    + " Link or Hashtag");
        }
        return output;
    }

    private Map<String, Object> render(String version, Map<String, Object> item) {
        String id = (String) item.get("Id");
        String created = chatterDate(item.get("CreatedDate"));
        Map<String, Object> actor = summary(version, (String) item.get("CreatedById"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("isRichText", false);
        body.put("messageSegments", segments.getOrDefault(id, List.of(Map.of("text", item.get("Body"),
                "type", "Text"))));
        body.put("text", item.get("Body"));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("isRichText", null);
        header.put("messageSegments", List.of(Map.of("text", actor.get("name"), "type", "EntityLink")));
        header.put("text", actor.get("name"));

        Map<String, Object> element = new LinkedHashMap<>();
        element.put("actor", actor);
        element.put("body", body);
        element.put("capabilities", capabilities(version, id));
        element.put("createdDate", created);
        element.put("feedElementType", "FeedItem");
        element.put("header", header);
        element.put("id", id);
        element.put("isSharable", false);
        element.put("modifiedDate", chatterDate(item.get("LastModifiedDate")));
        element.put("parent", summary(version, (String) item.get("ParentId")));
        element.put("relativeCreatedDate", "Just now");
        element.put("type", item.get("Type"));
        element.put("url", "/services/data/v" + version + "/chatter/feed-elements/" + id);
        element.put("visibility", "AllUsers");
        return element;
    }

    private static Map<String, Object> capabilities(String version, String id) {
        String base = "/services/data/v" + version + "/chatter/feed-elements/" + id + "/capabilities";
        Map<String, Object> commentsPage = new LinkedHashMap<>();
        commentsPage.put("currentPageToken", null);
        commentsPage.put("currentPageUrl", base + "/comments/items");
        commentsPage.put("items", List.of());
        commentsPage.put("nextPageToken", null);
        commentsPage.put("nextPageUrl", null);
        commentsPage.put("total", 0);
        Map<String, Object> likesPage = new LinkedHashMap<>();
        likesPage.put("currentPageToken", null);
        likesPage.put("currentPageUrl", base + "/chatter-likes/items");
        likesPage.put("items", List.of());
        likesPage.put("nextPageToken", null);
        likesPage.put("nextPageUrl", null);
        likesPage.put("total", 0);
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("chatterLikes", Map.of("isLikedByCurrentUser", false, "page", likesPage));
        capabilities.put("comments", Map.of("page", commentsPage));
        return capabilities;
    }

    /** A user, group or record as the Connect API summarises one: id, name, type, url. */
    private Map<String, Object> summary(String version, String id) {
        String type = store.typeOf(id).orElse("User");
        Map<String, Object> record = store.get(type, id).orElse(Map.of());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        String name = nameOf(type, record);
        if (type.equals("User")) {
            summary.put("displayName", name);
            summary.put("firstName", record.get("FirstName"));
            summary.put("isActive", record.getOrDefault("IsActive", true));
            summary.put("lastName", record.get("LastName"));
            summary.put("name", name);
            summary.put("type", "User");
            summary.put("url", "/services/data/v" + version + "/chatter/users/" + id);
        } else if (type.equals("CollaborationGroup")) {
            summary.put("name", name);
            summary.put("type", "CollaborationGroup");
            summary.put("url", "/services/data/v" + version + "/chatter/groups/" + id);
        } else {
            summary.put("name", name);
            summary.put("type", type);
            summary.put("url", "/services/data/v" + version + "/chatter/records/" + id);
        }
        return summary;
    }

    private static String nameOf(String type, Map<String, Object> record) {
        Object name = Records.get(record, "Name");
        if (name != null) {
            return name.toString();
        }
        Object first = Records.get(record, "FirstName");
        Object last = Records.get(record, "LastName");
        if (last != null) {
            return first == null ? last.toString() : first + " " + last;
        }
        for (String field : List.of("Subject", "CaseNumber", "Title")) {
            Object value = Records.get(record, field);
            if (value != null) {
                return value.toString();
            }
        }
        return type;
    }

    private static String chatterDate(Object stamp) {
        if (stamp == null) {
            return null;
        }
        return OffsetDateTime.parse(stamp.toString(), STAMP).withOffsetSameInstant(ZoneOffset.UTC).format(CHATTER_DATE);
    }

    private static int intParameter(ApiRequest request, String name, int fallback) {
        String value = request.query().get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid(name + " must be a number, not '" + value + "'");
        }
    }

    private static ApiException invalid(String message) {
        return ApiException.badRequest("INVALID_API_INPUT", message);
    }
}
