package io.rapport.core.social;

import io.rapport.core.social.SentimentScorer.Sentiment;
import java.util.Locale;

/**
 * The Content Enricher for what a post says: its language, sentiment and intent, from the text alone. What depends on
 * the network (influence, conversation degree) is worked out elsewhere. Thread-safe; build one and share it.
 */
public final class TextEnricher {

    /** What the words of one post tell: a BCP 47 language ({@code und} when unknown), sentiment and intent. */
    public record TextEnrichment(String language, Sentiment sentiment, String intent) {
    }

    public static final String UNDETERMINED = "und";

    private final SentimentScorer sentiment = new SentimentScorer();
    private final IntentClassifier intent = new IntentClassifier();

    /**
     * @param declaredLanguage the language the network reported for the post, or null
     * @param hashtags         how many hashtags the post carries
     */
    public TextEnrichment analyze(String text, String declaredLanguage, int hashtags) {
        String language = declaredLanguage == null || declaredLanguage.isBlank()
                ? UNDETERMINED : declaredLanguage.strip().toLowerCase(Locale.ROOT);
        Sentiment scored = sentiment.score(text);
        return new TextEnrichment(language, scored, intent.classify(text, scored.score(), hashtags));
    }
}
