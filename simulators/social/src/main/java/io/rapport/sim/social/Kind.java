package io.rapport.sim.social;

/**
 * What a post about the brand is, as a human labeller would say: the ground truth a classifier under test is
 * measured against.
 */
public enum Kind {
    /** Happy with the brand or a product. */
    PRAISE(Sentiment.POSITIVE),
    /** Unhappy: a fault, a late delivery, bad service. */
    COMPLAINT(Sentiment.NEGATIVE),
    /** About to buy, or asking where to buy: a lead. */
    PURCHASE_INTENT(Sentiment.POSITIVE),
    /** Asks the brand or the crowd something. */
    QUESTION(Sentiment.NEUTRAL),
    /** Giveaways, fake deals, links: noise to filter out. */
    SPAM(Sentiment.NEUTRAL),
    /** Mentions the brand in passing, or the brand's own answers. */
    CHATTER(Sentiment.NEUTRAL);

    private final Sentiment sentiment;

    Kind(Sentiment sentiment) {
        this.sentiment = sentiment;
    }

    /** The sentiment a post of this kind carries in the generated scenarios. */
    public Sentiment sentiment() {
        return sentiment;
    }
}
