package io.rapport.connector.x;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.connector.x.internal.HttpAnswer;
import io.rapport.connector.x.internal.SinglePostDocuments;
import io.rapport.connector.x.internal.XHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.CamelContext;

/**
 * Posts replies with X API v2 {@code POST /2/tweets} {@code {"text", "reply": {"in_reply_to_tweet_id"}}} over
 * camel-http. X takes posts only in a user's name: the token is the brand account's OAuth 2.0 user access token (an
 * app-only bearer token is refused with 403). It sends exactly one request per call; pacing (the listen/talk guard)
 * and retrying are the caller's, helped by {@link XApiException#retriable()} and {@link XApiException#retryAt()}.
 */
public final class XReplyClient implements AutoCloseable {

    private static final String TWEETS = "/2/tweets";

    private final XHttp http;

    /**
     * @param baseUrl         X API v2's base URL ({@value XSourceSettings#DEFAULT_BASE_URL}, or the sandbox's)
     * @param userAccessToken the brand account's OAuth 2.0 user access token (scopes tweet.write, users.read,
     *                        tweet.read); secret, never logged
     */
    public XReplyClient(CamelContext camel, String baseUrl, String userAccessToken) {
        Objects.requireNonNull(camel, "camel");
        if (userAccessToken == null || userAccessToken.isBlank()) {
            throw new IllegalArgumentException("replies need the brand account's user access token");
        }
        this.http = new XHttp(camel, (baseUrl == null || baseUrl.isBlank() ? XSourceSettings.DEFAULT_BASE_URL
                : baseUrl).replaceAll("/+$", ""), userAccessToken);
    }

    /**
     * Replies to a post.
     *
     * @throws XApiException when X refuses it (text too long, unknown or deleted post, duplicate, rate limit...) or
     *                       cannot be reached
     */
    public PostedReply reply(String inReplyToPostId, String text) throws XApiException {
        if (inReplyToPostId == null || !inReplyToPostId.matches("\\d{1,19}")) {
            throw new IllegalArgumentException("X post ids are numbers; cannot reply to " + inReplyToPostId);
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a reply needs text");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.put("reply", Map.of("in_reply_to_tweet_id", inReplyToPostId));
        HttpAnswer answer;
        try {
            answer = http.post(TWEETS, Map.of(), SinglePostDocuments.JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new XApiException("could not reach X to reply to " + inReplyToPostId + ": " + e.getMessage(), e);
        }
        JsonNode json = parse(answer.body());
        if (answer.ok() && json != null && json.path("data").hasNonNull("id")) {
            return new PostedReply(json.path("data").path("id").asText(), json.path("data").path("text").asText(),
                    inReplyToPostId);
        }
        throw refusal(answer, json, inReplyToPostId);
    }

    private static XApiException refusal(HttpAnswer answer, JsonNode json, String target) {
        String title = json == null ? null : json.path("title").asText(null);
        String detail = json == null ? null : json.path("detail").asText(null);
        List<String> errors = new ArrayList<>();
        if (json != null) {
            json.path("errors").forEach(error -> errors.add(error.path("message").asText(error.toString())));
        }
        Instant retryAt = null;
        if (answer.status() == 429 && answer.header("x-rate-limit-reset") != null) {
            try {
                retryAt = Instant.ofEpochSecond(Long.parseLong(answer.header("x-rate-limit-reset").trim()));
            } catch (NumberFormatException ignored) {
                // no usable reset: the caller backs off on its own
            }
        }
        String message = "X refused the reply to " + target + ": HTTP " + answer.status()
                + (title == null ? "" : " " + title) + (detail == null ? "" : ": " + detail)
                + (errors.isEmpty() ? "" : " " + errors);
        return new XApiException(message, answer.status(), title, detail, errors, retryAt);
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : SinglePostDocuments.JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
