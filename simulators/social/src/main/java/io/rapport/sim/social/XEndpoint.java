package io.rapport.sim.social;

import java.time.Duration;

/**
 * The X API endpoints the sandbox serves, each with its own rate-limit window, as X counts them, and the default
 * limit per window: X's Basic tier for v2 recent search, Pro for the filtered stream (Basic has none) and for posting,
 * and the v1.1 standard limits per user.
 */
public enum XEndpoint {
    RECENT_SEARCH("GET", "/2/tweets/search/recent", 60, Duration.ofMinutes(15)),
    STREAM("GET", "/2/tweets/search/stream", 50, Duration.ofMinutes(15)),
    STREAM_RULES_LIST("GET", "/2/tweets/search/stream/rules", 450, Duration.ofMinutes(15)),
    STREAM_RULES_CHANGE("POST", "/2/tweets/search/stream/rules", 100, Duration.ofMinutes(15)),
    /** Posting (replies): user context only; Pro's 100 per 15 minutes per user. */
    CREATE_POST("POST", "/2/tweets", 100, Duration.ofMinutes(15)),
    V1_SEARCH("GET", "/1.1/search/tweets.json", 180, Duration.ofMinutes(15)),
    V1_MENTIONS_TIMELINE("GET", "/1.1/statuses/mentions_timeline.json", 75, Duration.ofMinutes(15)),
    V1_DIRECT_MESSAGES("GET", "/1.1/direct_messages/events/list.json", 15, Duration.ofMinutes(15)),
    V1_VERIFY_CREDENTIALS("GET", "/1.1/account/verify_credentials.json", 75, Duration.ofMinutes(15)),
    V1_USERS_SHOW("GET", "/1.1/users/show.json", 900, Duration.ofMinutes(15));

    private final String method;
    private final String path;
    private final int defaultLimit;
    private final Duration defaultWindow;

    XEndpoint(String method, String path, int defaultLimit, Duration defaultWindow) {
        this.method = method;
        this.path = path;
        this.defaultLimit = defaultLimit;
        this.defaultWindow = defaultWindow;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public RateLimit defaultLimit() {
        return new RateLimit(defaultLimit, defaultWindow);
    }

    /** Whether it is a v1.1 endpoint (OAuth 1.0a, v1.1 error bodies) rather than v2 (bearer token, problem JSON). */
    public boolean isV1() {
        return path.startsWith("/1.1/");
    }

    /** Whether X takes it only in a user's name (OAuth 1.0a or OAuth 2.0 user context), never app-only. */
    public boolean needsUserContext() {
        return this == CREATE_POST;
    }

    /** {@code "GET /2/tweets/search/recent"}: the key of {@link SocialSandbox#requestCounts()}. */
    public String key() {
        return method + " " + path;
    }

    static XEndpoint find(String method, String path) {
        for (XEndpoint endpoint : values()) {
            if (endpoint.method.equals(method) && endpoint.path.equals(path)) {
                return endpoint;
            }
        }
        return null;
    }
}
