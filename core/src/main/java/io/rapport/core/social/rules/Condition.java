package io.rapport.core.social.rules;

import io.rapport.core.social.rules.SocialFacts.CustomerLink.LinkMethod;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code when} of a rule or of an assignment: every test that is set must hold (AND); a list means any of its
 * values (OR). An empty condition matches every post, except that a rule's condition leaves out reposts and
 * duplicates unless it includes them: passing on someone's post, or saying the same thing twice, is no new reason
 * to act.
 * <ul>
 *   <li>{@code scoreBelow}/{@code scoreAbove} compare strictly; the {@code ...AtLeast}/{@code AtMost} bounds
 *       include their value;</li>
 *   <li>a language matches itself and its regional forms ({@code en} matches {@code en-GB}; {@code en-GB} matches
 *       only {@code en-GB}), ignoring case;</li>
 *   <li>keywords match whole words or phrases of the text, ignoring case ({@code x2} matches "the X2!" but not
 *       "x20");</li>
 *   <li>hashtags, mentions, platforms, sources and countries compare ignoring case and a leading {@code #}/{@code @};
 *       </li>
 *   <li>{@code minConfidence} and {@code linkedBy} need a known author; a post whose author or country the hub
 *       does not know never matches a test on it.</li>
 * </ul>
 */
public final class Condition {

    /** Whose posts a rule wants. */
    public enum AuthorKind {
        /** Linked to a golden customer. */
        KNOWN,
        /** Not linked to any customer. */
        PROSPECT,
        ANY
    }

    /** Every post a rule looks at at all: no repost or duplicate. */
    public static final Condition ANY = builder().build();

    private final Set<String> intents;
    private final Set<String> sentiments;
    private final Double scoreBelow;
    private final Double scoreAbove;
    private final Integer influenceAtLeast;
    private final Integer influenceAtMost;
    private final Integer degreeAtLeast;
    private final Integer degreeAtMost;
    private final Long followersAtLeast;
    private final Boolean verified;
    private final AuthorKind author;
    private final Double minConfidence;
    private final Set<LinkMethod> linkedBy;
    private final Set<String> languages;
    private final Set<String> countries;
    private final Set<String> platforms;
    private final Set<String> sources;
    private final Set<String> hashtags;
    private final Set<String> mentions;
    private final List<String> keywords;
    private final boolean includeReposts;
    private final boolean includeDuplicates;

    private Condition(Builder b) {
        intents = Set.copyOf(b.intents);
        sentiments = Set.copyOf(b.sentiments);
        scoreBelow = b.scoreBelow;
        scoreAbove = b.scoreAbove;
        influenceAtLeast = b.influenceAtLeast;
        influenceAtMost = b.influenceAtMost;
        degreeAtLeast = b.degreeAtLeast;
        degreeAtMost = b.degreeAtMost;
        followersAtLeast = b.followersAtLeast;
        verified = b.verified;
        author = b.author;
        minConfidence = b.minConfidence;
        linkedBy = Set.copyOf(b.linkedBy);
        languages = Set.copyOf(b.languages);
        countries = Set.copyOf(b.countries);
        platforms = Set.copyOf(b.platforms);
        sources = Set.copyOf(b.sources);
        hashtags = Set.copyOf(b.hashtags);
        mentions = Set.copyOf(b.mentions);
        keywords = List.copyOf(b.keywords);
        includeReposts = b.includeReposts;
        includeDuplicates = b.includeDuplicates;
        if ((minConfidence != null || !linkedBy.isEmpty()) && author != AuthorKind.KNOWN) {
            throw new IllegalArgumentException("minConfidence and linkedBy need author: known");
        }
        for (String intent : intents) {
            if (!SocialFacts.INTENTS.contains(intent)) {
                throw new IllegalArgumentException("unknown intent " + intent);
            }
        }
        for (String label : sentiments) {
            if (!SocialFacts.SENTIMENTS.contains(label)) {
                throw new IllegalArgumentException("unknown sentiment label " + label);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean matches(SocialFacts facts) {
        SocialFacts.Post post = facts.post();
        SocialFacts.Reading reading = facts.reading();
        SocialFacts.CustomerLink customer = facts.customer();
        return (includeReposts || !post.repost())
                && (includeDuplicates || !post.duplicate())
                && (intents.isEmpty() || intents.contains(reading.intent()))
                && (sentiments.isEmpty() || sentiments.contains(reading.sentimentLabel()))
                && (scoreBelow == null || reading.sentimentScore() < scoreBelow)
                && (scoreAbove == null || reading.sentimentScore() > scoreAbove)
                && (influenceAtLeast == null || reading.influence() >= influenceAtLeast)
                && (influenceAtMost == null || reading.influence() <= influenceAtMost)
                && (degreeAtLeast == null || reading.degree() >= degreeAtLeast)
                && (degreeAtMost == null || reading.degree() <= degreeAtMost)
                && (followersAtLeast == null || facts.author().followers() >= followersAtLeast)
                && (verified == null || facts.author().verified() == verified)
                && authorMatches(customer)
                && (languages.isEmpty() || languageMatches(reading.language()))
                && (countries.isEmpty() || countryMatches(facts.author().country()))
                && (platforms.isEmpty() || platforms.contains(post.platform()))
                && (sources.isEmpty() || post.source() != null && sources.contains(lower(post.source())))
                && (hashtags.isEmpty() || post.hashtags().stream().anyMatch(hashtags::contains))
                && (mentions.isEmpty() || post.mentions().stream().anyMatch(mentions::contains))
                && (keywords.isEmpty() || containsAny(words(post.text()), keywords));
    }

    private boolean authorMatches(SocialFacts.CustomerLink customer) {
        return switch (author) {
            case ANY -> true;
            case PROSPECT -> !customer.known();
            case KNOWN -> customer.known()
                    && (minConfidence == null || customer.confidence() >= minConfidence)
                    && (linkedBy.isEmpty() || linkedBy.contains(customer.method()));
        };
    }

    private boolean countryMatches(String country) {
        return country != null && countries.contains(country);
    }

    private boolean languageMatches(String language) {
        for (String wanted : languages) {
            if (language.equals(wanted) || language.startsWith(wanted + "-")) {
                return true;
            }
        }
        return false;
    }

    /** The author a matching post is guaranteed to have. */
    public AuthorKind author() {
        return author;
    }

    public boolean includesReposts() {
        return includeReposts;
    }

    public boolean includesDuplicates() {
        return includeDuplicates;
    }

    static String words(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    static boolean containsAny(String words, List<String> phrases) {
        for (String phrase : phrases) {
            int at = words.indexOf(phrase);
            while (at >= 0) {
                boolean starts = at == 0 || !Character.isLetterOrDigit(words.charAt(at - 1));
                int end = at + phrase.length();
                boolean ends = end == words.length() || !Character.isLetterOrDigit(words.charAt(end));
                if (starts && ends) {
                    return true;
                }
                at = words.indexOf(phrase, at + 1);
            }
        }
        return false;
    }

    private static String lower(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    /** Collects a condition; every test left unset is not tested. */
    public static final class Builder {
        private final Set<String> intents = new LinkedHashSet<>();
        private final Set<String> sentiments = new LinkedHashSet<>();
        private Double scoreBelow;
        private Double scoreAbove;
        private Integer influenceAtLeast;
        private Integer influenceAtMost;
        private Integer degreeAtLeast;
        private Integer degreeAtMost;
        private Long followersAtLeast;
        private Boolean verified;
        private AuthorKind author = AuthorKind.ANY;
        private Double minConfidence;
        private final Set<LinkMethod> linkedBy = new LinkedHashSet<>();
        private final Set<String> languages = new LinkedHashSet<>();
        private final Set<String> countries = new LinkedHashSet<>();
        private final Set<String> platforms = new LinkedHashSet<>();
        private final Set<String> sources = new LinkedHashSet<>();
        private final Set<String> hashtags = new LinkedHashSet<>();
        private final Set<String> mentions = new LinkedHashSet<>();
        private final List<String> keywords = new ArrayList<>();
        private boolean includeReposts;
        private boolean includeDuplicates;

        private Builder() {
        }

        public Builder intents(String... values) {
            return intents(List.of(values));
        }

        public Builder intents(Iterable<String> values) {
            values.forEach(value -> intents.add(lower(value)));
            return this;
        }

        public Builder sentiments(String... values) {
            return sentiments(List.of(values));
        }

        public Builder sentiments(Iterable<String> values) {
            values.forEach(value -> sentiments.add(lower(value)));
            return this;
        }

        public Builder scoreBelow(Double value) {
            scoreBelow = value;
            return this;
        }

        public Builder scoreAbove(Double value) {
            scoreAbove = value;
            return this;
        }

        public Builder influenceAtLeast(Integer value) {
            influenceAtLeast = value;
            return this;
        }

        public Builder influenceAtMost(Integer value) {
            influenceAtMost = value;
            return this;
        }

        public Builder degreeAtLeast(Integer value) {
            degreeAtLeast = value;
            return this;
        }

        public Builder degreeAtMost(Integer value) {
            degreeAtMost = value;
            return this;
        }

        public Builder followersAtLeast(Long value) {
            followersAtLeast = value;
            return this;
        }

        public Builder verified(Boolean value) {
            verified = value;
            return this;
        }

        public Builder author(AuthorKind value) {
            author = value == null ? AuthorKind.ANY : value;
            return this;
        }

        public Builder minConfidence(Double value) {
            minConfidence = value;
            return this;
        }

        public Builder linkedBy(Iterable<LinkMethod> values) {
            values.forEach(linkedBy::add);
            return this;
        }

        public Builder languages(String... values) {
            return languages(List.of(values));
        }

        public Builder languages(Iterable<String> values) {
            values.forEach(value -> languages.add(lower(value)));
            return this;
        }

        public Builder countries(Iterable<String> values) {
            values.forEach(value -> countries.add(value.strip().toUpperCase(Locale.ROOT)));
            return this;
        }

        public Builder platforms(Iterable<String> values) {
            values.forEach(value -> platforms.add(lower(value)));
            return this;
        }

        public Builder sources(Iterable<String> values) {
            values.forEach(value -> sources.add(lower(value)));
            return this;
        }

        public Builder hashtags(Iterable<String> values) {
            values.forEach(value -> hashtags.add(lower(value).replaceFirst("^#", "")));
            return this;
        }

        public Builder mentions(Iterable<String> values) {
            values.forEach(value -> mentions.add(lower(value).replaceFirst("^@", "")));
            return this;
        }

        public Builder keywords(String... values) {
            return keywords(List.of(values));
        }

        public Builder keywords(Iterable<String> values) {
            values.forEach(value -> keywords.add(words(value.strip())));
            return this;
        }

        public Builder includeReposts(boolean value) {
            includeReposts = value;
            return this;
        }

        public Builder includeDuplicates(boolean value) {
            includeDuplicates = value;
            return this;
        }

        /** @throws IllegalArgumentException for an unknown intent or label, or a link test without a known author */
        public Condition build() {
            return new Condition(this);
        }
    }
}
