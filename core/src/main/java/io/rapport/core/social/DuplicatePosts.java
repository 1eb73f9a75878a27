package io.rapport.core.social;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Duplicate and repost collapse: posts that say the same thing once are one event for listening. A repost collapses
 * into the post it passes on; a post one author sends again with the same words (bots, copy-paste campaigns, a
 * retry) collapses into the first, whatever links, spacing, case or trailing punctuation differ.
 */
public final class DuplicatePosts {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING = Pattern.compile("[\\p{Punct}\\s]+$");

    private DuplicatePosts() {
    }

    /**
     * The keys under which a post is the same as another: the post it is (its own id, or for a repost the id of the
     * post it passes on) and, for a post with words of its own, its author and wording. Two posts collapse into one
     * when they share a key.
     */
    public static List<String> collapseKeys(SocialEvent event) {
        Optional<PostReference> reposted = event.reference(PostReference.Kind.REPOST);
        String post = event.platform() + ":post:" + reposted.map(PostReference::postId).orElse(event.postId());
        if (reposted.isPresent()) {
            return List.of(post);
        }
        return List.of(post, event.platform() + ":text:" + event.author().id() + ":" + digest(wording(event.text())));
    }

    /** The words that count: no links, one space between words, no case, no trailing punctuation. */
    static String wording(String text) {
        String words = SPACE.matcher(LINK.matcher(text).replaceAll(" ")).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
        return TRAILING.matcher(words).replaceAll("");
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
