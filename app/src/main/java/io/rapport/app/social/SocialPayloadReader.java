package io.rapport.app.social;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.core.social.Engagement;
import io.rapport.core.social.PostReference;
import io.rapport.core.social.SocialAuthor;
import io.rapport.core.social.SocialEvent;
import io.rapport.core.social.XPostNormalizer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Normalizer's front door for social posts: reads one post in either shape the API accepts, an X API v2 document
 * ({@code {"data": {...}, "includes": {"users": [...]}}}) or the canonical social event, into a {@link SocialEvent}.
 * Strict on purpose: a field it does not know is an error naming its path, so a misspelt or misplaced field is
 * caught where it is sent instead of being silently dropped.
 */
public class SocialPayloadReader {

    /** A payload that cannot become a social event; the message names every offending path. */
    public static class InvalidPayloadException extends IllegalArgumentException {
        public InvalidPayloadException(String message) {
            super(message);
        }
    }

    // X API v2 Post and User fields, as documented (docs.x.com, "Post fields" / "User fields")
    static final Set<String> X_DOCUMENT = Set.of("data", "includes", "matching_rules", "errors", "meta");
    static final Set<String> X_POST = Set.of("id", "text", "attachments", "article", "author_id", "card_uri",
            "community_id", "context_annotations", "conversation_id", "created_at", "display_text_range",
            "edit_controls", "edit_history_tweet_ids", "entities", "geo", "in_reply_to_user_id", "lang",
            "media_metadata", "non_public_metrics", "note_tweet", "organic_metrics", "possibly_sensitive",
            "promoted_metrics", "public_metrics", "referenced_tweets", "reply_settings", "scopes", "source",
            "withheld");
    static final Set<String> X_INCLUDES = Set.of("users", "tweets", "media", "places", "polls", "topics");
    static final Set<String> X_USER = Set.of("id", "name", "username", "affiliation", "connection_status",
            "created_at", "description", "entities", "location", "most_recent_tweet_id", "pinned_tweet_id",
            "profile_banner_url", "profile_image_url", "protected", "public_metrics", "receives_your_dm",
            "subscription_type", "url", "verified", "verified_type", "withheld");

    static final Set<String> CANONICAL = Set.of("platform", "postId", "author", "text", "language", "createdAt",
            "conversationId", "references", "mentions", "hashtags", "engagement", "url", "rawPayloadId");
    static final Set<String> CANONICAL_AUTHOR = Set.of("id", "handle", "displayName", "followers", "following",
            "verified");
    static final Set<String> CANONICAL_ENGAGEMENT = Set.of("likes", "replies", "reposts", "quotes");
    static final Set<String> CANONICAL_REFERENCE = Set.of("kind", "postId");

    private final ObjectMapper json;
    private final XPostNormalizer xPosts = new XPostNormalizer();
    private final int maxTextChars;

    public SocialPayloadReader(ObjectMapper json, int maxTextChars) {
        // a key given twice would otherwise silently keep its last value
        this.json = json.copy().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        this.maxTextChars = maxTextChars;
    }

    /**
     * @param source       the source the post came through (the webhook's {@code source}); the platform of a
     *                     canonical event that names none
     * @param rawPayloadId the id the hub keeps the raw payload under
     */
    public SocialEvent read(String source, String payload, String rawPayloadId) {
        JsonNode root;
        try {
            root = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new InvalidPayloadException("not well-formed JSON: " + e.getOriginalMessage()
                    + location(e));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPayloadException("the body must be one JSON object: an X API v2 post"
                    + " {\"data\": {...}, \"includes\": {...}} or a canonical social event");
        }
        List<String> problems = new ArrayList<>();
        SocialEvent event = root.has("data") ? xPost(root, rawPayloadId, problems)
                : canonical(root, source, rawPayloadId, problems);
        if (!problems.isEmpty()) {
            throw new InvalidPayloadException(String.join("; ", problems));
        }
        if (event.text().length() > maxTextChars) {
            throw new InvalidPayloadException("text is " + event.text().length() + " characters long; the limit is "
                    + maxTextChars);
        }
        return event;
    }

