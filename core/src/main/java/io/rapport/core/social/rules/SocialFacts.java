package io.rapport.core.social.rules;

import io.rapport.core.social.IntentClassifier;
import io.rapport.core.social.SentimentScorer.Sentiment;
import io.rapport.core.social.SocialEvent;
import io.rapport.core.social.TextEnricher;
import io.rapport.core.social.TextEnricher.TextEnrichment;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a social rule may look at for one post, once it is enriched and its author linked: the post, who wrote
 * it, what the hub read in it, and whether the author is a known customer. Values are checked here, so a rule never
 * meets an intent or a degree it cannot name.
 *
 * @param post     the post itself
 * @param author   who wrote it
 * @param reading  what enrichment read in it
 * @param customer the author's link to a golden customer, or {@link CustomerLink#prospect()}
 */
public record SocialFacts(Post post, Author author, Reading reading, CustomerLink customer) {

    public static final Set<String> INTENTS = Set.of(IntentClassifier.PURCHASE_INTENT, IntentClassifier.COMPLAINT,
            IntentClassifier.QUESTION, IntentClassifier.PRAISE, IntentClassifier.SPAM, IntentClassifier.OTHER);
    public static final Set<String> SENTIMENTS = Set.of(Sentiment.POSITIVE, Sentiment.NEGATIVE, Sentiment.NEUTRAL);

    public SocialFacts {
        Objects.requireNonNull(post, "post");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(reading, "reading");
        customer = customer == null ? CustomerLink.prospect() : customer;
    }

    /**
     * The facts of an enriched event, for the pipeline.
     *
     * @param source     the configured source the post came through (e.g. {@code x-acme})
     * @param text       the enrichment of its words
     * @param influence  {@link io.rapport.core.social.InfluenceScore} of the author and post, 0-100
     * @param degree     {@link io.rapport.core.social.ConversationDegree}, 1-6
     * @param duplicate  the post collapsed into one already seen ({@link io.rapport.core.social.DuplicatePosts})
     * @param country    where the author is (ISO 3166-1 alpha-2) when known, e.g. the linked customer's; may be null
     * @param customer   the author's link; null for a prospect
     */
    public static SocialFacts of(SocialEvent event, String source, TextEnrichment text, int influence, int degree,
                                 boolean duplicate, String country, CustomerLink customer) {
        Post post = new Post(event.key(), source, event.platform(), event.url(), event.createdAt(), event.text(),
                event.hashtags(), event.mentions(), event.isRepost(), duplicate);
        Author author = new Author(event.author().handle(), event.author().displayName(), event.author().followers(),
                event.author().verified(), country);
        Reading reading = new Reading(text.language(), text.sentiment().label(), text.sentiment().score(),
                text.intent(), influence, degree);
        return new SocialFacts(post, author, reading, customer);
    }

    /**
     * @param key       unique across the hub, {@code <platform>:<post id>} such as {@code x:123}
     * @param source    the configured source name it came through
     * @param platform  the network, lower case ({@code x})
     * @param url       a link to the post; may be null
     * @param postedAt  when it was posted; may be null
     * @param text      what it says
     * @param hashtags  without {@code #}, lower case
     * @param mentions  handles without {@code @}, lower case
     * @param repost    it passes on someone else's post
     * @param duplicate the hub already saw the same post (same words by the same author, or the same post again)
     */
    public record Post(String key, String source, String platform, String url, Instant postedAt, String text,
                       List<String> hashtags, List<String> mentions, boolean repost, boolean duplicate) {

        public Post {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(platform, "platform");
            text = text == null ? "" : text;
            platform = platform.toLowerCase(Locale.ROOT);
            hashtags = lowerCase(hashtags, "#");
            mentions = lowerCase(mentions, "@");
        }
    }

    /**
     * @param handle      without {@code @}, lower case; may be null when the network does not give one
     * @param displayName the name shown; may be null
     * @param followers   at least 0
     * @param verified    the network marks the account verified
     * @param country     ISO 3166-1 alpha-2 when known (upper case); null otherwise
     */
    public record Author(String handle, String displayName, long followers, boolean verified, String country) {

