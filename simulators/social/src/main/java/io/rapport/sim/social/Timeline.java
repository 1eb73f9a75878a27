package io.rapport.sim.social;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Every post and account in the sandbox, in the order X would have stored them: ids are snowflakes derived from the
 * post time and only grow, so {@code since_id}, {@code until_id} and "newest first" mean what they mean on X. New posts
 * are announced to listeners (the filtered stream) as they are appended.
 */
final class Timeline {

    /** X's snowflake epoch, 2010-11-04T01:42:54.657Z. */
    private static final long SNOWFLAKE_EPOCH = 1288834974657L;

    private final Clock clock;
    private final ConcurrentSkipListMap<Long, Post> posts = new ConcurrentSkipListMap<>();
    private final Map<String, Author> byUsername = new ConcurrentHashMap<>();
    private final Map<Long, Author> byId = new ConcurrentHashMap<>();
    private final List<Consumer<Post>> listeners = new CopyOnWriteArrayList<>();
    private long lastId;
    private Instant lastCreatedAt = Instant.EPOCH;

    Timeline(Clock clock) {
        this.clock = clock;
    }

    Author register(Author author) {
        Author existing = byUsername.putIfAbsent(key(author.username()), author);
        if (existing != null) {
            return existing;
        }
        byId.put(author.id(), author);
        return author;
    }

    /** The account with this username, created as an ordinary one when unknown. */
    Author author(String username) {
        return findAuthor(username).orElseGet(() -> register(Author.casual(username)));
    }

    Optional<Author> findAuthor(String username) {
        return Optional.ofNullable(byUsername.get(key(username)));
    }

    Optional<Author> findAuthor(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    Collection<Author> authors() {
        return byId.values();
    }

    Optional<Post> get(long id) {
        return Optional.ofNullable(posts.get(id));
    }

    /** All posts, newest first. */
    Collection<Post> newestFirst() {
        return posts.descendingMap().values();
    }

    /** All posts, oldest first. */
    List<Post> oldestFirst() {
        return new ArrayList<>(posts.values());
    }

    void onAppend(Consumer<Post> listener) {
        listeners.add(listener);
    }

    /** Adds a post: gives it its id and thread, renders retweets and quotes as X does, counts it on its parent. */
    Post append(NewPost draft) {
        Post post;
        synchronized (this) {
            Author author = author(draft.username);
            Instant at = draft.createdAt == null ? clock.instant() : draft.createdAt;
            if (at.isBefore(lastCreatedAt)) {
                at = lastCreatedAt;
            }
            long id = Math.max(lastId + 1, (at.toEpochMilli() - SNOWFLAKE_EPOCH) << 22);
            String text = draft.text;
            String lang = draft.lang;
            long conversationId = id;
            Post.Reference reference = draft.reference;
            if (reference != null) {
                Post.Reference asked = reference;
                Post parent = get(asked.postId()).orElseThrow(() -> new IllegalArgumentException(
                        "no post " + asked.postId() + " to " + asked.type().apiName()));
                if (reference.type() == Post.ReferenceType.RETWEETED && parent.isRetweet()) {
                    parent = get(parent.reference().postId()).orElseThrow();  // X retweets the original
                    reference = new Post.Reference(Post.ReferenceType.RETWEETED, parent.id());
                }
                String parentHandle = "@" + parent.author().username();
                switch (reference.type()) {
                    case RETWEETED -> {
                        text = "RT " + parentHandle + ": " + parent.text();
                        lang = parent.lang();
                    }
                    case REPLIED_TO -> {
                        conversationId = parent.conversationId();
                        if (!text.toLowerCase(Locale.ROOT).startsWith(parentHandle.toLowerCase(Locale.ROOT))) {
                            text = parentHandle + " " + text;
                        }
                    }
                    case QUOTED -> {
                        String permalink = permalink(parent);
                        if (!text.contains(permalink)) {
                            text = text + " " + permalink;
                        }
                    }
                }
                posts.put(parent.id(), parent.withMetrics(parent.metrics().plus(reference.type())));
            }
            post = new Post(id, author, text, at, lang, conversationId, reference, draft.metrics,
                    Entities.of(text), draft.label);
            posts.put(id, post);
            lastId = id;
            lastCreatedAt = at;
        }
        for (Consumer<Post> listener : listeners) {
            listener.accept(post);
        }
        return post;
    }

    static String permalink(Post post) {
        return "https://twitter.com/" + post.author().username() + "/status/" + post.id();
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
