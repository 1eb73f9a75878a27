package io.rapport.sim.slack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * An embeddable emulator of the Slack endpoints a sender uses, so that the real Camel Slack component runs
 * unchanged against it, offline: incoming webhooks ({@code webhookUrl}) and the Web API's {@code chat.postMessage}
 * with a bot token ({@code token} and {@code serverUrl}), with Slack's errors and 429 rate limiting. Messages are kept
 * in memory for tests and demos to inspect.
 *
 * <pre>{@code
 * try (SlackSandbox slack = SlackSandbox.start(SlackSandbox.Config.defaults(), 0)) {
 *     String webhook = slack.createWebhook("alerts");   // slack:#alerts?webhookUrl=<webhook>
 *     String serverUrl = slack.baseUrl();               // slack:#alerts?token=<bot token>&serverUrl=<serverUrl>
 *     slack.messages("alerts");
 * }
 * }</pre>
 */
public final class SlackSandbox implements AutoCloseable {

    static {
        // The JDK server writes a response's headers and body separately; with Nagle's algorithm on, the body waits
        // for the client's delayed ACK of the headers, about 40 ms a call. The server reads the property once, when
        // it first starts in the JVM, so an earlier server keeps its own setting.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * The workspace: its team id and name, the bot token the Web API accepts, the channels that exist from the
     * start, and how many messages a channel takes per second before Slack answers 429 (0: no limit).
     */
    public record Config(String teamId, String teamName, String botToken, List<String> channels,
                         int messagesPerSecondPerChannel) {

        public Config {
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(botToken, "botToken");
            channels = List.copyOf(channels);
            if (!teamId.startsWith("T")) {
                throw new IllegalArgumentException("Slack team ids start with T: " + teamId);
            }
        }

        public static Config defaults() {
            return new Config("T0RAPPORT1", "Rapport Sandbox", "xoxb-rapport-sandbox-bot-token",
                    List.of("general", "alerts"), 0);
        }

        public Config withBotToken(String token) {
            return new Config(teamId, teamName, token, channels, messagesPerSecondPerChannel);
        }

        public Config withChannels(List<String> names) {
            return new Config(teamId, teamName, botToken, names, messagesPerSecondPerChannel);
        }

        /** Slack posts about one message per second per channel, allowing short bursts; 0 turns the limit off. */
        public Config withMessagesPerSecondPerChannel(int limit) {
            return new Config(teamId, teamName, botToken, channels, limit);
        }
    }

    private final HttpServer server;
    private final ExecutorService requestThreads;
    private final Config config;
    private final Channels channels = new Channels();
    private final Messages messages;
    private final Webhooks webhooks;
    private final Faults faults = new Faults();
    private final RequestCounters counters = new RequestCounters();

    private SlackSandbox(Config config, HttpServer server, Clock clock) {
        this.config = config;
        this.server = server;
        this.messages = new Messages(clock);
        this.webhooks = new Webhooks(config.teamId());
        config.channels().forEach(channels::create);
        ChannelRateLimit rateLimit = new ChannelRateLimit(config.messagesPerSecondPerChannel(), clock);
        WebApi.Bot bot = new WebApi.Bot(config.botToken(), config.teamId(), config.teamName(), "U0RAPPORTBOT",
                "B0RAPPORTBOT", "A0RAPPORTAPP");
        server.createContext("/services/", new WebhookEndpoint(webhooks, channels, messages, faults, rateLimit,
                counters));
        server.createContext("/api/", new WebApi(bot, channels, messages, faults, rateLimit, counters));
        this.requestThreads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "slack-sandbox-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(requestThreads);
    }

    /** Starts a sandbox on the loopback interface; port 0 picks a free one. */
    public static SlackSandbox start(Config config, int port) throws IOException {
        return start(config, port, Clock.systemUTC());
    }

    /** As {@link #start(Config, int)}, on a given clock (tests hold the rate-limit window still). */
    static SlackSandbox start(Config config, int port, Clock clock) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        SlackSandbox sandbox = new SlackSandbox(config, server, clock);
        server.start();
        return sandbox;
    }

    /**
     * {@code http://127.0.0.1:<port>}: where {@code https://slack.com} would be, the Camel Slack component's
     * {@code serverUrl} (the Web API is below {@code /api/}).
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public Config config() {
        return config;
    }

    /** Creates a channel (or finds the one of that name) and returns its id. */
    public String createChannel(String name) {
        return channels.create(name).id();
    }

    /** Archives a channel: posts to it are refused ({@code is_archived}, webhooks 410 {@code channel_is_archived}). */
    public void archiveChannel(String name) {
        channels.archive(name);
    }

    /** Creates an incoming webhook posting to the channel (created if need be) and returns its full URL. */
    public String createWebhook(String channel) {
        return baseUrl() + webhooks.create(channels.create(channel));
    }

    /** Disables a webhook, as removing it from the Slack app does: posts to it answer 404 {@code no_service}. */
    public void removeWebhook(String url) {
        String path = url.startsWith(baseUrl()) ? url.substring(baseUrl().length()) : url;
        if (!webhooks.remove(path)) {
            throw new IllegalArgumentException("no such webhook in this sandbox");
        }
    }

    /** Every message posted, oldest first. */
    public List<SlackMessage> messages() {
        return messages.all();
    }

    /** The messages of one channel (by name, {@code #name} or id), oldest first. */
    public List<SlackMessage> messages(String channel) {
        String id = channels.find(channel).map(Channels.Channel::id).orElse(null);
        return messages.all().stream().filter(message -> message.channelId().equals(id)).toList();
    }

    /** Calls the listener with each message as it is posted, on the request's thread. */
    public void onMessage(Consumer<SlackMessage> listener) {
        messages.onMessage(listener);
    }

    public void clearMessages() {
        messages.clear();
    }

    /** Requests served, by kind: {@code webhook}, {@code chat.postMessage}, {@code auth.test}, ... */
    public Map<String, Long> requestCounts() {
        return counters.snapshot();
    }

    /** Delays every request by this long. */
    public void latency(Duration delay) {
        faults.latency(delay);
    }

    /** Answers the next requests 429 with {@code Retry-After} (whole seconds, at least 1), as Slack's rate limits do. */
    public void rateLimitNext(int requests, Duration retryAfter) {
        faults.rateLimitNext(requests, retryAfter);
    }

    /** Answers the next requests with an HTTP error: 500 {@code fatal_error}, 503 {@code service_unavailable}. */
    public void failNext(int requests, int status) {
        faults.failNext(requests, status);
    }

    /** Removes injected latency, failures and rate limits. */
    public void clearFaults() {
        faults.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        requestThreads.shutdownNow();
    }
}