        public Author {
            handle = handle == null || handle.isBlank() ? null
                    : handle.strip().replaceFirst("^@", "").toLowerCase(Locale.ROOT);
            displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
            followers = Math.max(0, followers);
            country = country == null || country.isBlank() ? null : country.strip().toUpperCase(Locale.ROOT);
        }

        /** The display name, else {@code @handle}, else {@code unknown}: what a Lead's LastName can always hold. */
        public String name() {
            if (displayName != null) {
                return displayName;
            }
            return handle != null ? "@" + handle : "unknown";
        }
    }

    /**
     * @param language       BCP 47, lower case; {@code und} when unknown
     * @param sentimentLabel {@code positive}, {@code negative} or {@code neutral}
     * @param sentimentScore -1..1
     * @param intent         one of {@link #INTENTS}
     * @param influence      0-100
     * @param degree         conversation degree 1-6
     */
    public record Reading(String language, String sentimentLabel, double sentimentScore, String intent,
                          int influence, int degree) {

        public Reading {
            language = language == null || language.isBlank() ? TextEnricher.UNDETERMINED
                    : language.strip().toLowerCase(Locale.ROOT);
            require(sentimentLabel != null && SENTIMENTS.contains(sentimentLabel), "sentiment label " + sentimentLabel + " is not one of "
                    + SENTIMENTS);
            require(sentimentScore >= -1 && sentimentScore <= 1, "sentiment score " + sentimentScore
                    + " is outside -1..1");
            require(intent != null && INTENTS.contains(intent), "intent " + intent + " is not one of " + INTENTS);
            require(influence >= 0 && influence <= 100, "influence " + influence + " is outside 0..100");
            require(degree >= 1 && degree <= 6, "conversation degree " + degree + " is outside 1..6");
        }
    }

    /**
     * The author's link to a golden customer (issue 5's identity linking).
     *
     * @param status     known (linked) or prospect (not linked)
     * @param customerId the golden customer's id; null for a prospect
     * @param confidence how sure the link is, 0..1 (1 for a declared handle); 0 for a prospect
     * @param method     how the link was made; null for a prospect
     * @param contactId  the customer's Salesforce Contact id, when the customer has one
     * @param accountId  the customer's Salesforce Account id, when the customer has one
     */
    public record CustomerLink(Status status, String customerId, double confidence, LinkMethod method,
                               String contactId, String accountId) {

        public enum Status { KNOWN, PROSPECT }

        public enum LinkMethod {
            /** A source record (CRM, ERP, import) declares the handle as the customer's. */
            DECLARED_HANDLE("declared-handle"),
            /** Profile data (name, location, links) matched a customer with some confidence. */
            PROFILE_MATCH("profile-match");

            private final String key;

            LinkMethod(String key) {
                this.key = key;
            }

            /** The name rules use for it. */
            public String key() {
                return key;
            }
        }

        private static final CustomerLink PROSPECT = new CustomerLink(Status.PROSPECT, null, 0, null, null, null);

        public CustomerLink {
            Objects.requireNonNull(status, "status");
            if (status == Status.KNOWN) {
                Objects.requireNonNull(customerId, "customerId of a known author");
                Objects.requireNonNull(method, "method of a known author's link");
                require(confidence >= 0 && confidence <= 1, "link confidence " + confidence + " is outside 0..1");
            } else {
                require(customerId == null && contactId == null && accountId == null,
                        "a prospect is linked to no customer");
                confidence = 0;
                method = null;
            }
            contactId = blankToNull(contactId);
            accountId = blankToNull(accountId);
        }

        public static CustomerLink prospect() {
            return PROSPECT;
        }

        public static CustomerLink known(String customerId, double confidence, LinkMethod method, String contactId,
                                         String accountId) {
            return new CustomerLink(Status.KNOWN, customerId, confidence, method, contactId, accountId);
        }

        public boolean known() {
            return status == Status.KNOWN;
        }
    }

    private static List<String> lowerCase(List<String> values, String prefix) {
        if (values == null) {
            return List.of();
        }
        return values.stream().filter(Objects::nonNull).map(String::strip)
                .map(value -> value.startsWith(prefix) ? value.substring(prefix.length()) : value)
                .map(value -> value.toLowerCase(Locale.ROOT)).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
