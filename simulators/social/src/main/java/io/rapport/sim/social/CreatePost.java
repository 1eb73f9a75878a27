package io.rapport.sim.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /2/tweets} in the brand's name: {@code {"text": "...", "reply": {"in_reply_to_tweet_id": "..."}}}
 * answers 201 {@code {"data":{"id","text","edit_history_tweet_ids"}}}, and the post joins the timeline (a reply joins
 * its parent's conversation and counts on it), so searches, the stream and the mentions timeline see it.
 *
 * <p>Refusals as X gives them: a body that is not JSON, without {@code text}, or a {@code reply} without
 * {@code in_reply_to_tweet_id} or with an id that is not a number answers 400 {@code Invalid Request} with
 * {@code errors[].message} naming the JSON path; text over 280 weighted characters (twitter-text: most code points
 * count 1, those past U+10FF and emoji 2, each URL 23), the same text the brand posted in the last 24 hours, and a reply
 * to a post that does not exist answer 403 {@code Forbidden} with X's detail (v1.1's codes 186, 187 and 385).
 */
final class CreatePost implements ApiHandler.Endpoint {

    static final int MAX_WEIGHTED_LENGTH = 280;
    private static final int URL_WEIGHT = 23;
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

    private final Timeline timeline;
    private final Supplier<Author> brand;
    private final Clock clock;

    CreatePost(Timeline timeline, Supplier<Author> brand, Clock clock) {
        this.timeline = timeline;
        this.brand = brand;
        this.clock = clock;
    }

    @Override
    public ApiAnswer answer(ApiCall call) {
        JsonNode json;
        try {
            json = call.json();
        } catch (IOException e) {
            return invalid("$", "", "The request body is not valid JSON: " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            return invalid("$", "", "$: the request body must be a JSON object");
        }
        if (!json.hasNonNull("text") || !json.get("text").isTextual() || json.get("text").asText().isBlank()) {
            return invalid("$.text", "", "$.text: is missing but it is required");
        }
        String text = json.get("text").asText();
        Long parentId = null;
        if (json.has("reply")) {
            JsonNode reply = json.get("reply");
            if (!reply.isObject() || !reply.hasNonNull("in_reply_to_tweet_id")) {
                return invalid("$.reply", reply.toString(), "$.reply.in_reply_to_tweet_id: is missing but it is"
                        + " required");
            }
            String id = reply.get("in_reply_to_tweet_id").asText();
            if (!id.matches("[0-9]{1,19}")) {
                return invalid("$.reply.in_reply_to_tweet_id", id, "$.reply.in_reply_to_tweet_id: does not match"
                        + " the regex pattern ^[0-9]{1,19}$");
            }
            parentId = Long.parseLong(id);
        }
        int length = weightedLength(text);
        if (length > MAX_WEIGHTED_LENGTH) {
            return XErrors.forbidden("Your Tweet text is too long: " + length + " weighted characters, at most "
                    + MAX_WEIGHTED_LENGTH + ". For more information on how X determines text length see"
                    + " https://github.com/twitter/twitter-text.");
        }
        if (parentId != null && timeline.get(parentId).isEmpty()) {
            return XErrors.forbidden("You attempted to reply to a Tweet that is deleted or not visible to you.");
        }
        Author author = brand.get();
        if (isDuplicate(author, text)) {
            return XErrors.forbidden("You are not allowed to create a Tweet with duplicate content.");
        }
        NewPost draft = NewPost.by(author.username()).text(text).lang(author.lang());
        if (parentId != null) {
            draft.replyTo(parentId);
        }
        Post post = timeline.append(draft);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", String.valueOf(post.id()));
        data.put("text", post.text());
        data.put("edit_history_tweet_ids", List.of(String.valueOf(post.id())));
        return ApiAnswer.json(201, Map.of("data", data));
    }

    /** twitter-text v3's weighting, without emoji sequences: what X counts against the 280. */
    static int weightedLength(String text) {
        int length = 0;
        Matcher urls = URL.matcher(text);
        int from = 0;
        while (urls.find()) {
            length += weight(text.substring(from, urls.start())) + URL_WEIGHT;
            from = urls.end();
        }
        return length + weight(text.substring(from));
    }

    private static int weight(String text) {
        return text.codePoints().map(cp -> cp <= 0x10FF || (cp >= 0x2000 && cp <= 0x200D)
                || (cp >= 0x2010 && cp <= 0x201F) || (cp >= 0x2032 && cp <= 0x2037) ? 1 : 2).sum();
    }

    private boolean isDuplicate(Author author, String text) {
        Instant since = clock.instant().minus(DUPLICATE_WINDOW);
        for (Post post : timeline.newestFirst()) {
            if (post.createdAt().isBefore(since)) {
                return false;
            }
            if (post.author().id() == author.id() && (post.text().equals(text) || post.text().endsWith(" " + text))) {
                return true;
            }
        }
        return false;
    }

    private static ApiAnswer invalid(String parameter, String value, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("parameters", Map.of(parameter, List.of(value)));
        error.put("message", message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errors", List.of(error));
        body.put("title", "Invalid Request");
        body.put("detail", "One or more parameters to your request was invalid.");
        body.put("type", "https://api.twitter.com/2/problems/invalid-request");
        return ApiAnswer.json(400, body);
    }
}
