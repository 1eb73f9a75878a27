package io.rapport.core.social;

/** What others did with a post, as the platform counted it when the post was read; every count at least 0. */
public record Engagement(long likes, long replies, long reposts, long quotes) {

    public static final Engagement NONE = new Engagement(0, 0, 0, 0);

    public Engagement {
        likes = Math.max(0, likes);
        replies = Math.max(0, replies);
        reposts = Math.max(0, reposts);
        quotes = Math.max(0, quotes);
    }

    public long total() {
        return likes + replies + reposts + quotes;
    }
}
