package io.rapport.core.social;

/**
 * How far an author's words carry, 0-100: mostly reach (followers, on a log scale that reaches its top at ten
 * million), partly the engagement the post itself drew (on a log scale that reaches its top at 100,000
 * interactions), plus a little for a verified account. Logarithmic because the thousandth follower matters less than
 * the tenth: 50 followers score about 17, 10,000 about 40, a million about 60; a post of the 50-follower account that
 * drew a thousand interactions scores about 35.
 */
public final class InfluenceScore {

    private static final double FULL_REACH = 7;       // log10(10,000,000)
    private static final double FULL_ENGAGEMENT = 5;  // log10(100,000)
    private static final double REACH_WEIGHT = 0.7;
    private static final int VERIFIED_BONUS = 5;

    private InfluenceScore() {
    }

    public static int of(SocialAuthor author, Engagement engagement) {
        double reach = Math.min(1, Math.log10(author.followers() + 1) / FULL_REACH);
        double echo = Math.min(1, Math.log10(engagement.total() + 1) / FULL_ENGAGEMENT);
        double score = 100 * (REACH_WEIGHT * reach + (1 - REACH_WEIGHT) * echo);
        return (int) Math.min(100, Math.round(score) + (author.verified() ? VERIFIED_BONUS : 0));
    }
}