    private SocialEvent xPost(JsonNode root, String rawPayloadId, List<String> problems) {
        unknownFields(root, "", X_DOCUMENT, problems);
        JsonNode data = root.get("data");
        if (data.isArray()) {
            problems.add("data is an array: send one post per request, with data as an object");
            return null;
        }
        if (data.isObject()) {
            unknownFields(data, "data.", X_POST, problems);
        }
        JsonNode includes = root.get("includes");
        if (includes != null && includes.isObject()) {
            unknownFields(includes, "includes.", X_INCLUDES, problems);
            JsonNode users = includes.get("users");
            if (users != null && users.isArray()) {
                for (int i = 0; i < users.size(); i++) {
                    unknownFields(users.get(i), "includes.users[" + i + "].", X_USER, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        try {
            return xPosts.normalize(json.convertValue(root, new TypeReference<Map<String, Object>>() { }),
                    rawPayloadId);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static SocialEvent canonical(JsonNode root, String source, String rawPayloadId, List<String> problems) {
        unknownFields(root, "", CANONICAL, problems);
        JsonNode authorNode = root.get("author");
        if (authorNode != null && authorNode.isObject()) {
            unknownFields(authorNode, "author.", CANONICAL_AUTHOR, problems);
        }
        JsonNode engagementNode = root.get("engagement");
        if (engagementNode != null && engagementNode.isObject()) {
            unknownFields(engagementNode, "engagement.", CANONICAL_ENGAGEMENT, problems);
        }
        String platform = text(root, "platform", false, problems);
        String postId = text(root, "postId", true, problems);
        String text = text(root, "text", true, problems);
        Instant createdAt = instant(root, "createdAt", problems);
        SocialAuthor author = null;
        if (authorNode == null || !authorNode.isObject()) {
            problems.add("author: required, an object with at least id");
        } else {
            String id = text(authorNode, "id", true, problems, "author.");
            if (id != null) {
                author = new SocialAuthor(id, text(authorNode, "handle", false, problems, "author."),
                        text(authorNode, "displayName", false, problems, "author."),
                        count(authorNode, "followers", problems, "author."),
                        count(authorNode, "following", problems, "author."),
                        flag(authorNode, "verified", problems, "author."));
            }
        }
        Engagement engagement = engagementNode == null || engagementNode.isNull() ? Engagement.NONE
                : new Engagement(count(engagementNode, "likes", problems, "engagement."),
                count(engagementNode, "replies", problems, "engagement."),
                count(engagementNode, "reposts", problems, "engagement."),
                count(engagementNode, "quotes", problems, "engagement."));
        List<PostReference> references = references(root.get("references"), problems);
        List<String> mentions = words(root, "mentions", problems);
        List<String> hashtags = words(root, "hashtags", problems);
        String language = text(root, "language", false, problems);
        String conversationId = text(root, "conversationId", false, problems);
        String url = text(root, "url", false, problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new SocialEvent(platform == null ? source : platform.toLowerCase(Locale.ROOT), postId, author, text,
                language, createdAt, conversationId, references, mentions, hashtags, engagement, url, rawPayloadId);
    }

    private static List<PostReference> references(JsonNode node, List<String> problems) {
        List<PostReference> references = new ArrayList<>();
        if (node == null || node.isNull()) {
            return references;
        }
        if (!node.isArray()) {
            problems.add("references: must be an array of {\"kind\": \"REPOST|QUOTE|REPLY\", \"postId\": \"...\"}");
            return references;
        }
        for (int i = 0; i < node.size(); i++) {
            String path = "references[" + i + "].";
            JsonNode reference = node.get(i);
            if (!reference.isObject()) {
                problems.add(path.substring(0, path.length() - 1) + ": must be an object");
                continue;
            }
            unknownFields(reference, path, CANONICAL_REFERENCE, problems);
            String kind = text(reference, "kind", true, problems, path);
            String postId = text(reference, "postId", true, problems, path);
            if (kind == null || postId == null) {
                continue;
            }
            try {
                references.add(new PostReference(PostReference.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), postId));
            } catch (IllegalArgumentException e) {
                problems.add(path + "kind: '" + kind + "' is not one of REPOST, QUOTE, REPLY");
            }
        }
        return references;
    }

    private static List<String> words(JsonNode root, String name, List<String> problems) {
        JsonNode node = root.get(name);
        List<String> words = new ArrayList<>();
        if (node == null || node.isNull()) {
            return words;
        }
        if (!node.isArray()) {
            problems.add(name + ": must be an array of strings");
            return words;
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                problems.add(name + "[" + i + "]: must be a string");
            } else {
                words.add(node.get(i).asText().replaceFirst("^[@#]", "").toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    private static void unknownFields(JsonNode node, String path, Set<String> known, List<String> problems) {
        if (!node.isObject()) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(path + name + ": unknown field (known here: " + String.join(", ", known.stream().sorted()
                        .toList()) + ")");
            }
        }
    }

    private static String text(JsonNode parent, String name, boolean required, List<String> problems) {
        return text(parent, name, required, problems, "");
    }

    private static String text(JsonNode parent, String name, boolean required, List<String> problems, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(path + name + ": required");
            }
            return null;
        }
        if (!node.isTextual() && !node.isNumber()) {
            problems.add(path + name + ": must be a string");
            return null;
        }
        String value = node.asText();
        if (required && value.isBlank()) {
            problems.add(path + name + ": must not be blank");
            return null;
        }
        return value.isBlank() ? null : value;
    }

    private static Instant instant(JsonNode root, String name, List<String> problems) {
        String value = text(root, name, true, problems);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(name + ": '" + value + "' is not an ISO-8601 instant such as 2026-11-24T10:15:00Z");
            return null;
        }
    }

    private static long count(JsonNode parent, String name, List<String> problems, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return 0;
        }
        if (!node.canConvertToLong() || node.asLong() < 0) {
            problems.add(path + name + ": must be a whole number, 0 or more");
            return 0;
        }
        return node.asLong();
    }

    private static boolean flag(JsonNode parent, String name, List<String> problems, String path) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            problems.add(path + name + ": must be true or false");
            return false;
        }
        return node.asBoolean();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }
}
