package io.rapport.core.social;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Canonical Data Model of something said in public: one post, from whichever network, in one shape. Enrichment
 * (language, sentiment, intent, influence, conversation degree) is added to it later and kept apart.
 *
 * @param platform       the network or webhook source ({@code x}, or the {@code source} a webhook names), lower case
 * @param postId         the post's id there
 * @param author         who posted it
 * @param text           what it says, as posted
 * @param language       the language the platform detected (BCP 47 such as {@code en}); null when it did not say
 * @param createdAt      when it was posted
 * @param conversationId the thread it belongs to (on X the id of the thread's first post); the post's own id when it
 *                       starts one
 * @param references     the posts it reposts, quotes or replies to
 * @param mentions       the handles it mentions, without {@code @}, lower case
 * @param hashtags       its hashtags, without {@code #}, lower case
 * @param engagement     what others did with it, when it was read
 * @param url            a link to the post on the network; may be null
 * @param rawPayloadId   the id under which the hub keeps the payload it came in (the link back to the raw data)
 */
public record SocialEvent(String platform, String postId, SocialAuthor author, String text, String language,
                          Instant createdAt, String conversationId, List<PostReference> references,
                          List<String> mentions, List<String> hashtags, Engagement engagement, String url,
                          String rawPayloadId) {

    public SocialEvent {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        conversationId = conversationId == null ? postId : conversationId;
        references = references == null ? List.of() : List.copyOf(references);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        hashtags = hashtags == null ? List.of() : List.copyOf(hashtags);
        engagement = engagement == null ? Engagement.NONE : engagement;
    }

    /** Unique across the hub: {@code <platform>:<post id>}. */
    public String key() {
        return platform + ":" + postId;
    }

    public Optional<PostReference> reference(PostReference.Kind kind) {
        return references.stream().filter(reference -> reference.kind() == kind).findFirst();
    }

    public boolean isRepost() {
        return reference(PostReference.Kind.REPOST).isPresent();
    }

    public boolean isReply() {
        return reference(PostReference.Kind.REPLY).isPresent();
    }
}
