package io.rapport.sim.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Incoming webhooks, {@code POST /services/T.../B.../secret}: a JSON payload (or a form's {@code payload} field)
 * with {@code text}, {@code blocks} or {@code attachments}, posted to the webhook's own channel. As for Slack apps'
 * webhooks, a payload's {@code channel}, {@code username} and icon do not override the app's. Answers {@code ok}, or
 * Slack's documented errors as status and bare string: 400 {@code invalid_payload}, {@code no_text},
 * {@code too_many_attachments}; 404 {@code no_service}, {@code no_team}; 410 {@code channel_is_archived};
 * 429 with {@code Retry-After}.
 */
final class WebhookEndpoint implements HttpHandler {

    static final int MAX_ATTACHMENTS = 100;

    private final Webhooks webhooks;
    private final Channels channels;
    private final Messages messages;
    private final Faults faults;
    private final ChannelRateLimit rateLimit;
    private final RequestCounters counters;

    WebhookEndpoint(Webhooks webhooks, Channels channels, Messages messages, Faults faults, ChannelRateLimit rateLimit,
                    RequestCounters counters) {
        this.webhooks = webhooks;
        this.channels = channels;
        this.messages = messages;
        this.faults = faults;
        this.rateLimit = rateLimit;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant received = Instant.now();
        counters.request("webhook");
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            faults.before("rate_limited");
            post(exchange, body, received);
            SandboxHttp.writeText(exchange, 200, "ok", Map.of());
        } catch (SlackError e) {
            Map<String, String> headers = e.retryAfterSeconds == null ? Map.of()
                    : Map.of("Retry-After", Long.toString(e.retryAfterSeconds));
            SandboxHttp.writeText(exchange, e.status, e.error, headers);
        } catch (RuntimeException e) {
            SandboxHttp.writeText(exchange, 500, "fatal_error", Map.of());
        }
    }

    private void post(HttpExchange exchange, byte[] body, Instant received) {
        if (!exchange.getRequestMethod().equals("POST")) {
            throw new SlackError(405, "invalid_method");
        }
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        if (parts.length != 5 || !parts[2].equals(webhooks.teamId())) {
            throw new SlackError(404, parts.length == 5 ? "no_team" : "no_service");
        }
        String channelId = webhooks.channelIdOf(path).orElseThrow(() -> new SlackError(404, "no_service"));
        Channels.Channel channel = channels.find(channelId).orElseThrow(() -> new SlackError(404,
                "channel_not_found"));
        JsonNode payload = payload(exchange, body);
        String text = payload.path("text").isTextual() ? payload.path("text").asText() : null;
        JsonNode blocks = payload.path("blocks");
        JsonNode attachments = payload.path("attachments");
        if ((text == null || text.isBlank()) && !nonEmptyArray(blocks) && !nonEmptyArray(attachments)) {
            throw new SlackError(400, "no_text");
        }
        if (attachments.isArray() && attachments.size() > MAX_ATTACHMENTS) {
            throw new SlackError(400, "too_many_attachments");
        }
        if (channel.archived()) {
            throw new SlackError(410, "channel_is_archived");
        }
        rateLimit.acquire(channel.id(), "rate_limited");
        messages.post(channel, text, "webhook", null, nonEmptyArray(blocks) ? blocks.toString() : null,
                nonEmptyArray(attachments) ? attachments.toString() : null, received);
    }

    private static JsonNode payload(HttpExchange exchange, byte[] body) {
        String raw = new String(body, StandardCharsets.UTF_8);
        if (SandboxHttp.contentType(exchange).startsWith("application/x-www-form-urlencoded")) {
            raw = SandboxHttp.form(raw).getOrDefault("payload", "");
        }
        try {
            JsonNode payload = SandboxHttp.JSON.readTree(raw);
            if (payload == null || !payload.isObject()) {
                throw new SlackError(400, "invalid_payload");
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new SlackError(400, "invalid_payload");
        }
    }

    private static boolean nonEmptyArray(JsonNode node) {
        return node.isArray() && !node.isEmpty();
    }
}
