package io.rapport.sim.social;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The v1.1 endpoints the Camel Twitter component reaches through Twitter4J 4.1: standard search
 * ({@code search/tweets.json}, with {@code search_metadata.next_results} paging), the brand's mentions timeline, its
 * direct message events, and the account look-ups ({@code account/verify_credentials.json},
 * {@code users/show.json}). The authenticated user is always the brand account.
 */
final class V1Api {

    private static final Duration SEARCH_WINDOW = Duration.ofDays(7);
    private static final Duration DIRECT_MESSAGE_WINDOW = Duration.ofDays(30);

    private final Timeline timeline;
    private final DirectMessages directMessages;
    private final V1Format format;
    private final Supplier<Author> brand;
    private final Clock clock;

    V1Api(Timeline timeline, DirectMessages directMessages, V1Format format, Supplier<Author> brand, Clock clock) {
        this.timeline = timeline;
        this.directMessages = directMessages;
        this.format = format;
        this.brand = brand;
        this.clock = clock;
    }

    void registerWith(ApiHandler handler) {
        handler.register(XEndpoint.V1_SEARCH, this::search);
        handler.register(XEndpoint.V1_MENTIONS_TIMELINE, this::mentions);
        handler.register(XEndpoint.V1_DIRECT_MESSAGES, this::directMessages);
        handler.register(XEndpoint.V1_VERIFY_CREDENTIALS, call -> ApiAnswer.ok(format.user(brand.get())));
        handler.register(XEndpoint.V1_USERS_SHOW, this::showUser);
    }

    ApiAnswer search(ApiCall call) {
        String q = call.param("q");
        if (q == null) {
            return XErrors.v1(400, 25, "Query parameters are missing.");
        }
        SearchQuery query;
        try {
            query = SearchQuery.parse(q);
        } catch (SearchQuery.InvalidQuery e) {
            return XErrors.v1(400, 195, "Missing or invalid url parameter.");
        }
        String lang = call.param("lang");
        int count;
        long sinceId;
        long maxId;
        try {
            count = Math.min(100, Math.max(1, (int) RecentSearch.idParam(call, "count", 15)));
            sinceId = RecentSearch.idParam(call, "since_id", 0);
            maxId = RecentSearch.idParam(call, "max_id", Long.MAX_VALUE);
        } catch (IllegalArgumentException e) {
            return XErrors.v1(400, 195, "Missing or invalid url parameter.");
        }
        Instant oldest = clock.instant().minus(SEARCH_WINDOW);
        List<Post> found = new ArrayList<>();
        boolean more = false;
        for (Post post : timeline.newestFirst()) {
            if (post.id() > maxId) {
                continue;
            }
            if (post.id() <= sinceId || post.createdAt().isBefore(oldest)) {
                break;
            }
            if ((lang != null && !lang.equalsIgnoreCase(post.lang())) || !query.matches(post)) {
                continue;
            }
            if (found.size() == count) {
                more = true;
                break;
            }
            found.add(post);
        }
        boolean extended = "extended".equals(call.param("tweet_mode"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statuses", found.stream().map(p -> format.status(p, extended, true)).toList());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("completed_in", 0.012);
        long newest = found.isEmpty() ? 0 : found.get(0).id();
        metadata.put("max_id", newest);
        metadata.put("max_id_str", String.valueOf(newest));
        if (more) {
            metadata.put("next_results", "?max_id=" + (found.get(found.size() - 1).id() - 1) + "&q=" + encode(q)
                    + (lang == null ? "" : "&lang=" + encode(lang)) + "&count=" + count
                    + "&include_entities=1&result_type=mixed");
        }
        metadata.put("query", encode(q));
        metadata.put("refresh_url", "?since_id=" + newest + "&q=" + encode(q) + "&result_type=mixed&include_entities=1");
        metadata.put("count", count);
        metadata.put("since_id", sinceId);
        metadata.put("since_id_str", String.valueOf(sinceId));
        body.put("search_metadata", metadata);
        return ApiAnswer.ok(body);
    }

    /** Posts that mention the brand (not its own, not retweets), newest first; {@code page} counts from 1. */
    ApiAnswer mentions(ApiCall call) {
        int count;
        long sinceId;
        long maxId;
        long page;
        try {
            count = (int) Math.min(200, Math.max(1, RecentSearch.idParam(call, "count", 20)));
            sinceId = RecentSearch.idParam(call, "since_id", 0);
            maxId = RecentSearch.idParam(call, "max_id", Long.MAX_VALUE);
            page = Math.max(1, RecentSearch.idParam(call, "page", 1));
        } catch (IllegalArgumentException e) {
            return XErrors.v1(400, 195, "Missing or invalid url parameter.");
        }
        Author me = brand.get();
        boolean extended = "extended".equals(call.param("tweet_mode"));
        List<Object> statuses = timeline.newestFirst().stream()
                .filter(p -> p.id() <= maxId)
                .takeWhile(p -> p.id() > sinceId)
                .filter(p -> p.author().id() != me.id() && !p.isRetweet() && p.entities().mentions(me.username()))
                .skip((page - 1) * count)
                .limit(count)
                .map(p -> (Object) format.status(p, extended, false))
                .toList();
        return ApiAnswer.ok(statuses);
    }

    /** The brand's direct message events of the last 30 days, newest first, {@code count} (max 50) per cursor. */
    ApiAnswer directMessages(ApiCall call) {
        int count;
        try {
            count = (int) Math.min(50, Math.max(1, RecentSearch.idParam(call, "count", 20)));
        } catch (IllegalArgumentException e) {
            return XErrors.v1(400, 195, "Missing or invalid url parameter.");
        }
        long below = Long.MAX_VALUE;
        String cursor = call.param("cursor");
        if (cursor != null) {
            Long decoded = RecentSearch.PageToken.decode(cursor);
            if (decoded == null) {
                return XErrors.v1(400, 195, "Missing or invalid url parameter.");
            }
            below = decoded;
        }
        Instant oldest = clock.instant().minus(DIRECT_MESSAGE_WINDOW);
        long ceiling = below;
        List<DirectMessage> page = directMessages.newestFirst().stream()
                .filter(m -> m.id() < ceiling && !m.createdAt().isBefore(oldest))
                .limit(count + 1L)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        List<DirectMessage> shown = page.subList(0, Math.min(count, page.size()));
        body.put("events", shown.stream().map(format::event).toList());
        if (page.size() > count) {
            body.put("next_cursor", RecentSearch.PageToken.encode(shown.get(shown.size() - 1).id()));
        }
        return ApiAnswer.ok(body);
    }

    ApiAnswer showUser(ApiCall call) {
        Optional<Author> author = Optional.empty();
        if (call.param("screen_name") != null) {
            author = timeline.findAuthor(call.param("screen_name"));
        } else if (call.param("user_id") != null) {
            try {
                author = timeline.findAuthor(Long.parseLong(call.param("user_id")));
            } catch (NumberFormatException e) {
                return XErrors.v1(400, 195, "Missing or invalid url parameter.");
            }
        } else {
            return XErrors.v1(400, 25, "Query parameters are missing.");
        }
        return author.map(a -> ApiAnswer.ok(format.user(a))).orElseGet(() -> XErrors.v1(404, 50, "User not found."));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
