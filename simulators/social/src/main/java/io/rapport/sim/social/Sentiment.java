package io.rapport.sim.social;

/** The tone of a post towards the brand. */
public enum Sentiment {
    POSITIVE, NEGATIVE, NEUTRAL
}
