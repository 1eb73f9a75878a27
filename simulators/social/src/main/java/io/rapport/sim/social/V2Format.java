package io.rapport.sim.social;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders posts and accounts as X API v2 does: ids as strings, ISO-8601 times with milliseconds, the fields the client
 * asked for, and the {@code includes} its expansions call for (each account and post once).
 */
final class V2Format {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Timeline timeline;

    V2Format(Timeline timeline) {
        this.timeline = timeline;
    }

    Map<String, Object> tweet(Post post, V2Fields fields) {
        Map<String, Object> tweet = new LinkedHashMap<>();
        tweet.put("id", String.valueOf(post.id()));
        tweet.put("text", post.text());
        tweet.put("edit_history_tweet_ids", List.of(String.valueOf(post.id())));
        if (fields.tweet("author_id")) {
            tweet.put("author_id", String.valueOf(post.author().id()));
        }
        if (fields.tweet("created_at")) {
            tweet.put("created_at", TIME.format(post.createdAt()));
        }
        if (fields.tweet("conversation_id")) {
            tweet.put("conversation_id", String.valueOf(post.conversationId()));
        }
        if (fields.tweet("lang")) {
            tweet.put("lang", post.lang());
        }
        if (fields.tweet("public_metrics")) {
            Post.Metrics m = post.metrics();
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("retweet_count", m.retweets());
            metrics.put("reply_count", m.replies());
            metrics.put("like_count", m.likes());
            metrics.put("quote_count", m.quotes());
            metrics.put("bookmark_count", m.likes() / 20);
            metrics.put("impression_count", impressions(post));
            tweet.put("public_metrics", metrics);
        }
        if (fields.tweet("referenced_tweets") && post.reference() != null) {
            tweet.put("referenced_tweets", List.of(Map.of("type", post.reference().type().apiName(),
                    "id", String.valueOf(post.reference().postId()))));
        }
        if (fields.tweet("in_reply_to_user_id")) {
            inReplyTo(post).ifPresent(parent -> tweet.put("in_reply_to_user_id",
                    String.valueOf(parent.author().id())));
        }
        if (fields.tweet("entities")) {
            Map<String, Object> entities = entities(post.entities());
            if (!entities.isEmpty()) {
                tweet.put("entities", entities);
            }
        }
        if (fields.tweet("possibly_sensitive")) {
            tweet.put("possibly_sensitive", false);
        }
        if (fields.tweet("source")) {
            tweet.put("source", "Twitter for iPhone");
        }
        if (fields.tweet("reply_settings")) {
            tweet.put("reply_settings", "everyone");
        }
        return tweet;
    }

    Map<String, Object> user(Author author, V2Fields fields) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", String.valueOf(author.id()));
        user.put("name", author.name());
        user.put("username", author.username());
        if (fields.user("verified")) {
            user.put("verified", author.verified());
        }
        if (fields.user("public_metrics")) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("followers_count", author.followers());
            metrics.put("following_count", author.following());
            metrics.put("tweet_count", author.tweetCount());
            metrics.put("listed_count", author.followers() / 250);
            user.put("public_metrics", metrics);
        }
        if (fields.user("created_at")) {
            user.put("created_at", TIME.format(author.createdAt()));
        }
        if (fields.user("description")) {
            user.put("description", "");
        }
        if (fields.user("location")) {
            user.put("location", "");
        }
        if (fields.user("protected")) {
            user.put("protected", false);
        }
        if (fields.user("profile_image_url")) {
            user.put("profile_image_url", "https://pbs.twimg.com/profile_images/" + author.id() + "/normal.jpg");
        }
        return user;
    }

    /** One post as a v2 document: {@code data}, and {@code includes} when the expansions ask for any. */
    Map<String, Object> document(Post post, V2Fields fields) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("data", tweet(post, fields));
        Map<String, Object> includes = includes(List.of(post), fields);
        if (!includes.isEmpty()) {
            document.put("includes", includes);
        }
        return document;
    }

    /** {@code includes} for these posts: the accounts and posts the expansions ask for; empty when none. */
    Map<String, Object> includes(List<Post> posts, V2Fields fields) {
        Map<Long, Author> users = new LinkedHashMap<>();
        Map<Long, Post> referenced = new LinkedHashMap<>();
        for (Post post : posts) {
            if (fields.expands("author_id")) {
                users.putIfAbsent(post.author().id(), post.author());
            }
            if (fields.expands("in_reply_to_user_id")) {
                inReplyTo(post).ifPresent(parent -> users.putIfAbsent(parent.author().id(), parent.author()));
            }
            if (fields.expands("entities.mentions.username")) {
                for (Entities.Mention mention : post.entities().mentions()) {
                    timeline.findAuthor(mention.username()).ifPresent(a -> users.putIfAbsent(a.id(), a));
                }
            }
            if (post.reference() != null && (fields.expands("referenced_tweets.id")
                    || fields.expands("referenced_tweets.id.author_id"))) {
                timeline.get(post.reference().postId()).ifPresent(parent -> {
                    if (fields.expands("referenced_tweets.id")) {
                        referenced.putIfAbsent(parent.id(), parent);
                    }
                    if (fields.expands("referenced_tweets.id.author_id")) {
                        users.putIfAbsent(parent.author().id(), parent.author());
                    }
                });
            }
        }
        Map<String, Object> includes = new LinkedHashMap<>();
        if (!users.isEmpty()) {
            includes.put("users", users.values().stream().map(a -> user(a, fields)).toList());
        }
        if (!referenced.isEmpty()) {
            includes.put("tweets", referenced.values().stream().map(p -> tweet(p, fields)).toList());
        }
        return includes;
    }

    private Optional<Post> inReplyTo(Post post) {
        return post.isReply() ? timeline.get(post.reference().postId()) : Optional.empty();
    }

    private Map<String, Object> entities(Entities entities) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (!entities.mentions().isEmpty()) {
            List<Map<String, Object>> mentions = new ArrayList<>();
            for (Entities.Mention m : entities.mentions()) {
                Map<String, Object> mention = new LinkedHashMap<>();
                mention.put("start", m.start());
                mention.put("end", m.end());
                mention.put("username", m.username());
                timeline.findAuthor(m.username()).ifPresent(a -> mention.put("id", String.valueOf(a.id())));
                mentions.add(mention);
            }
            json.put("mentions", mentions);
        }
        if (!entities.hashtags().isEmpty()) {
            json.put("hashtags", entities.hashtags().stream().map(h -> (Object) Map.of("start", h.start(),
                    "end", h.end(), "tag", h.tag())).toList());
        }
        if (!entities.urls().isEmpty()) {
            json.put("urls", entities.urls().stream().map(u -> {
                Map<String, Object> url = new LinkedHashMap<>();
                url.put("start", u.start());
                url.put("end", u.end());
                url.put("url", u.url());
                url.put("expanded_url", u.expandedUrl());
                url.put("display_url", u.displayUrl());
                return (Object) url;
            }).toList());
        }
        return json;
    }

    static int impressions(Post post) {
        long reach = (long) post.author().followers() / 8 + 20L * post.metrics().likes()
                + 60L * post.metrics().retweets() + 7;
        return (int) Math.min(Integer.MAX_VALUE, reach);
    }
}
