package io.rapport.core.social;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Normalizer of X API v2 posts: the JSON shape {@code {"data": {...}, "includes": {"users": [...]}}} that recent
 * search, the filtered stream and a webhook carry, already parsed into maps and lists, becomes a {@link SocialEvent}.
 * Every field that is missing or unreadable is named by its path, all of them in one refusal.
 */
public final class XPostNormalizer {

    public static final String PLATFORM = "x";

    /**
     * @param rawPayloadId the id under which the hub keeps the payload
     * @throws IllegalArgumentException naming each path that is missing or unreadable
     */
    public SocialEvent normalize(Map<String, ?> payload, String rawPayloadId) {
        List<String> problems = new ArrayList<>();
        Map<String, ?> data = object(payload, "data", "data", problems);
        if (data == null) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String id = text(data, "id", "data.id", true, problems);
        String text = text(data, "text", "data.text", true, problems);
        String authorId = text(data, "author_id", "data.author_id", true, problems);
        Instant createdAt = instant(text(data, "created_at", "data.created_at", true, problems), "data.created_at",
                problems);
        String conversationId = text(data, "conversation_id", "data.conversation_id", false, problems);
        String lang = text(data, "lang", "data.lang", false, problems);
        Map<String, ?> metrics = object(data, "public_metrics", "data.public_metrics", null);
        List<PostReference> references = references(data, problems);
        Map<String, ?> entities = object(data, "entities", "data.entities", null);
        List<String> mentions = entityValues(entities, "mentions", "username");
        List<String> hashtags = entityValues(entities, "hashtags", "tag");
        Map<String, ?> user = user(payload, authorId);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        SocialAuthor author = author(authorId, user);
        Engagement engagement = metrics == null ? Engagement.NONE : new Engagement(count(metrics, "like_count"),
                count(metrics, "reply_count"), count(metrics, "retweet_count"), count(metrics, "quote_count"));
        String url = author.handle() == null ? null : "https://x.com/" + author.handle() + "/status/" + id;
        return new SocialEvent(PLATFORM, id, author, text, lang == null || lang.equals("und") ? null
                : lang.toLowerCase(Locale.ROOT), createdAt, conversationId, references, mentions, hashtags,
                engagement, url, rawPayloadId);
    }

    private static SocialAuthor author(String authorId, Map<String, ?> user) {
        if (user == null) {
            // the post came without its author's profile (a webhook that sends data only)
            return new SocialAuthor(authorId, null, null, 0, 0, false);
        }
        Map<String, ?> metrics = object(user, "public_metrics", "includes.users.public_metrics", null);
        return new SocialAuthor(authorId, string(user.get("username")), string(user.get("name")),
                metrics == null ? 0 : count(metrics, "followers_count"),
                metrics == null ? 0 : count(metrics, "following_count"), Boolean.TRUE.equals(user.get("verified")));
    }

    private static Map<String, ?> user(Map<String, ?> payload, String authorId) {
        Map<String, ?> includes = object(payload, "includes", "includes", null);
        if (includes == null || authorId == null || !(includes.get("users") instanceof List<?> users)) {
            return null;
        }
        for (Object user : users) {
            if (user instanceof Map<?, ?> map && authorId.equals(string(map.get("id")))) {
                @SuppressWarnings("unchecked")
                Map<String, ?> typed = (Map<String, ?>) map;
                return typed;
            }
        }
        return null;
    }

    private static List<PostReference> references(Map<String, ?> data, List<String> problems) {
        List<PostReference> references = new ArrayList<>();
        if (!(data.get("referenced_tweets") instanceof List<?> list)) {
            return references;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> reference)) {
                problems.add("data.referenced_tweets[" + i + "]: not an object");
                continue;
            }
            String type = string(reference.get("type"));
            String id = string(reference.get("id"));
            PostReference.Kind kind = type == null ? null : switch (type) {
                case "retweeted" -> PostReference.Kind.REPOST;
                case "quoted" -> PostReference.Kind.QUOTE;
                case "replied_to" -> PostReference.Kind.REPLY;
                default -> null;
            };
            if (kind == null || id == null) {
                problems.add("data.referenced_tweets[" + i + "]: expected type retweeted, quoted or replied_to and"
                        + " an id, got " + reference);
                continue;
            }
            references.add(new PostReference(kind, id));
        }
        return references;
    }

    private static List<String> entityValues(Map<String, ?> entities, String name, String field) {
        List<String> values = new ArrayList<>();
        if (entities != null && entities.get(name) instanceof List<?> list) {
            for (Object entity : list) {
                if (entity instanceof Map<?, ?> map && string(map.get(field)) != null) {
                    String value = string(map.get(field)).toLowerCase(Locale.ROOT);
                    if (!values.contains(value)) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> object(Map<String, ?> parent, String name, String path, List<String> problems) {
        Object value = parent.get(name);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, ?>) map;
        }
        if (problems != null) {
            problems.add(path + ": " + (value == null ? "required" : "expected an object"));
        }
        return null;
    }

    private static String text(Map<String, ?> parent, String name, String path, boolean required,
                               List<String> problems) {
        Object value = parent.get(name);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                problems.add(path + ": required");
            }
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            problems.add(path + ": expected text");
            return null;
        }
        return value.toString();
    }

    private static Instant instant(String value, String path, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(path + ": '" + value + "' is not an ISO-8601 UTC timestamp");
            return null;
        }
    }

    private static long count(Map<String, ?> metrics, String name) {
        return metrics.get(name) instanceof Number number ? number.longValue() : 0;
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
