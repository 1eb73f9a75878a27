package io.rapport.connector.x.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits an X API v2 answer ({@code {"data":[...] or {...}, "includes":{"users":[...],"tweets":[...]}, ...}}) into one
 * document per post, {@code {"data":{...},"includes":{...}}}, each with only the includes that post refers to: its
 * author, the user it replies to, the users it mentions, and the posts it references with their authors. This is the
 * shape {@code XPostNormalizer.normalize} reads.
 */
public final class SinglePostDocuments {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** Newest id last; ids that are not numbers sort first (they go to the dead-letter endpoint anyway). */
    static final Comparator<String> BY_ID = Comparator.nullsFirst(Comparator.comparing(SinglePostDocuments::number,
            Comparator.nullsFirst(Comparator.naturalOrder())));

    private SinglePostDocuments() {
    }

    /** One document per post of the answer, in the answer's order; {@code extra} top-level keys are kept. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> split(Map<String, Object> answer, Set<String> extra) {
        Object data = answer.get("data");
        List<Object> posts = data instanceof List<?> list ? (List<Object>) list
                : data instanceof Map<?, ?> ? List.of(data) : List.of();
        Map<String, Object> includes = answer.get("includes") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        Map<String, Map<String, Object>> users = byId(includes.get("users"));
        Map<String, Map<String, Object>> tweets = byId(includes.get("tweets"));
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object post : posts) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("data", post);
            if (post instanceof Map<?, ?> map) {
                Map<String, Object> own = includesOf((Map<String, Object>) map, users, tweets);
                if (!own.isEmpty()) {
                    document.put("includes", own);
                }
            }
            for (String key : extra) {
                if (answer.containsKey(key)) {
                    document.put(key, answer.get(key));
                }
            }
            documents.add(document);
        }
        return documents;
    }

    /** The post's id, or null when it has none that reads as text. */
    public static String id(Map<String, Object> document) {
        return document.get("data") instanceof Map<?, ?> data && data.get("id") instanceof String id
                && !id.isBlank() ? id : null;
    }

    static BigInteger number(String id) {
        return id != null && id.matches("\\d{1,40}") ? new BigInteger(id) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> includesOf(Map<String, Object> post, Map<String, Map<String, Object>> users,
                                                  Map<String, Map<String, Object>> tweets) {
        Set<String> userIds = new LinkedHashSet<>();
        Set<String> tweetIds = new LinkedHashSet<>();
        add(userIds, post.get("author_id"));
        add(userIds, post.get("in_reply_to_user_id"));
        if (post.get("entities") instanceof Map<?, ?> entities && entities.get("mentions") instanceof List<?> list) {
            for (Object mention : list) {
                if (mention instanceof Map<?, ?> m) {
                    add(userIds, m.get("id"));
                }
            }
        }
        if (post.get("referenced_tweets") instanceof List<?> references) {
            for (Object reference : references) {
                if (reference instanceof Map<?, ?> r && r.get("id") != null) {
                    String id = r.get("id").toString();
                    Map<String, Object> referenced = tweets.get(id);
                    if (referenced != null) {
                        tweetIds.add(id);
                        add(userIds, referenced.get("author_id"));
                    }
                }
            }
        }
        Map<String, Object> own = new LinkedHashMap<>();
        List<Object> ownUsers = userIds.stream().filter(users::containsKey).map(id -> (Object) users.get(id)).toList();
        if (!ownUsers.isEmpty()) {
            own.put("users", ownUsers);
        }
        List<Object> ownTweets = tweetIds.stream().map(id -> (Object) tweets.get(id)).toList();
        if (!ownTweets.isEmpty()) {
            own.put("tweets", ownTweets);
        }
        return own;
    }

    private static void add(Set<String> ids, Object id) {
        if (id != null) {
            ids.add(id.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byId(Object list) {
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> map && map.get("id") != null) {
                    byId.put(map.get("id").toString(), (Map<String, Object>) map);
                }
            }
        }
        return byId;
    }
}
