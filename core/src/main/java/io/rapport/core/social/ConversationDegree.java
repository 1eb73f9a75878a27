package io.rapport.core.social;

/**
 * The conversation degree of the product brief, 1-6: how much of a conversation a post is part of, which drives its
 * priority and the kind of response. The most engaged description that fits wins:
 * <ol>
 *   <li>monologue: said to nobody in particular;</li>
 *   <li>venting: negative, but still to nobody in particular;</li>
 *   <li>skewed dialogue: addressed to someone (a reply, a mention), who has not answered;</li>
 *   <li>active demand for information or social pressure: a question or demand addressed to someone, or words
 *       others pass on (10 or more reposts and quotes);</li>
 *   <li>engaged conversation others join: 3 or more people in the thread, or 3 or more replies;</li>
 *   <li>many-to-many community: 10 or more people in the thread.</li>
 * </ol>
 */
public final class ConversationDegree {

    /**
     * What is known of a post and its thread.
     *
     * @param addressed    a reply, or it mentions someone
     * @param asks         it asks a question or demands something (the intent classifier's question, or a complaint
     *                     that wants an answer)
     * @param negative     its sentiment is negative
     * @param replies      replies it drew
     * @param participants distinct authors seen in its thread, the post's own included
     * @param amplification reposts and quotes it drew
     */
    public record Signals(boolean addressed, boolean asks, boolean negative, long replies, int participants,
                          long amplification) {
    }

    static final int COMMUNITY = 10;
    static final int JOINED = 3;
    static final int PRESSURE = 10;

    private ConversationDegree() {
    }

    public static int of(Signals signals) {
        if (signals.participants() >= COMMUNITY) {
            return 6;
        }
        if (signals.participants() >= JOINED || signals.replies() >= JOINED) {
            return 5;
        }
        if (signals.addressed() && signals.asks() || signals.amplification() >= PRESSURE) {
            return 4;
        }
        if (signals.addressed()) {
            return 3;
        }
        return signals.negative() ? 2 : 1;
    }
}
