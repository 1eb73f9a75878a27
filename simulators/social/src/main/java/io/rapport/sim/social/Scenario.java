package io.rapport.sim.social;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the generator writes a brand conversation: the seed (same seed, same posts), how many accounts take part, the
 * mix of kinds and of languages among original posts, and how often posts are duplicates (same author, same words),
 * retweets, replies and quotes of earlier ones. Weights need not add up to one.
 *
 * @param meanGap the average time between two posts; the gaps are exponential, as arrivals are
 */
public record Scenario(long seed, int authors, Map<Kind, Double> kindMix, Map<String, Double> languageMix,
                       double duplicateRate, double retweetRate, double replyRate, double quoteRate,
                       double influencerShare, Duration meanGap) {

    public Scenario {
        if (authors < 10) {
            throw new IllegalArgumentException("a conversation needs at least 10 authors: " + authors);
        }
        kindMix = Collections.unmodifiableMap(new EnumMap<>(positive(kindMix, "kindMix")));
        languageMix = Collections.unmodifiableMap(new LinkedHashMap<>(positive(languageMix, "languageMix")));
        for (String lang : languageMix.keySet()) {
            if (!Phrasebook.LANGUAGES.contains(lang)) {
                throw new IllegalArgumentException("no phrases in " + lang + "; the generator writes "
                        + Phrasebook.LANGUAGES);
            }
        }
        if (duplicateRate + retweetRate + replyRate + quoteRate >= 1 || duplicateRate < 0 || retweetRate < 0
                || replyRate < 0 || quoteRate < 0) {
            throw new IllegalArgumentException("duplicate, retweet, reply and quote rates are each 0 or more and"
                    + " leave room for original posts");
        }
        Objects.requireNonNull(meanGap, "meanGap");
    }

    /**
     * Mostly English, then Spanish, German, French, Portuguese and Swedish; a quarter each praise and complaints;
     * 3% duplicates, 10% retweets, 10% replies, 4% quotes; 2% of the accounts influencers; a post every 45 s.
     */
    public static Scenario defaults() {
        Map<Kind, Double> kinds = new EnumMap<>(Kind.class);
        kinds.put(Kind.PRAISE, 0.25);
        kinds.put(Kind.COMPLAINT, 0.25);
        kinds.put(Kind.PURCHASE_INTENT, 0.12);
        kinds.put(Kind.QUESTION, 0.15);
        kinds.put(Kind.SPAM, 0.08);
        kinds.put(Kind.CHATTER, 0.15);
        Map<String, Double> languages = new LinkedHashMap<>();
        languages.put("en", 0.70);
        languages.put("es", 0.10);
        languages.put("de", 0.06);
        languages.put("fr", 0.06);
        languages.put("pt", 0.05);
        languages.put("sv", 0.03);
        return new Scenario(42, 300, kinds, languages, 0.03, 0.10, 0.10, 0.04, 0.02, Duration.ofSeconds(45));
    }

    public Scenario withSeed(long value) {
        return new Scenario(value, authors, kindMix, languageMix, duplicateRate, retweetRate, replyRate, quoteRate,
                influencerShare, meanGap);
    }

    public Scenario withAuthors(int value) {
        return new Scenario(seed, value, kindMix, languageMix, duplicateRate, retweetRate, replyRate, quoteRate,
                influencerShare, meanGap);
    }

    public Scenario withKindMix(Map<Kind, Double> value) {
        return new Scenario(seed, authors, value, languageMix, duplicateRate, retweetRate, replyRate, quoteRate,
                influencerShare, meanGap);
    }

    /** Languages by weight, among {@code en, es, de, fr, pt, sv}. */
    public Scenario withLanguageMix(Map<String, Double> value) {
        return new Scenario(seed, authors, kindMix, value, duplicateRate, retweetRate, replyRate, quoteRate,
                influencerShare, meanGap);
    }

    public Scenario withDuplicateRate(double value) {
        return new Scenario(seed, authors, kindMix, languageMix, value, retweetRate, replyRate, quoteRate,
                influencerShare, meanGap);
    }

    /** The shares of all posts that retweet, reply to and quote an earlier post. */
    public Scenario withThreads(double retweets, double replies, double quotes) {
        return new Scenario(seed, authors, kindMix, languageMix, duplicateRate, retweets, replies, quotes,
                influencerShare, meanGap);
    }

    /** The share of accounts with 100k followers or more. */
    public Scenario withInfluencerShare(double value) {
        return new Scenario(seed, authors, kindMix, languageMix, duplicateRate, retweetRate, replyRate, quoteRate,
                value, meanGap);
    }

    public Scenario withMeanGap(Duration value) {
        return new Scenario(seed, authors, kindMix, languageMix, duplicateRate, retweetRate, replyRate, quoteRate,
                influencerShare, value);
    }

    private static <K> Map<K, Double> positive(Map<K, Double> weights, String name) {
        if (weights == null || weights.isEmpty() || weights.values().stream().anyMatch(w -> w == null || w < 0)
                || weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new IllegalArgumentException(name + " needs non-negative weights, not all zero: " + weights);
        }
        return weights;
    }
}
