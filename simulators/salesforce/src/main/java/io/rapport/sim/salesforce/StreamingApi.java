package io.rapport.sim.salesforce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /cometd/<version>}: the Streaming API as Salesforce serves it, Bayeux 1.0 over HTTP long-polling, for the
 * Change Data Capture channels {@code /data/ChangeEvents} and {@code /data/<Object>ChangeEvent}, with the replay
 * extension. The events are {@link ChangeEvents}' own, so every subscriber sees what the Java API sees.
 *
 * <p>A held {@code /meta/connect} holds no thread: the exchange is parked and answered later from this endpoint's
 * scheduler, when events for the client arrive, when the long-poll timeout elapses, when the session is revoked or
 * when the sandbox closes. Clients that do not come back within the reconnect timeout are forgotten, as Salesforce
 * forgets them after 40 seconds ({@code 403::Unknown client}).
 *
 * <p>Streaming requests are not REST API calls: they are counted as {@code "cometd"} requests and cost nothing
 * against the daily API limit.
 */
final class StreamingApi implements HttpHandler {

    static final String ALL_CHANGE_EVENTS = "/data/ChangeEvents";
    /** CometD clients append the message type to the URL: {@code /cometd/56.0/handshake}, {@code .../connect}. */
    private static final Pattern PATH = Pattern.compile(
            "/cometd/(?:replay/)?(\\d+\\.\\d+)(?:/(?:handshake|connect|subscribe|unsubscribe|disconnect))?/?");
    private static final Pattern OBJECT_CHANNEL = Pattern.compile("/data/(\\w+)ChangeEvent");
    /** CometD clients refuse replies over 1 MiB by default: a long replay goes out in slices well under that. */
    private static final int MAX_REPLY_BYTES = 512 * 1024;
    private static final int MAX_EVENTS_PER_SUBSCRIPTION = 1_000;
    private static final TypeReference<List<Map<String, Object>>> MESSAGES = new TypeReference<>() {
    };

    /** Why a parked connect is looked at. */
    private enum Wake { EVENTS, TIMEOUT, SESSION_CHECK, REPLACED, DISCONNECTED, FORGOTTEN, CLOSING }

    private static final class Subscription {
        final String channel;
        final Predicate<String> entities;
        /** The replay id up to which events were given to this subscription (-2: none yet, replay all retained). */
        long cursor;

        Subscription(String channel, Predicate<String> entities, long cursor) {
            this.channel = channel;
            this.entities = entities;
            this.cursor = cursor;
        }
    }

    private static final class HeldConnect {
        final HttpExchange exchange;
        final List<Object> before;
        final Map<String, Object> connect;
        final String authorization;
        ScheduledFuture<?> timeout;

        HeldConnect(HttpExchange exchange, List<Object> before, Map<String, Object> connect, String authorization) {
            this.exchange = exchange;
            this.before = before;
            this.connect = connect;
            this.authorization = authorization;
        }
    }

    /** A Bayeux client session. Guarded by its own monitor. */
    private static final class Client {
        final String id;
        final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
        Instant lastSeen;
        HeldConnect held;
        boolean gone;
        boolean muted;

        Client(String id, Instant lastSeen) {
            this.id = id;
            this.lastSeen = lastSeen;
        }
    }

    /** Event messages taken for a reply, and the cursors as they were, to put back if the reply cannot be sent. */
    private record Delivery(List<byte[]> messages, Map<Subscription, Long> previousCursors) {
        static final Delivery NONE = new Delivery(List.of(), Map.of());
    }

    private final ChangeEvents events;
    private final Sessions sessions;
    private final RequestCounters counters;
    private final Clock clock;
    private final Duration connectTimeout;
    private final Duration reconnectTimeout;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final AtomicBoolean deliveryScheduled = new AtomicBoolean();
    private final SecureRandom random = new SecureRandom();
    private volatile boolean closed;

