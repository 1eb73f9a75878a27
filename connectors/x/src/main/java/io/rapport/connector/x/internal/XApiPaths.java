package io.rapport.connector.x.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** X API v2's paths and the fields the hub's normalizer needs on every post. */
final class XApiPaths {

    static final String RECENT_SEARCH = "/2/tweets/search/recent";
    static final String STREAM = "/2/tweets/search/stream";
    static final String STREAM_RULES = "/2/tweets/search/stream/rules";
    static final String TWEETS = "/2/tweets";

    /** {@code XPostNormalizer} reads author, time, thread, language, metrics, references, mentions and hashtags. */
    static final String TWEET_FIELDS = "author_id,created_at,conversation_id,lang,public_metrics,referenced_tweets,"
            + "entities,in_reply_to_user_id";
    /** and the author's handle, name (both always present), followers and verification. */
    static final String USER_FIELDS = "verified,public_metrics";
    static final String EXPANSIONS = "author_id,referenced_tweets.id,referenced_tweets.id.author_id,"
            + "in_reply_to_user_id";

    private XApiPaths() {
    }

    static Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("tweet.fields", TWEET_FIELDS);
        fields.put("user.fields", USER_FIELDS);
        fields.put("expansions", EXPANSIONS);
        return fields;
    }
}
