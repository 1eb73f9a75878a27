package io.rapport.sim.social;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A post (tweet) in the sandbox's timeline, as both APIs render it, plus the ground truth the APIs never show.
 *
 * @param id             a snowflake id: grows with {@code createdAt}, as X's do, so {@code since_id} works
 * @param conversationId the id of the post that started the thread (its own id for a thread's first post)
 * @param reference      what the post retweets, quotes or replies to, or {@code null}
 * @param label          the generator's ground truth, or {@code null} for a post added without one
 */
public record Post(long id, Author author, String text, Instant createdAt, String lang, long conversationId,
                   Reference reference, Metrics metrics, Entities entities, Label label) {

    /** How a post refers to another, named as X v2's {@code referenced_tweets.type}. */
    public enum ReferenceType {
        RETWEETED("retweeted"), QUOTED("quoted"), REPLIED_TO("replied_to");

        private final String apiName;

        ReferenceType(String apiName) {
            this.apiName = apiName;
        }

        public String apiName() {
            return apiName;
        }
    }

    public record Reference(ReferenceType type, long postId) {
        public Reference {
            Objects.requireNonNull(type, "type");
        }
    }

    /** X's public metrics: what the post got from others. */
    public record Metrics(int retweets, int replies, int likes, int quotes) {

        public static final Metrics NONE = new Metrics(0, 0, 0, 0);

        Metrics plus(ReferenceType type) {
            return switch (type) {
                case RETWEETED -> new Metrics(retweets + 1, replies, likes, quotes);
                case REPLIED_TO -> new Metrics(retweets, replies + 1, likes, quotes);
                case QUOTED -> new Metrics(retweets, replies, likes, quotes + 1);
            };
        }
    }

    public Post {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(entities, "entities");
    }

    public Optional<Label> truth() {
        return Optional.ofNullable(label);
    }

    public boolean isRetweet() {
        return reference != null && reference.type() == ReferenceType.RETWEETED;
    }

    public boolean isReply() {
        return reference != null && reference.type() == ReferenceType.REPLIED_TO;
    }

    public boolean isQuote() {
        return reference != null && reference.type() == ReferenceType.QUOTED;
    }

    Post withMetrics(Metrics changed) {
        return new Post(id, author, text, createdAt, lang, conversationId, reference, changed, entities, label);
    }
}
