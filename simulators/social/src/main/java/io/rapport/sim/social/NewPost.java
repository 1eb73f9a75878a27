package io.rapport.sim.social;

import java.time.Instant;
import java.util.Objects;

/**
 * A post to add to the sandbox through the Java API, as a builder: who writes it and what it says, and optionally its
 * language, time, what it replies to, quotes or retweets, its metrics and its ground-truth label.
 *
 * <pre>{@code
 * sandbox.post(NewPost.by("maria_g").text("¡Me encanta @acme! 😍").lang("es").label(Label.of(Kind.PRAISE, "es")));
 * }</pre>
 */
public final class NewPost {

    final String username;
    String text = "";
    String lang = "en";
    Instant createdAt;
    Post.Reference reference;
    Post.Metrics metrics = Post.Metrics.NONE;
    Label label;

    private NewPost(String username) {
        this.username = Objects.requireNonNull(username, "username");
    }

    /** A post by this account; unknown usernames become ordinary accounts. */
    public static NewPost by(String username) {
        return new NewPost(username);
    }

    public NewPost text(String value) {
        this.text = Objects.requireNonNull(value, "text");
        return this;
    }

    /** The language X would detect (ISO 639-1, or {@code und}); {@code en} when not given. */
    public NewPost lang(String value) {
        this.lang = Objects.requireNonNull(value, "lang");
        return this;
    }

    /** When it was posted; now when not given. Never before the latest post: the timeline only grows. */
    public NewPost at(Instant value) {
        this.createdAt = value;
        return this;
    }

    public NewPost replyTo(long postId) {
        this.reference = new Post.Reference(Post.ReferenceType.REPLIED_TO, postId);
        return this;
    }

    public NewPost quote(long postId) {
        this.reference = new Post.Reference(Post.ReferenceType.QUOTED, postId);
        return this;
    }

    /** A retweet: the text becomes {@code RT @author: original text}, as X renders one. */
    public NewPost retweetOf(long postId) {
        this.reference = new Post.Reference(Post.ReferenceType.RETWEETED, postId);
        return this;
    }

    public NewPost metrics(Post.Metrics value) {
        this.metrics = Objects.requireNonNull(value, "metrics");
        return this;
    }

    public NewPost label(Label value) {
        this.label = value;
        return this;
    }
}
