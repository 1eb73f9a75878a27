package io.rapport.sim.social;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a v2 client asked to see: {@code tweet.fields}, {@code user.fields} and {@code expansions}. X answers only
 * {@code id}, {@code text} and {@code edit_history_tweet_ids} of a post and {@code id}, {@code name} and
 * {@code username} of a user unless asked for more, and refuses field names it does not know.
 */
record V2Fields(Set<String> tweetFields, Set<String> userFields, Set<String> expansions) {

    static final Set<String> TWEET_FIELDS = Set.of("id", "text", "edit_history_tweet_ids", "author_id", "created_at",
            "conversation_id", "lang", "public_metrics", "referenced_tweets", "entities", "in_reply_to_user_id",
            "possibly_sensitive", "source", "reply_settings");
    static final Set<String> USER_FIELDS = Set.of("id", "name", "username", "verified", "public_metrics",
            "created_at", "description", "location", "protected", "profile_image_url");
    static final Set<String> EXPANSIONS = Set.of("author_id", "referenced_tweets.id", "referenced_tweets.id.author_id",
            "in_reply_to_user_id", "entities.mentions.username");

    /** The selection in the call, or the 400 X answers for an unknown name (thrown as {@link Invalid}). */
    static V2Fields of(ApiCall call) {
        return of(call.param("tweet.fields"), call.param("user.fields"), call.param("expansions"));
    }

    /** The selection the three parameters' values (comma-separated, or null) make. */
    static V2Fields of(String tweetFields, String userFields, String expansions) {
        return new V2Fields(list("tweet.fields", tweetFields, TWEET_FIELDS), list("user.fields", userFields,
                USER_FIELDS), list("expansions", expansions, EXPANSIONS));
    }

    /** A selection parameter naming something X does not have. */
    static final class Invalid extends RuntimeException {
        final transient ApiAnswer answer;

        Invalid(ApiAnswer answer) {
            super(String.valueOf(answer.body()));
            this.answer = answer;
        }
    }

    boolean tweet(String field) {
        return tweetFields.contains(field);
    }

    boolean user(String field) {
        return userFields.contains(field);
    }

    boolean expands(String expansion) {
        return expansions.contains(expansion);
    }

    private static Set<String> list(String parameter, String value, Set<String> allowed) {
        Set<String> names = new LinkedHashSet<>();
        if (value == null) {
            return names;
        }
        for (String name : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList()) {
            if (!allowed.contains(name)) {
                throw new Invalid(XErrors.invalidRequest(parameter, name, "The `" + parameter
                        + "` query parameter value [" + name + "] is not one of " + new TreeSet<>(allowed)));
            }
            names.add(name);
        }
        return names;
    }
}
