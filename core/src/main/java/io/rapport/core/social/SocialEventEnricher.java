package io.rapport.core.social;

import io.rapport.core.social.SentimentScorer.Sentiment;
import io.rapport.core.social.TextEnricher.TextEnrichment;

/**
 * The Content Enricher for a whole post: what its words tell ({@link TextEnricher}) plus what the network tells,
 * the author's influence and the conversation's degree. Thread-safe.
 */
public final class SocialEventEnricher {

    /**
     * One post, enriched.
     *
     * @param language  BCP 47, {@code und} when unknown
     * @param influence 0-100 ({@link InfluenceScore})
     * @param degree    1-6 ({@link ConversationDegree})
     */
    public record Enrichment(String language, Sentiment sentiment, String intent, int influence, int degree) {
    }

    private final TextEnricher text;

    public SocialEventEnricher(TextEnricher text) {
        this.text = text;
    }

    /**
     * @param participants distinct authors known in the post's conversation, its own author included
     */
    public Enrichment enrich(SocialEvent event, int participants) {
        TextEnrichment words = text.analyze(event.text(), event.language(), event.hashtags().size());
        boolean addressed = event.isReply() || !event.mentions().isEmpty();
        boolean asks = IntentClassifier.QUESTION.equals(words.intent())
                || IntentClassifier.COMPLAINT.equals(words.intent());
        boolean negative = Sentiment.NEGATIVE.equals(words.sentiment().label());
        Engagement engagement = event.engagement();
        int degree = ConversationDegree.of(new ConversationDegree.Signals(addressed, asks, negative,
                engagement.replies(), Math.max(1, participants), engagement.reposts() + engagement.quotes()));
        return new Enrichment(words.language(), words.sentiment(), words.intent(),
                InfluenceScore.of(event.author(), engagement), degree);
    }
}
