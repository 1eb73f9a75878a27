package io.rapport.core.social;

import java.util.Objects;

/** Another post this one points at: the post it reposts, quotes or replies to. */
public record PostReference(Kind kind, String postId) {

    public enum Kind {
        /** A plain repost (retweet): the same words, passed on. */
        REPOST,
        /** A repost with words of its own. */
        QUOTE,
        /** An answer in the other post's conversation. */
        REPLY
    }

    public PostReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(postId, "postId");
    }
}
