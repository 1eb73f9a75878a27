package io.rapport.sim.social;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders posts, accounts and direct messages as X API v1.1 does, with the fields Twitter4J 4.1 reads: numeric ids
 * with their {@code _str} twins, {@code created_at} as {@code "Wed Nov 24 10:15:00 +0000 2026"}, {@code text} (or
 * {@code full_text} in extended mode) with entity {@code indices} in code points, the author's {@code user} object,
 * {@code retweeted_status} and {@code quoted_status} in full, and the reply fields.
 */
final class V1Format {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final Timeline timeline;

    V1Format(Timeline timeline) {
        this.timeline = timeline;
    }

    /** A status; {@code extended} answers {@code full_text} rather than {@code text}, as {@code tweet_mode=extended}. */
    Map<String, Object> status(Post post, boolean extended, boolean search) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("created_at", TIME.format(post.createdAt()));
        status.put("id", post.id());
        status.put("id_str", String.valueOf(post.id()));
        if (extended) {
            status.put("full_text", post.text());
            status.put("truncated", false);
            status.put("display_text_range", List.of(0, post.text().codePointCount(0, post.text().length())));
        } else {
            status.put("text", post.text());
            status.put("truncated", false);
        }
        status.put("entities", entities(post.entities()));
        if (search) {
            status.put("metadata", Map.of("iso_language_code", post.lang(), "result_type", "recent"));
        }
        status.put("source", "<a href=\"http://twitter.com/download/iphone\" rel=\"nofollow\">Twitter for iPhone</a>");
        Post parent = post.isReply() ? timeline.get(post.reference().postId()).orElse(null) : null;
        status.put("in_reply_to_status_id", parent == null ? null : parent.id());
        status.put("in_reply_to_status_id_str", parent == null ? null : String.valueOf(parent.id()));
        status.put("in_reply_to_user_id", parent == null ? null : parent.author().id());
        status.put("in_reply_to_user_id_str", parent == null ? null : String.valueOf(parent.author().id()));
        status.put("in_reply_to_screen_name", parent == null ? null : parent.author().username());
        status.put("user", user(post.author()));
        status.put("geo", null);
        status.put("coordinates", null);
        status.put("place", null);
        status.put("contributors", null);
        if (post.isRetweet()) {
            timeline.get(post.reference().postId()).ifPresent(original ->
                    status.put("retweeted_status", status(original, extended, search)));
        }
        status.put("is_quote_status", post.isQuote());
        if (post.isQuote()) {
            timeline.get(post.reference().postId()).ifPresent(quoted -> {
                status.put("quoted_status_id", quoted.id());
                status.put("quoted_status_id_str", String.valueOf(quoted.id()));
                status.put("quoted_status", status(quoted, extended, search));
            });
        }
        status.put("retweet_count", post.metrics().retweets());
        status.put("favorite_count", post.metrics().likes());
        status.put("favorited", false);
        status.put("retweeted", false);
        status.put("possibly_sensitive", false);
        status.put("lang", post.lang());
        return status;
    }

    Map<String, Object> user(Author author) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", author.id());
        user.put("id_str", String.valueOf(author.id()));
        user.put("name", author.name());
        user.put("screen_name", author.username());
        user.put("location", "");
        user.put("description", "");
        user.put("url", null);
        user.put("entities", Map.of("description", Map.of("urls", List.of())));
        user.put("protected", false);
        user.put("followers_count", author.followers());
        user.put("friends_count", author.following());
        user.put("listed_count", author.followers() / 250);
        user.put("created_at", TIME.format(author.createdAt()));
        user.put("favourites_count", author.tweetCount() * 2);
        user.put("utc_offset", null);
        user.put("time_zone", null);
        user.put("geo_enabled", false);
        user.put("verified", author.verified());
        user.put("statuses_count", author.tweetCount());
        user.put("lang", null);
        user.put("contributors_enabled", false);
        user.put("is_translator", false);
        user.put("profile_image_url", "http://pbs.twimg.com/profile_images/" + author.id() + "/normal.jpg");
        user.put("profile_image_url_https", "https://pbs.twimg.com/profile_images/" + author.id() + "/normal.jpg");
        user.put("default_profile", true);
        user.put("default_profile_image", false);
        user.put("following", false);
        user.put("follow_request_sent", false);
        user.put("notifications", false);
        return user;
    }

    /** A {@code message_create} event, as {@code direct_messages/events/list.json} lists them. */
    Map<String, Object> event(DirectMessage message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", message.text());
        data.put("entities", entities(Entities.of(message.text())));
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("target", Map.of("recipient_id", String.valueOf(message.recipient().id())));
        create.put("sender_id", String.valueOf(message.sender().id()));
        create.put("message_data", data);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "message_create");
        event.put("id", String.valueOf(message.id()));
        event.put("created_timestamp", String.valueOf(message.createdAt().toEpochMilli()));
        event.put("message_create", create);
        return event;
    }

    private Map<String, Object> entities(Entities entities) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("hashtags", entities.hashtags().stream().map(h -> (Object) Map.of("text", h.tag(),
                "indices", List.of(h.start(), h.end()))).toList());
        json.put("symbols", List.of());
        json.put("user_mentions", entities.mentions().stream().map(m -> {
            Map<String, Object> mention = new LinkedHashMap<>();
            mention.put("screen_name", m.username());
            timeline.findAuthor(m.username()).ifPresent(a -> {
                mention.put("screen_name", a.username());
                mention.put("name", a.name());
                mention.put("id", a.id());
                mention.put("id_str", String.valueOf(a.id()));
            });
            mention.put("indices", List.of(m.start(), m.end()));
            return (Object) mention;
        }).toList());
        json.put("urls", entities.urls().stream().map(u -> (Object) Map.of("url", u.url(),
                "expanded_url", u.expandedUrl(), "display_url", u.displayUrl(),
                "indices", List.of(u.start(), u.end()))).toList());
        return json;
    }
}
