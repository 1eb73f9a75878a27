package io.rapport.core.social;

import java.util.Locale;
import java.util.Objects;

/**
 * Who posted, as the platform describes them.
 *
 * @param id          the platform's user id
 * @param handle      the handle without {@code @}, lower case (handles ignore case on X)
 * @param displayName the name shown; may be null
 * @param followers   followers; 0 when the platform does not say
 * @param following   accounts followed; 0 when the platform does not say
 * @param verified    whether the platform marks the account verified
 */
public record SocialAuthor(String id, String handle, String displayName, long followers, long following,
                           boolean verified) {

    public SocialAuthor {
        Objects.requireNonNull(id, "id");
        handle = handle == null || handle.isBlank() ? null
                : handle.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
        followers = Math.max(0, followers);
        following = Math.max(0, following);
    }
}
