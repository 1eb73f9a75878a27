package io.rapport.connector.x;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the X sources need, as plain values the app binds from its properties: the X API v2 recent-search
 * poller and filtered stream (bearer token), the Camel Twitter v1.1 consumers (OAuth 1.0a keys), the reconnect
 * back-off X documents, and where unreadable payloads go. {@link #toString()} never shows a secret.
 *
 * @param source        the name every message is stamped with ({@code rapportSource} header); {@code x} by default
 * @param baseUrl       X API v2's base URL without a trailing slash ({@value #DEFAULT_BASE_URL}, or the sandbox's)
 * @param bearerToken   the app-only bearer token for recent search and the filtered stream; secret
 * @param recentSearch  the recent-search poller
 * @param filteredStream the filtered stream and its rules
 * @param twitter       the Camel Twitter (v1.1) consumers
 * @param backoff       how long to wait after failures
 * @param deadLetterUri where a payload that cannot be read as a post goes, with the reason in
 *                      {@link XHeaders#DEAD_LETTER_REASON} (the app: {@code jms:queue:DLQ.inbound.social})
 */
public record XSourceSettings(String source, String baseUrl, String bearerToken, RecentSearch recentSearch,
                              FilteredStream filteredStream, Twitter twitter, Backoff backoff, String deadLetterUri) {

    public static final String DEFAULT_SOURCE = "x";
    public static final String DEFAULT_BASE_URL = "https://api.x.com";
    /** Logged at ERROR with the reason header, when the app names no dead-letter queue. */
    public static final String DEFAULT_DEAD_LETTER_URI =
            "log:io.rapport.connector.x.dead-letter?level=ERROR&showHeaders=true";

    public XSourceSettings {
        source = source == null || source.isBlank() ? DEFAULT_SOURCE : source.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl.strip().replaceAll("/+$", "");
        URI parsed = URI.create(baseUrl);
        if (!"http".equals(parsed.getScheme()) && !"https".equals(parsed.getScheme())) {
            throw new IllegalArgumentException("x.base-url must be an http(s) URL: " + baseUrl);
        }
        recentSearch = recentSearch == null ? RecentSearch.DISABLED : recentSearch;
        filteredStream = filteredStream == null ? FilteredStream.DISABLED : filteredStream;
        twitter = twitter == null ? Twitter.DISABLED : twitter;
        backoff = backoff == null ? Backoff.X_DOCUMENTED : backoff;
        deadLetterUri = deadLetterUri == null || deadLetterUri.isBlank() ? DEFAULT_DEAD_LETTER_URI : deadLetterUri;
        if ((recentSearch.enabled() || filteredStream.enabled()) && (bearerToken == null || bearerToken.isBlank())) {
            throw new IllegalArgumentException("x.bearer-token is required for recent search and the filtered stream");
        }
    }

    /** Nothing enabled, X's base URL and back-off: start from here and turn on what the app uses. */
    public static XSourceSettings defaults() {
        return new XSourceSettings(DEFAULT_SOURCE, DEFAULT_BASE_URL, null, RecentSearch.DISABLED,
                FilteredStream.DISABLED, Twitter.DISABLED, Backoff.X_DOCUMENTED, DEFAULT_DEAD_LETTER_URI);
    }

    public XSourceSettings withSource(String value) {
        return new XSourceSettings(value, baseUrl, bearerToken, recentSearch, filteredStream, twitter, backoff,
                deadLetterUri);
    }

    public XSourceSettings withBaseUrl(String value) {
        return new XSourceSettings(source, value, bearerToken, recentSearch, filteredStream, twitter, backoff,
                deadLetterUri);
    }

    public XSourceSettings withBearerToken(String value) {
        return new XSourceSettings(source, baseUrl, value, recentSearch, filteredStream, twitter, backoff,
                deadLetterUri);
    }

    public XSourceSettings withRecentSearch(RecentSearch value) {
        return new XSourceSettings(source, baseUrl, bearerToken, value, filteredStream, twitter, backoff,
                deadLetterUri);
    }

    public XSourceSettings withFilteredStream(FilteredStream value) {
        return new XSourceSettings(source, baseUrl, bearerToken, recentSearch, value, twitter, backoff,
                deadLetterUri);
    }

    public XSourceSettings withTwitter(Twitter value) {
        return new XSourceSettings(source, baseUrl, bearerToken, recentSearch, filteredStream, value, backoff,
                deadLetterUri);
    }

    public XSourceSettings withBackoff(Backoff value) {
        return new XSourceSettings(source, baseUrl, bearerToken, recentSearch, filteredStream, twitter, value,
                deadLetterUri);
    }

    public XSourceSettings withDeadLetterUri(String value) {
        return new XSourceSettings(source, baseUrl, bearerToken, recentSearch, filteredStream, twitter, backoff,
                value);
    }

    @Override
    public String toString() {
        return "XSourceSettings[source=" + source + ", baseUrl=" + baseUrl + ", bearerToken="
                + Secrets.mask(bearerToken) + ", recentSearch=" + recentSearch + ", filteredStream=" + filteredStream
                + ", twitter=" + twitter + ", backoff=" + backoff + ", deadLetterUri=" + deadLetterUri + "]";
    }

    /**
     * The X API v2 recent-search poller ({@code GET /2/tweets/search/recent}).
     *
     * @param query           X's query language, at most 512 characters (e.g. {@code @acme -is:retweet})
     * @param pollInterval    the pause between polls while nothing limits them (X Basic allows 60 searches per
     *                        15 minutes: no less than 15 s)
     * @param maxResults      posts per page, 10-100; one poll follows {@code next_token} until the end
     * @param initialLookback how far back the very first poll reads (no cursor yet); null for X's whole seven days
     */
    public record RecentSearch(boolean enabled, String query, Duration pollInterval, int maxResults,
                               Duration initialLookback) {

        public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
        public static final int DEFAULT_MAX_RESULTS = 100;
        public static final RecentSearch DISABLED = new RecentSearch(false, null, DEFAULT_POLL_INTERVAL,
                DEFAULT_MAX_RESULTS, null);

        public RecentSearch {
            pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
            maxResults = maxResults == 0 ? DEFAULT_MAX_RESULTS : maxResults;
            if (enabled) {
                if (query == null || query.isBlank() || query.length() > 512) {
                    throw new IllegalArgumentException("x.recent-search.query: 1-512 characters, got " + query);
                }
                if (maxResults < 10 || maxResults > 100) {
                    throw new IllegalArgumentException("x.recent-search.max-results: 10-100, got " + maxResults);
                }
                positive(pollInterval, "x.recent-search.poll-interval");
                if (initialLookback != null && (initialLookback.isNegative() || initialLookback.isZero()
                        || initialLookback.compareTo(Duration.ofDays(7)) >= 0)) {
                    throw new IllegalArgumentException("x.recent-search.initial-lookback: within X's 7 days of recent"
                            + " search, got " + initialLookback);
                }
            }
        }

        /** Enabled, polling every 30 s, 100 posts a page, X's whole seven days the first time. */
        public static RecentSearch of(String query) {
            return new RecentSearch(true, query, DEFAULT_POLL_INTERVAL, DEFAULT_MAX_RESULTS, null);
        }

        public RecentSearch every(Duration interval) {
            return new RecentSearch(enabled, query, interval, maxResults, initialLookback);
        }

        public RecentSearch pagesOf(int posts) {
            return new RecentSearch(enabled, query, pollInterval, posts, initialLookback);
        }

        public RecentSearch lookingBack(Duration lookback) {
            return new RecentSearch(enabled, query, pollInterval, maxResults, lookback);
        }
    }

    /** A filtered-stream rule as X takes it: a query (at most 1,024 characters) and an optional tag. */
    public record StreamRule(String value, String tag) {
        public StreamRule {
            if (value == null || value.isBlank() || value.length() > 1024) {
                throw new IllegalArgumentException("a stream rule is 1-1024 characters: " + value);
            }
            tag = tag == null || tag.isBlank() ? null : tag;
        }
    }

    /**
     * The X API v2 filtered stream ({@code GET /2/tweets/search/stream}) and its rules, which the connector makes
     * the server's rules at every start: it adds the missing ones and deletes the ones not configured.
     *
     * @param stallTimeout the silence (no post, no heartbeat) after which the connection counts as dead; X sends a
     *                     heartbeat every 20 s, so about three of them
     * @param maxLineBytes a line longer than this is dead-lettered instead of read into memory
     */
    public record FilteredStream(boolean enabled, List<StreamRule> rules, Duration stallTimeout, int maxLineBytes) {

        public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(60);
        public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
        public static final FilteredStream DISABLED = new FilteredStream(false, List.of(), DEFAULT_STALL_TIMEOUT,
                DEFAULT_MAX_LINE_BYTES);

        public FilteredStream {
            rules = rules == null ? List.of() : List.copyOf(rules);
            stallTimeout = stallTimeout == null ? DEFAULT_STALL_TIMEOUT : stallTimeout;
            maxLineBytes = maxLineBytes == 0 ? DEFAULT_MAX_LINE_BYTES : maxLineBytes;
            if (enabled) {
                if (rules.isEmpty()) {
                    throw new IllegalArgumentException("x.filtered-stream.rules: at least one rule; without rules"
                            + " the stream delivers nothing");
                }
                positive(stallTimeout, "x.filtered-stream.stall-timeout");
            }
        }

        public static FilteredStream of(List<StreamRule> rules) {
            return new FilteredStream(true, rules, DEFAULT_STALL_TIMEOUT, DEFAULT_MAX_LINE_BYTES);
        }

        public FilteredStream stallAfter(Duration timeout) {
            return new FilteredStream(enabled, rules, timeout, maxLineBytes);
        }
    }

    /**
     * The Camel Twitter component's v1.1 consumers: {@code twitter-search}, {@code twitter-timeline://mentions} and
     * {@code twitter-directmessage}, with OAuth 1.0a user-context keys.
     *
     * @param searchPages    pages of 100 the search consumer reads per poll (camel-twitter 4.17.0 never sends
     *                       {@code since_id}, so each poll re-reads the newest matches; more pages cover busier
     *                       queries at the price of more requests)
     * @param errorBackoffPolls polls skipped after a failed one (429, 5xx): the consumers' back-off
     * @param restBaseUrl    when set, the {@code twitter4j.restBaseURL} system property is set to it before the
     *                       routes start (Twitter4J reads its base URL nowhere else); JVM-wide
     */
    public record Twitter(boolean searchEnabled, String searchQuery, boolean mentionsEnabled,
                          boolean directMessagesEnabled, Duration pollInterval, int searchPages, int errorBackoffPolls,
                          String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret,
                          String restBaseUrl) {

        public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(60);
        public static final Twitter DISABLED = new Twitter(false, null, false, false, DEFAULT_POLL_INTERVAL, 1, 5,
                null, null, null, null, null);

        public Twitter {
            pollInterval = pollInterval == null ? DEFAULT_POLL_INTERVAL : pollInterval;
            searchPages = Math.max(1, searchPages);
            errorBackoffPolls = Math.max(1, errorBackoffPolls);
            if (searchEnabled && (searchQuery == null || searchQuery.isBlank())) {
                throw new IllegalArgumentException("x.twitter.search-query is required for the search consumer");
            }
            if (searchEnabled || mentionsEnabled || directMessagesEnabled) {
                positive(pollInterval, "x.twitter.poll-interval");
                for (String[] key : new String[][] {{"consumer-key", consumerKey},
                        {"consumer-secret", consumerSecret}, {"access-token", accessToken},
                        {"access-token-secret", accessTokenSecret}}) {
                    if (key[1] == null || key[1].isBlank()) {
                        throw new IllegalArgumentException("x.twitter." + key[0] + " is required");
                    }
                }
            }
        }

        /** OAuth 1.0a keys, nothing enabled yet. */
        public static Twitter withKeys(String consumerKey, String consumerSecret, String accessToken,
                                       String accessTokenSecret) {
            return new Twitter(false, null, false, false, DEFAULT_POLL_INTERVAL, 1, 5, consumerKey, consumerSecret,
                    accessToken, accessTokenSecret, null);
        }

        public Twitter search(String query) {
            return new Twitter(true, query, mentionsEnabled, directMessagesEnabled, pollInterval, searchPages,
                    errorBackoffPolls, consumerKey, consumerSecret, accessToken, accessTokenSecret, restBaseUrl);
        }

        public Twitter mentions() {
            return new Twitter(searchEnabled, searchQuery, true, directMessagesEnabled, pollInterval, searchPages,
                    errorBackoffPolls, consumerKey, consumerSecret, accessToken, accessTokenSecret, restBaseUrl);
        }

        public Twitter directMessages() {
            return new Twitter(searchEnabled, searchQuery, mentionsEnabled, true, pollInterval, searchPages,
                    errorBackoffPolls, consumerKey, consumerSecret, accessToken, accessTokenSecret, restBaseUrl);
        }

        public Twitter every(Duration interval) {
            return new Twitter(searchEnabled, searchQuery, mentionsEnabled, directMessagesEnabled, interval,
                    searchPages, errorBackoffPolls, consumerKey, consumerSecret, accessToken, accessTokenSecret,
                    restBaseUrl);
        }

        public Twitter backingOffFor(int polls) {
            return new Twitter(searchEnabled, searchQuery, mentionsEnabled, directMessagesEnabled, pollInterval,
                    searchPages, polls, consumerKey, consumerSecret, accessToken, accessTokenSecret, restBaseUrl);
        }

        public Twitter restBaseUrl(String url) {
            return new Twitter(searchEnabled, searchQuery, mentionsEnabled, directMessagesEnabled, pollInterval,
                    searchPages, errorBackoffPolls, consumerKey, consumerSecret, accessToken, accessTokenSecret,
                    url);
        }

        @Override
        public String toString() {
            return "Twitter[searchEnabled=" + searchEnabled + ", searchQuery=" + searchQuery + ", mentionsEnabled="
                    + mentionsEnabled + ", directMessagesEnabled=" + directMessagesEnabled + ", pollInterval="
                    + pollInterval + ", searchPages=" + searchPages + ", errorBackoffPolls=" + errorBackoffPolls
                    + ", consumerKey=" + Secrets.mask(consumerKey) + ", consumerSecret=" + Secrets.mask(consumerSecret)
                    + ", accessToken=" + Secrets.mask(accessToken) + ", accessTokenSecret="
                    + Secrets.mask(accessTokenSecret) + ", restBaseUrl=" + restBaseUrl + "]";
        }
    }

    /**
     * Waits after failures, as X documents them for the filtered stream and the recent-search poller also uses:
     * network errors back off linearly ({@code networkStep} more each time, up to {@code networkMax}), HTTP errors
     * exponentially from {@code httpInitial} up to {@code httpMax}, and 429s exponentially from
     * {@code rateLimitInitial} up to {@code rateLimitMax} unless X said when the window resets.
     */
    public record Backoff(Duration networkStep, Duration networkMax, Duration httpInitial, Duration httpMax,
                          Duration rateLimitInitial, Duration rateLimitMax) {

        /** X: 250 ms steps up to 16 s; 5 s doubling up to 320 s; 1 min doubling (capped at the 15-minute window). */
        public static final Backoff X_DOCUMENTED = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(16),
                Duration.ofSeconds(5), Duration.ofSeconds(320), Duration.ofMinutes(1), Duration.ofMinutes(15));

        public Backoff {
            positive(networkStep, "x.backoff.network-step");
            positive(networkMax, "x.backoff.network-max");
            positive(httpInitial, "x.backoff.http-initial");
            positive(httpMax, "x.backoff.http-max");
            positive(rateLimitInitial, "x.backoff.rate-limit-initial");
            positive(rateLimitMax, "x.backoff.rate-limit-max");
        }
    }

    private static void positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
