package io.rapport.sim.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Web API methods a sender needs, {@code /api/chat.postMessage} and {@code /api/auth.test}, with the bot token
 * as {@code Authorization: Bearer} (or a {@code token} argument), arguments form-encoded, as JSON or in the query
 * string. As Slack does, a refused call is HTTP 200 with {@code {"ok":false,"error":...}} ({@code not_authed},
 * {@code invalid_auth}, {@code channel_not_found}, {@code is_archived}, {@code no_text}, {@code msg_too_long},
 * {@code invalid_blocks}, {@code invalid_attachments}, {@code invalid_json}), except rate limiting: HTTP 429,
 * {@code Retry-After} and {@code ratelimited}. An unknown method is 404 {@code unknown_method}.
 */
final class WebApi implements HttpHandler {

    static final int MAX_TEXT = 40_000;

    /** The bot the token belongs to: what {@code auth.test} and posted messages name. */
    record Bot(String token, String teamId, String teamName, String userId, String botId, String appId) {
    }

    private final Bot bot;
    private final Channels channels;
    private final Messages messages;
    private final Faults faults;
    private final ChannelRateLimit rateLimit;
    private final RequestCounters counters;

    WebApi(Bot bot, Channels channels, Messages messages, Faults faults, ChannelRateLimit rateLimit,
           RequestCounters counters) {
        this.bot = bot;
        this.channels = channels;
        this.messages = messages;
        this.faults = faults;
        this.rateLimit = rateLimit;
        this.counters = counters;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Instant received = Instant.now();
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        counters.request(method.isEmpty() ? "unknown" : method);
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            faults.before("ratelimited");
            Map<String, Object> answer = switch (method) {
                case "chat.postMessage" -> postMessage(exchange, arguments(exchange, body), received);
                case "auth.test" -> authTest(arguments(exchange, body));
                default -> throw new SlackError(404, "unknown_method");
            };
            SandboxHttp.writeJson(exchange, 200, answer, Map.of());
        } catch (SlackError e) {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("ok", false);
            failure.put("error", e.error);
            Map<String, String> headers = e.retryAfterSeconds == null ? Map.of()
                    : Map.of("Retry-After", Long.toString(e.retryAfterSeconds));
            // Slack answers refused calls with 200; only rate limits, unknown methods and outages change the status
            int status = e.status == 400 || e.status == 401 || e.status == 403 ? 200 : e.status;
            SandboxHttp.writeJson(exchange, status, failure, headers);
        } catch (RuntimeException e) {
            SandboxHttp.writeJson(exchange, 500, Map.of("ok", false, "error", "fatal_error"), Map.of());
        }
    }

    private Map<String, Object> postMessage(HttpExchange exchange, JsonNode arguments, Instant received) {
        authenticate(exchange, arguments);
        Channels.Channel channel = channels.find(text(arguments, "channel"))
                .orElseThrow(() -> new SlackError(400, "channel_not_found"));
        String text = text(arguments, "text");
        String blocks = jsonArray(arguments, "blocks", "invalid_blocks");
        String attachments = jsonArray(arguments, "attachments", "invalid_attachments");
        if ((text == null || text.isBlank()) && blocks == null && attachments == null) {
            throw new SlackError(400, "no_text");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new SlackError(400, "msg_too_long");
        }
        if (channel.archived()) {
            throw new SlackError(400, "is_archived");
        }
        rateLimit.acquire(channel.id(), "ratelimited");
        String username = text(arguments, "username");
        SlackMessage posted = messages.post(channel, text, "chat.postMessage", username, blocks, attachments,
                received);

        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("subtype", "bot_message");
        message.put("text", text == null ? "" : text);
        message.put("ts", posted.ts());
        message.put("username", username == null ? "Rapport" : username);
        message.put("bot_id", bot.botId());
        message.put("app_id", bot.appId());
        message.put("team", bot.teamId());
        if (blocks != null) {
            message.put("blocks", parse(blocks));
        }
        if (attachments != null) {
            message.put("attachments", parse(attachments));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        answer.put("channel", channel.id());
        answer.put("ts", posted.ts());
        answer.put("message", message);
        return answer;
    }

    private Map<String, Object> authTest(JsonNode arguments) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        answer.put("url", "https://rapport-sandbox.slack.com/");
        answer.put("team", bot.teamName());
        answer.put("user", "rapport");
        answer.put("team_id", bot.teamId());
        answer.put("user_id", bot.userId());
        answer.put("bot_id", bot.botId());
        return answer;
    }

    private void authenticate(HttpExchange exchange, JsonNode arguments) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()).strip()
                : text(arguments, "token");
        if (token == null || token.isBlank()) {
            throw new SlackError(400, "not_authed");
        }
        if (!token.equals(bot.token())) {
            throw new SlackError(400, "invalid_auth");
        }
    }

    /** The call's arguments: the query string, then a form or JSON body over it. */
    private static JsonNode arguments(HttpExchange exchange, byte[] body) {
        Map<String, Object> arguments = new LinkedHashMap<>(SandboxHttp.form(exchange.getRequestURI().getRawQuery()));
        String raw = new String(body, StandardCharsets.UTF_8);
        if (SandboxHttp.contentType(exchange).startsWith("application/json")) {
            try {
                JsonNode json = SandboxHttp.JSON.readTree(raw);
                if (json == null || !json.isObject()) {
                    throw new SlackError(400, "invalid_json");
                }
                json.fields().forEachRemaining(field -> arguments.put(field.getKey(), field.getValue()));
            } catch (JsonProcessingException e) {
                throw new SlackError(400, "invalid_json");
            }
        } else {
            arguments.putAll(SandboxHttp.form(raw));
        }
        return SandboxHttp.JSON.valueToTree(arguments);
    }

    private static String text(JsonNode arguments, String name) {
        JsonNode value = arguments.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Blocks or attachments, which forms carry as JSON text and JSON bodies as arrays; null when absent. */
    private static String jsonArray(JsonNode arguments, String name, String error) {
        JsonNode value = arguments.get(name);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return null;
        }
        JsonNode array = value.isTextual() ? parse(value.asText(), error) : value;
        if (!array.isArray()) {
            throw new SlackError(400, error);
        }
        return array.isEmpty() ? null : array.toString();
    }

    private static JsonNode parse(String json) {
        return parse(json, "invalid_json");
    }

    private static JsonNode parse(String json, String error) {
        try {
            return SandboxHttp.JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SlackError(400, error);
        }
    }
}