    StreamingApi(ChangeEvents events, Sessions sessions, RequestCounters counters, Clock clock,
                 Duration connectTimeout, Duration reconnectTimeout) {
        this.events = events;
        this.sessions = sessions;
        this.counters = counters;
        this.clock = clock;
        this.connectTimeout = connectTimeout;
        this.reconnectTimeout = reconnectTimeout;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
                SalesforceSandbox.daemon("salesforce-sandbox-cometd"));
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = executor;
        events.onEvent(message -> scheduleDelivery());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        counters.request("cometd");
        try {
            serve(exchange);
        } catch (RuntimeException e) {
            SandboxHttp.writeUnexpected(exchange, e);
        }
    }

    /** Live subscriptions (one per client and channel) of clients not yet forgotten. */
    int subscriberCount() {
        forgetIdleClients();
        int count = 0;
        for (Client client : clients.values()) {
            synchronized (client) {
                count += client.subscriptions.size();
            }
        }
        return count;
    }

    /** Answers every held connect whose session was revoked with {@code 401::Authentication invalid}, now. */
    void sessionsRevoked() {
        for (Client client : clients.values()) {
            execute(() -> wake(client, Wake.SESSION_CHECK));
        }
    }

    /**
     * Stops delivering events to the clients connected now, without telling them: their connects keep succeeding,
     * empty, and the events pass them by. Clients that handshake later are served as usual.
     */
    void muteClients() {
        for (Client client : clients.values()) {
            synchronized (client) {
                client.muted = true;
            }
        }
    }

    /** Forgets every client, as a server restart does: their next request is answered 403::Unknown client. */
    void forgetClients() {
        for (Client client : List.copyOf(clients.values())) {
            clients.remove(client.id);
            wake(client, Wake.FORGOTTEN);
        }
    }

    /** Drops held connects' connections (the clients then find the server gone) and stops the scheduler. */
    void close() {
        closed = true;
        for (Client client : List.copyOf(clients.values())) {
            wake(client, Wake.CLOSING);
        }
        scheduler.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!exchange.getRequestMethod().equals("POST")) {
            write(exchange, 400, List.of(Map.of("successful", false, "error", "400::Bayeux messages are POSTed")));
            return;
        }
        List<Map<String, Object>> messages;
        try {
            messages = parse(body);
        } catch (IOException e) {
            write(exchange, 400, List.of(Map.of("successful", false, "error", "400::Invalid JSON: " + e.getMessage())));
            return;
        }
        forgetIdleClients();
        Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        List<Object> replies = new ArrayList<>();
        Map<String, Object> connect = null;
        for (Map<String, Object> message : messages) {
            String channel = String.valueOf(message.get("channel"));
            if (!path.matches() || Double.parseDouble(path.group(1)) < 23.0) {
                replies.add(failed(message, path.matches()
                        ? "400::Unsupported API version. Only API versions '23.0' and above are supported."
                        : "400::API version in the URI is mandatory. URI format: '/cometd/62.0'"));
                continue;
            }
            switch (channel) {
                case "/meta/handshake" -> replies.add(handshake(message, authorization));
                case "/meta/connect" -> {
                    if (connect != null) {
                        replies.add(failed(connect, "400::Only one /meta/connect per request"));
                    }
                    connect = message;
                }
                case "/meta/subscribe" -> replies.add(subscribe(message, authorization));
                case "/meta/unsubscribe" -> replies.add(unsubscribe(message, authorization));
                case "/meta/disconnect" -> replies.add(disconnect(message));
                default -> replies.add(failed(message, "403::Publishing to " + channel + " is not supported"));
            }
        }
        if (connect == null) {
            writeReplies(exchange, replies, null, Delivery.NONE);
            // a new subscription's first events go out once the client has its subscribe reply
            scheduleDelivery();
        } else {
            connect(exchange, replies, connect, authorization);
        }
    }

    private Map<String, Object> handshake(Map<String, Object> message, String authorization) {
        String authFailure = authFailure(authorization);
        if (authFailure != null) {
            Map<String, Object> reply = failed(message, "403::Handshake denied");
            reply.put("ext", Map.of("sfdc", Map.of("failureReason", authFailure), "replay", true,
                    "payload.format", true));
            reply.put("advice", Map.of("reconnect", "none"));
            return reply;
        }
        Object types = message.get("supportedConnectionTypes");
        if (types instanceof List<?> list && !list.contains("long-polling")) {
            return failed(message, "400::Invalid connection type " + list);
        }
        Client client = new Client(newClientId(), clock.instant());
        clients.put(client.id, client);
        Map<String, Object> reply = reply(message, true);
        reply.put("clientId", client.id);
        reply.put("version", "1.0");
        reply.put("minimumVersion", "1.0");
        reply.put("supportedConnectionTypes", List.of("long-polling"));
        reply.put("advice", advice());
        reply.put("ext", Map.of("replay", true, "payload.format", true));
        return reply;
    }

    private void connect(HttpExchange exchange, List<Object> before, Map<String, Object> message,
                         String authorization) throws IOException {
        Client client = clients.get(String.valueOf(message.get("clientId")));
        if (client == null) {
            before.add(unknownClient(message));
            writeReplies(exchange, before, null, Delivery.NONE);
            return;
        }
        String authFailure = authFailure(authorization);
        if (authFailure != null) {
            clients.remove(client.id);
            wake(client, Wake.FORGOTTEN);
            before.add(authenticationInvalid(message, authFailure));
            writeReplies(exchange, before, null, Delivery.NONE);
            return;
        }
        if (!"long-polling".equals(message.getOrDefault("connectionType", "long-polling"))) {
            before.add(failed(message, "400::Invalid connection type " + message.get("connectionType")));
            writeReplies(exchange, before, null, Delivery.NONE);
            return;
        }
        wake(client, Wake.REPLACED);
        long timeout = requestedTimeout(message);
        Delivery delivery;
        synchronized (client) {
            client.lastSeen = clock.instant();
            delivery = take(client);
            if (delivery.messages().isEmpty() && timeout > 0 && !closed && !client.gone) {
                HeldConnect held = new HeldConnect(exchange, before, message, authorization);
                client.held = held;
                held.timeout = schedule(() -> wake(client, Wake.TIMEOUT), timeout);
                return;
            }
        }
        before.addAll(delivery.messages());
        before.add(connectReply(message, client));
        writeReplies(exchange, before, client, delivery);
    }

    private Map<String, Object> subscribe(Map<String, Object> message, String authorization) {
        Client client = clients.get(String.valueOf(message.get("clientId")));
        Map<String, Object> refusal = refusal(message, client, authorization);
        if (refusal != null) {
            return refusal;
        }
        Object subscription = message.get("subscription");
        if (!(subscription instanceof String channel) || channel.isEmpty()) {
            return failed(message, "400::Channel name not specified");
        }
        if (!channel.startsWith("/")) {
            return failed(message, "400::Channel subscriptions must start with a leading '/'");
        }
        Predicate<String> entities = entitiesOf(channel);
        if (entities == null) {
            return failed(message, "400::The channel you requested to subscribe to does not exist {" + channel + "}");
        }
        long replayId = replayIdFor(message, channel);
        if (replayId < -2 || !events.canReplayFrom(replayId)) {
            return failed(message, "400::The replayId {" + replayId + "} you provided was invalid.  Please provide a"
                    + " valid ID, -2 to replay all events, or -1 to replay only new events.");
        }
        synchronized (client) {
            client.lastSeen = clock.instant();
            // the same client subscribing again keeps its place: nothing twice, nothing skipped
            client.subscriptions.computeIfAbsent(channel, c -> new Subscription(c, entities,
                    replayId == -1 ? events.lastReplayId() : replayId));
        }
        return reply(message, true);
    }

    private Map<String, Object> unsubscribe(Map<String, Object> message, String authorization) {
        Client client = clients.get(String.valueOf(message.get("clientId")));
        Map<String, Object> refusal = refusal(message, client, authorization);
        if (refusal != null) {
            return refusal;
        }
        synchronized (client) {
            client.lastSeen = clock.instant();
            client.subscriptions.remove(String.valueOf(message.get("subscription")));
        }
        return reply(message, true);
    }

    /** The reply refusing a message from a client the server does not know or with a revoked session; else null. */
    private Map<String, Object> refusal(Map<String, Object> message, Client client, String authorization) {
        if (client == null) {
            return unknownClient(message);
        }
        String authFailure = authFailure(authorization);
        return authFailure == null ? null : authenticationInvalid(message, authFailure);
    }

    private Map<String, Object> disconnect(Map<String, Object> message) {
        Client client = clients.remove(String.valueOf(message.get("clientId")));
        if (client == null) {
            return unknownClient(message);
        }
        wake(client, Wake.DISCONNECTED);
        return reply(message, true);
    }

    /** Answers the client's held connect, if there is one and the reason calls for it. */
    private void wake(Client client, Wake why) {
        HeldConnect held;
        List<Object> replies;
        Delivery delivery = Delivery.NONE;
        synchronized (client) {
            if (why == Wake.DISCONNECTED || why == Wake.FORGOTTEN || why == Wake.CLOSING) {
                client.gone = true;
            }
            held = client.held;
            if (held == null) {
                return;
            }
            String authFailure = authFailure(held.authorization);
            Map<String, Object> connectReply = null;
            switch (why) {
                case CLOSING -> connectReply = null;
                case FORGOTTEN -> connectReply = unknownClient(held.connect);
                case DISCONNECTED -> {
                    connectReply = connectReply(held.connect, client);
                    connectReply.put("advice", Map.of("reconnect", "none"));
                }
                case REPLACED -> connectReply = connectReply(held.connect, client);
                default -> {
                    if (authFailure != null) {
                        clients.remove(client.id);
                        client.gone = true;
                        connectReply = authenticationInvalid(held.connect, authFailure);
                    } else if (why == Wake.SESSION_CHECK) {
                        return;
                    } else {
                        delivery = take(client);
                        if (why == Wake.EVENTS && delivery.messages().isEmpty()) {
                            return;
                        }
                        connectReply = connectReply(held.connect, client);
                    }
                }
            }
            client.held = null;
            client.lastSeen = clock.instant();
            if (held.timeout != null) {
                held.timeout.cancel(false);
            }
            if (connectReply == null) {
                // the sandbox is going away: the connection drops, as a server's would
                held.exchange.close();
                return;
            }
            replies = new ArrayList<>(held.before);
            replies.addAll(delivery.messages());
            replies.add(connectReply);
        }
        writeReplies(held.exchange, replies, client, delivery);
    }

    /**
     * The client's next events, in replay order across its subscriptions (an event on two subscribed channels comes
     * once for each), each subscription's cursor moved past them; at most {@link #MAX_REPLY_BYTES} of them.
     */
    private Delivery take(Client client) {
        if (client.muted) {
            client.subscriptions.values().forEach(subscription -> subscription.cursor = Math.max(subscription.cursor,
                    events.lastReplayId()));
            return Delivery.NONE;
        }
        record Candidate(Subscription subscription, ChangeEvents.Event event) {
        }
        List<Candidate> candidates = new ArrayList<>();
        Map<Subscription, ChangeEvents.Page> pages = new IdentityHashMap<>();
        for (Subscription subscription : client.subscriptions.values()) {
            ChangeEvents.Page page = events.page(subscription.cursor, subscription.entities,
                    MAX_EVENTS_PER_SUBSCRIPTION);
            pages.put(subscription, page);
            page.events().forEach(event -> candidates.add(new Candidate(subscription, event)));
        }
        candidates.sort(Comparator.comparingLong(c -> c.event().replayId()));
        List<byte[]> messages = new ArrayList<>();
        Map<Subscription, Long> previous = new IdentityHashMap<>();
        Map<Subscription, Long> lastTaken = new IdentityHashMap<>();
        int bytes = 0;
        boolean full = false;
        for (Candidate candidate : candidates) {
            byte[] message = eventMessage(candidate.subscription().channel, candidate.event());
            if (!messages.isEmpty() && bytes + message.length > MAX_REPLY_BYTES) {
                full = true;
                break;
            }
            messages.add(message);
            bytes += message.length + 1;
            lastTaken.put(candidate.subscription(), candidate.event().replayId());
        }
        for (Map.Entry<Subscription, ChangeEvents.Page> entry : pages.entrySet()) {
            Subscription subscription = entry.getKey();
            long next = full ? lastTaken.getOrDefault(subscription, subscription.cursor) : entry.getValue().through();
            if (next != subscription.cursor) {
                previous.put(subscription, subscription.cursor);
                subscription.cursor = next;
            }
        }
        return new Delivery(messages, previous);
    }

    private static byte[] eventMessage(String channel, ChangeEvents.Event event) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("data", event.message().get("data"));
        message.put("channel", channel);
        try {
            return ApiRequest.JSON.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the replies; when the client is gone before they are sent, its subscriptions get the events again. */
    private void writeReplies(HttpExchange exchange, List<Object> replies, Client client, Delivery delivery) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.write('[');
            for (int i = 0; i < replies.size(); i++) {
                if (i > 0) {
                    body.write(',');
                }
                Object reply = replies.get(i);
                body.write(reply instanceof byte[] raw ? raw : ApiRequest.JSON.writeValueAsBytes(reply));
            }
            body.write(']');
            byte[] bytes = body.toByteArray();
            exchange.getResponseHeaders().set("Content-Type", ApiResponse.JSON_TYPE);
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException | RuntimeException e) {
            exchange.close();
            if (client != null) {
                synchronized (client) {
                    delivery.previousCursors().forEach((subscription, cursor) ->
                            subscription.cursor = Math.min(subscription.cursor, cursor));
                }
            }
        }
    }

    private void write(HttpExchange exchange, int status, Object body) throws IOException {
        SandboxHttp.write(exchange, ApiResponse.json(status, body));
    }

    private void scheduleDelivery() {
        if (deliveryScheduled.compareAndSet(false, true)) {
            execute(() -> {
                deliveryScheduled.set(false);
                for (Client client : clients.values()) {
                    wake(client, Wake.EVENTS);
                }
            });
        }
    }

    private void execute(Runnable task) {
        if (!closed) {
            try {
                scheduler.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException ignored) {
                // closing
            }
        }
    }

    private ScheduledFuture<?> schedule(Runnable task, long millis) {
        try {
            return scheduler.schedule(task, millis, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return null;
        }
    }

    /** Drops clients that neither hold a connect nor came back within the reconnect timeout. */
    private void forgetIdleClients() {
        Instant oldest = clock.instant().minus(reconnectTimeout);
        clients.values().removeIf(client -> {
            synchronized (client) {
                if (client.held == null && client.lastSeen.isBefore(oldest)) {
                    client.gone = true;
                    return true;
                }
                return false;
            }
        });
    }

    private long requestedTimeout(Map<String, Object> connect) {
        long timeout = connectTimeout.toMillis();
        if (connect.get("advice") instanceof Map<?, ?> advice && advice.get("timeout") instanceof Number requested) {
            timeout = Math.min(timeout, Math.max(0, requested.longValue()));
        }
        return timeout;
    }

    private String authFailure(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return "401::Request requires authentication";
        }
        return sessions.authorizes(authorization) ? null : "401::Authentication invalid";
    }

    /** The entities a channel carries, or null when there is no such channel. */
    private static Predicate<String> entitiesOf(String channel) {
        if (channel.equals(ALL_CHANGE_EVENTS)) {
            return entity -> true;
        }
        Matcher matcher = OBJECT_CHANNEL.matcher(channel);
        if (matcher.matches() && ChangeEvents.TRACKED.contains(matcher.group(1))) {
            String entity = matcher.group(1);
            return entity::equals;
        }
        return null;
    }

    /** The replay extension's id for the channel ({@code ext.replay} maps channels to ids); -1 when absent. */
    private static long replayIdFor(Map<String, Object> subscribe, String channel) {
        if (subscribe.get("ext") instanceof Map<?, ?> ext && ext.get("replay") instanceof Map<?, ?> replay) {
            Object id = replay.get(channel);
            if (id instanceof Number number) {
                return number.longValue();
            }
            if (id instanceof String text) {
                try {
                    return Long.parseLong(text.trim());
                } catch (NumberFormatException e) {
                    return Long.MIN_VALUE;
                }
            }
        }
        return -1;
    }

    private Map<String, Object> advice() {
        Map<String, Object> advice = new LinkedHashMap<>();
        advice.put("reconnect", "retry");
        advice.put("interval", 0);
        advice.put("timeout", connectTimeout.toMillis());
        return advice;
    }

    private Map<String, Object> connectReply(Map<String, Object> connect, Client client) {
        Map<String, Object> reply = reply(connect, true);
        reply.put("clientId", client.id);
        reply.put("advice", advice());
        return reply;
    }

    private static Map<String, Object> unknownClient(Map<String, Object> message) {
        Map<String, Object> reply = failed(message, "403::Unknown client");
        reply.put("advice", Map.of("reconnect", "handshake", "interval", 0));
        return reply;
    }

    private static Map<String, Object> authenticationInvalid(Map<String, Object> message, String failure) {
        Map<String, Object> reply = failed(message, failure);
        reply.put("advice", Map.of("reconnect", "none", "interval", 0));
        return reply;
    }

    private static Map<String, Object> failed(Map<String, Object> message, String error) {
        Map<String, Object> reply = reply(message, false);
        reply.put("error", error);
        return reply;
    }

    private static Map<String, Object> reply(Map<String, Object> message, boolean successful) {
        Map<String, Object> reply = new LinkedHashMap<>();
        Object clientId = message.get("clientId");
        if (clientId != null) {
            reply.put("clientId", clientId);
        }
        reply.put("channel", message.get("channel"));
        if (message.containsKey("id")) {
            reply.put("id", message.get("id"));
        }
        if (message.containsKey("subscription")) {
            reply.put("subscription", message.get("subscription"));
        }
        reply.put("successful", successful);
        return reply;
    }

    private static List<Map<String, Object>> parse(byte[] body) throws IOException {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).trim();
        if (text.startsWith("{")) {
            return List.of(ApiRequest.JSON.readValue(text, new TypeReference<Map<String, Object>>() {
            }));
        }
        return ApiRequest.JSON.readValue(text, MESSAGES);
    }

    /** Client ids shaped like Salesforce's: 27 lower-case letters and digits. */
    private String newClientId() {
        StringBuilder id = new StringBuilder();
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 27; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
