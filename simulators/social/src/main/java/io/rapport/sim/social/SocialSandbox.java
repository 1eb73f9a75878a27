package io.rapport.sim.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * An embeddable emulator of the X (Twitter) APIs a brand-monitoring integration uses, so that the hub's X v2
 * connector and the Camel Twitter component (through Twitter4J) run unchanged against it, offline: v2 recent search
 * and the filtered stream with its rules, bearer-token checks, rate-limit headers and 429s, and the v1.1 search,
 * mentions timeline and direct message endpoints. Its posts come from {@link #post(NewPost)} and from a deterministic
 * generator of labelled brand conversations ({@link #generate(int)}), whose ground truth stays in the Java API.
 *
 * <pre>{@code
 * try (SocialSandbox sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0)) {
 *     sandbox.generate(500);                 // praise, complaints, questions, spam... in six languages
 *     String v2 = sandbox.baseUrl();         // https://api.twitter.com for the X v2 connector
 *     String v1 = sandbox.v1BaseUrl();       // twitter4j.restBaseURL for the Camel Twitter component
 * }
 * }</pre>
 */
public final class SocialSandbox implements AutoCloseable {

    /**
     * The app's credentials (the bearer token v2 and app-only v1.1 calls must present; the OAuth 1.0a consumer key
     * user-context v1.1 calls must be signed with; the brand account's OAuth 2.0 user access token, which posting
     * wants), the brand account the v1.1 calls are made as and the generator
     * writes about, the stream's heartbeat interval, the rate limit of each endpoint, and the generator's scenario.
     */
    public record Config(String bearerToken, String consumerKey, String userAccessToken, String brand,
                         Duration streamHeartbeat, Map<XEndpoint, RateLimit> rateLimits, Scenario scenario) {

        public Config {
            Objects.requireNonNull(bearerToken, "bearerToken");
            Objects.requireNonNull(consumerKey, "consumerKey");
            Objects.requireNonNull(userAccessToken, "userAccessToken");
            if (brand == null || !brand.matches("\\w{1,15}")) {
                throw new IllegalArgumentException("the brand is an X username (1-15 letters, digits, _): " + brand);
            }
            Objects.requireNonNull(streamHeartbeat, "streamHeartbeat");
            Map<XEndpoint, RateLimit> all = new EnumMap<>(XEndpoint.class);
            for (XEndpoint endpoint : XEndpoint.values()) {
                all.put(endpoint, endpoint.defaultLimit());
            }
            all.putAll(rateLimits);
            rateLimits = Map.copyOf(all);
            Objects.requireNonNull(scenario, "scenario");
        }

        /** Brand {@code acme}, X's 20 s heartbeat, X's rate limits, {@link Scenario#defaults()}. */
        public static Config defaults() {
            return new Config("rapport-sandbox-bearer-token", "rapport-sandbox-consumer-key",
                    "rapport-sandbox-user-token", "acme",
                    Duration.ofSeconds(20), Map.of(), Scenario.defaults());
        }

        public Config withBearerToken(String token) {
            return new Config(token, consumerKey, userAccessToken, brand, streamHeartbeat, rateLimits, scenario);
        }

        /** The brand account's OAuth 2.0 user access token: what {@code POST /2/tweets} wants as its bearer. */
        public Config withUserAccessToken(String token) {
            return new Config(bearerToken, consumerKey, token, brand, streamHeartbeat, rateLimits, scenario);
        }

        public Config withConsumerKey(String key) {
            return new Config(bearerToken, key, userAccessToken, brand, streamHeartbeat, rateLimits, scenario);
        }

        /** The brand's X username, without {@code @}. */
        public Config withBrand(String username) {
            return new Config(bearerToken, consumerKey, userAccessToken, username, streamHeartbeat, rateLimits,
                    scenario);
        }

        /** How long the stream stays silent before a {@code \r\n} keep-alive (X: 20 s; tests use less). */
        public Config withStreamHeartbeat(Duration interval) {
            return new Config(bearerToken, consumerKey, userAccessToken, brand, interval, rateLimits, scenario);
        }

        public Config withRateLimit(XEndpoint endpoint, RateLimit limit) {
            Map<XEndpoint, RateLimit> changed = new EnumMap<>(rateLimits);
            changed.put(endpoint, limit);
            return new Config(bearerToken, consumerKey, userAccessToken, brand, streamHeartbeat, changed, scenario);
        }

        public Config withScenario(Scenario value) {
            return new Config(bearerToken, consumerKey, userAccessToken, brand, streamHeartbeat, rateLimits, value);
        }
    }

    private final Config config;
    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final Clock clock;
    private final Timeline timeline;
    private final DirectMessages directMessages;
    private final Author brand;
    private final StreamRules rules;
    private final FilteredStream stream;
    private final V2Format v2;
    private final RequestCounters counters = new RequestCounters();
    private final Faults faults;
    private final RateLimits rateLimits;
    private final ScenarioGenerator generator;

    private SocialSandbox(Config config, HttpServer server, Clock clock) {
        this.config = config;
        this.server = server;
        this.clock = clock;
        this.timeline = new Timeline(clock);
        this.directMessages = new DirectMessages(clock);
        String name = Character.toUpperCase(config.brand().charAt(0)) + config.brand().substring(1);
        this.brand = timeline.register(new Author(783_214L, config.brand(), name, true, 250_000, 1_200, 48_000,
                "en", Instant.parse("2010-02-20T08:00:00Z")));
        this.generator = new ScenarioGenerator(config.scenario(), brand);
        generator.authors().forEach(timeline::register);
        this.faults = new Faults(clock);
        this.rateLimits = new RateLimits(clock, config.rateLimits());
        this.rules = new StreamRules(clock);
        this.v2 = new V2Format(timeline);
        this.stream = new FilteredStream(rules, v2, config.streamHeartbeat());
        timeline.onAppend(stream);

        ApiHandler api = new ApiHandler(counters, faults, new Credentials(config.bearerToken(), config.consumerKey(),
                config.userAccessToken()), rateLimits, stream);
        api.register(XEndpoint.RECENT_SEARCH, new RecentSearch(timeline, v2, clock));
        api.register(XEndpoint.STREAM_RULES_LIST, rules::list);
        api.register(XEndpoint.STREAM_RULES_CHANGE, rules::change);
        api.register(XEndpoint.CREATE_POST, new CreatePost(timeline, () -> brand, clock));
        new V1Api(timeline, directMessages, new V1Format(timeline), () -> brand, clock).registerWith(api);
        server.createContext("/", api);
        this.requestThreads = Executors.newCachedThreadPool(daemon("social-sandbox-http"));
        server.setExecutor(requestThreads);
    }

    static {
        // As in the other sandboxes: without TCP_NODELAY the JDK server holds each answer's body ~40 ms for the
        // client's delayed ACK. The server reads the property once, when the first one starts in the JVM, and this
        // sandbox is often that first one in the embedded hub.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Starts a sandbox on the loopback interface; port 0 picks a free one. */
    public static SocialSandbox start(Config config, int port) throws IOException {
        return start(config, port, Clock.systemUTC());
    }

    /** As {@link #start(Config, int)}, on a given clock (tests move time to reset rate-limit windows). */
    static SocialSandbox start(Config config, int port, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SocialSandbox sandbox = new SocialSandbox(config, server, clock);
        server.start();
        return sandbox;
    }

    /** {@code http://127.0.0.1:<port>}: where {@code https://api.twitter.com} would be, for v2 clients. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>/1.1/}: Twitter4J's {@code restBaseURL}. */
    public String v1BaseUrl() {
        return baseUrl() + "/1.1/";
    }

    public Config config() {
        return config;
    }

    /** The brand's account: the authenticated user of v1.1 calls, whose mentions the timeline lists. */
    public Author brand() {
        return brand;
    }

    /** Adds a post; it appears in searches at once and goes to a connected stream if it matches a rule. */
    public Post post(NewPost post) {
        return timeline.append(post);
    }

    /**
     * A post as one X API v2 document, as the v2 API renders it for a client that asks for these {@code tweet.fields},
     * {@code user.fields} and {@code expansions} (comma-separated, or null): what an X connector hands on for it.
     * Benchmarks put such documents on the hub's queue directly.
     *
     * @throws IllegalArgumentException for a field or expansion X does not have
     */
    public String v2Document(Post post, String tweetFields, String userFields, String expansions) {
        V2Fields fields;
        try {
            fields = V2Fields.of(tweetFields, userFields, expansions);
        } catch (V2Fields.Invalid e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try {
            return ApiCall.JSON.writeValueAsString(v2.document(post, fields));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds a post by this account (an ordinary one when unknown), in English, now. */
    public Post post(String username, String text) {
        return post(NewPost.by(username).text(text));
    }

    /**
     * Appends {@code count} posts of the configured {@link Scenario}, spread over the time before now at its mean
     * gap (never before the latest post) and ending now, each with its ground-truth {@link Label}. The same seed and the same calls
     * give the same authors, texts, languages, labels and threads.
     */
    public List<Post> generate(int count) {
        Instant now = clock.instant();
        Instant start = now.minus(config.scenario().meanGap().multipliedBy(count));
        Instant latest = timeline.newestFirst().stream().findFirst().map(Post::createdAt).orElse(Instant.EPOCH);
        if (!start.isAfter(latest)) {
            start = latest.isBefore(now) ? latest : now;
        }
        return generator.generate(count, start, now, timeline);
    }

    /** Every post, oldest first. */
    public List<Post> posts() {
        return timeline.oldestFirst();
    }

    public Optional<Post> post(long id) {
        return timeline.get(id);
    }

    /** Declares an account (followers, verification...) before it posts; an existing username is kept. */
    public Author addAuthor(Author author) {
        return timeline.register(author);
    }

    public Optional<Author> author(String username) {
        return timeline.findAuthor(username);
    }

    /** A direct message from this account to the brand, now. */
    public DirectMessage directMessage(String fromUsername, String text) {
        return directMessages.add(timeline.author(fromUsername), brand, text, null, null);
    }

    /** A direct message with its ground truth. */
    public DirectMessage directMessage(String fromUsername, String text, Label label) {
        return directMessages.add(timeline.author(fromUsername), brand, text, null, label);
    }

    /** Adds a filtered-stream rule as {@code POST .../rules} would; returns its id. */
    public String addStreamRule(String value, String tag) {
        return rules.add(value, tag);
    }

    /** The filtered-stream rules' values, in the order they were added. */
    public List<String> streamRules() {
        return rules.all().stream().map(StreamRules.Rule::value).toList();
    }

    public boolean streamConnected() {
        return stream.connected();
    }

    /** Ends the open stream connection, as X's operational disconnects do; the client must reconnect. */
    public void disconnectStream() {
        stream.disconnect();
    }

    /** Requests received so far by {@link XEndpoint#key()} (refused ones included), unknown paths by their own. */
    public Map<String, Long> requestCounts() {
        return counters.snapshot();
    }

    /** Answers the next {@code requests} requests with {@code status} (503, 500, 429...) and X's error body. */
    public void failNext(int requests, int status) {
        faults.failNext(requests, status, "/");
    }

    /** As {@link #failNext(int, int)}, only for requests whose path starts with the prefix ({@code "/1.1/"}...). */
    public void failNext(int requests, int status, String pathPrefix) {
        faults.failNext(requests, status, pathPrefix);
    }

    /** Answers every request with {@code status} for a while, e.g. {@code failFor(Duration.ofSeconds(60), 503)}. */
    public void failFor(Duration duration, int status) {
        faults.failFor(duration, status, "/");
    }

    public void failFor(Duration duration, int status, String pathPrefix) {
        faults.failFor(duration, status, pathPrefix);
    }

    /** Delays every request by about this long: a slow network. */
    public void latency(Duration delay) {
        faults.latency(delay);
    }

    /** Removes injected latency and failures. */
    public void clearFaults() {
        faults.clear();
    }

    /** Uses up the endpoint's current rate-limit window: it answers 429 until the window resets. */
    public void exhaustRateLimit(XEndpoint endpoint) {
        rateLimits.exhaust(endpoint);
    }

    /** Starts every rate-limit window afresh. */
    public void resetRateLimits() {
        rateLimits.reset();
    }

    public int rateLimitRemaining(XEndpoint endpoint) {
        return rateLimits.remaining(endpoint);
    }

    @Override
    public void close() {
        stream.disconnect();
        server.stop(0);
        requestThreads.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
