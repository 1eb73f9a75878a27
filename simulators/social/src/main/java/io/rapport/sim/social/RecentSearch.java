package io.rapport.sim.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /2/tweets/search/recent}: the posts of the last seven days that match a query, newest first, in pages
 * of {@code max_results} (10-100) linked by {@code next_token}, bounded by {@code since_id}/{@code until_id} and
 * {@code start_time}/{@code end_time}, with X's {@code meta} and the {@code includes} the expansions ask for.
 */
final class RecentSearch implements ApiHandler.Endpoint {

    static final Duration WINDOW = Duration.ofDays(7);
    private static final int MAX_QUERY_LENGTH = 512;

    private final Timeline timeline;
    private final V2Format format;
    private final Clock clock;

    RecentSearch(Timeline timeline, V2Format format, Clock clock) {
        this.timeline = timeline;
        this.format = format;
        this.clock = clock;
    }

    @Override
    public ApiAnswer answer(ApiCall call) {
        String queryText = call.param("query");
        if (queryText == null) {
            return XErrors.invalidRequest("query", "", "The `query` query parameter can not be empty");
        }
        if (queryText.length() > MAX_QUERY_LENGTH) {
            return XErrors.invalidRequest("query", queryText, "The `query` query parameter value is too long: "
                    + queryText.length() + " characters, at most " + MAX_QUERY_LENGTH);
        }
        SearchQuery query;
        V2Fields fields;
        try {
            query = SearchQuery.parse(queryText);
            fields = V2Fields.of(call);
        } catch (SearchQuery.InvalidQuery e) {
            return XErrors.invalidRequest("query", queryText, e.getMessage());
        } catch (V2Fields.Invalid e) {
            return e.answer;
        }
        int maxResults;
        long sinceId;
        long untilId;
        Instant start;
        Instant end;
        try {
            maxResults = intParam(call, "max_results", 10);
            if (maxResults < 10 || maxResults > 100) {
                return XErrors.invalidRequest("max_results", call.param("max_results"), "The `max_results` query"
                        + " parameter value [" + maxResults + "] is not between 10 and 100");
            }
            sinceId = idParam(call, "since_id", Long.MIN_VALUE);
            untilId = idParam(call, "until_id", Long.MAX_VALUE);
            Instant now = clock.instant();
            start = timeParam(call, "start_time", now.minus(WINDOW));
            end = timeParam(call, "end_time", now.plusSeconds(1));
            if (start.isBefore(now.minus(WINDOW))) {
                return XErrors.invalidRequest("start_time", call.param("start_time"), "Invalid 'start_time':'"
                        + call.param("start_time") + "'. 'start_time' must be on or after "
                        + V2Format.TIME.format(now.minus(WINDOW)));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return XErrors.invalidRequest("query", queryText, e.getMessage());
        }
        String token = call.param("next_token") != null ? call.param("next_token") : call.param("pagination_token");
        if (token != null) {
            Long below = PageToken.decode(token);
            if (below == null) {
                return XErrors.invalidRequest("next_token", token, "The `next_token` query parameter value ["
                        + token + "] is not valid");
            }
            untilId = Math.min(untilId, below);
        }

        List<Post> page = new ArrayList<>();
        boolean more = false;
        for (Post post : timeline.newestFirst()) {
            if (post.id() >= untilId || post.createdAt().isAfter(end)) {
                continue;
            }
            if (post.id() <= sinceId || post.createdAt().isBefore(start)) {
                break;
            }
            if (!query.matches(post)) {
                continue;
            }
            if (page.size() == maxResults) {
                more = true;
                break;
            }
            page.add(post);
        }
        return ApiAnswer.ok(page(page, fields, more));
    }

    private Map<String, Object> page(List<Post> page, V2Fields fields, boolean more) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            body.put("data", page.stream().map(p -> format.tweet(p, fields)).toList());
            Map<String, Object> includes = format.includes(page, fields);
            if (!includes.isEmpty()) {
                body.put("includes", includes);
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        if (!page.isEmpty()) {
            meta.put("newest_id", String.valueOf(page.get(0).id()));
            meta.put("oldest_id", String.valueOf(page.get(page.size() - 1).id()));
        }
        meta.put("result_count", page.size());
        if (more) {
            meta.put("next_token", PageToken.encode(page.get(page.size() - 1).id()));
        }
        body.put("meta", meta);
        return body;
    }

    private static int intParam(ApiCall call, String name, int defaultValue) {
        String value = call.param(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The `" + name + "` query parameter value [" + value
                    + "] is not a number");
        }
    }

    static long idParam(ApiCall call, String name, long defaultValue) {
        String value = call.param(name);
        if (value == null) {
            return defaultValue;
        }
        if (!value.matches("\\d{1,19}")) {
            throw new IllegalArgumentException("The `" + name + "` query parameter value [" + value
                    + "] does not match ^[0-9]{1,19}$");
        }
        return Long.parseLong(value);
    }

    private static Instant timeParam(ApiCall call, String name, Instant defaultValue) {
        String value = call.param(name);
        return value == null ? defaultValue : Instant.parse(value);
    }

    /** X's opaque {@code next_token}: here the id the next page starts below, in base 36 behind a fixed prefix. */
    static final class PageToken {
        private static final String PREFIX = "b26v89c19zqg8o3f";

        private PageToken() {
        }

        static String encode(long belowId) {
            return PREFIX + Long.toString(belowId, 36);
        }

        static Long decode(String token) {
            if (!token.startsWith(PREFIX)) {
                return null;
            }
            try {
                return Long.parseLong(token.substring(PREFIX.length()), 36);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
