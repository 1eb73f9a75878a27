package io.rapport.sim.social;

import java.time.Instant;
import java.util.Objects;

/**
 * An X account that posts: what v2 calls a user and v1.1 a user object. Follower counts matter to the hub (reach,
 * influencer routing), so the generator draws them long-tailed.
 *
 * @param lang the language the account usually writes in
 */
public record Author(long id, String username, String name, boolean verified, int followers, int following,
                     int tweetCount, String lang, Instant createdAt) {

    public Author {
        Objects.requireNonNull(username, "username");
        if (!username.matches("\\w{1,15}")) {
            throw new IllegalArgumentException("an X username is 1-15 letters, digits or underscores: " + username);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** An ordinary account for a username nobody declared: a few hundred followers, not verified. */
    static Author casual(String username) {
        long id = 1_000_000L + (Integer.toUnsignedLong(username.toLowerCase(java.util.Locale.ROOT).hashCode()) % 900_000_000L);
        String name = Character.toUpperCase(username.charAt(0)) + username.substring(1);
        return new Author(id, username, name, false, 120, 180, 640, "en", Instant.parse("2019-03-14T09:26:53Z"));
    }

    Author withTweetCount(int count) {
        return new Author(id, username, name, verified, followers, following, count, lang, createdAt);
    }
}
