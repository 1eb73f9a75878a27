package io.rapport.core.match;

/** What a scored pair means for identity resolution. */
public enum MatchDecision {
    /** Same person: the resolver links the two records. */
    MATCH,
    /** Perhaps the same person: the pair goes to the data-steward review queue. */
    POSSIBLE,
    /** Different people. */
    NON_MATCH
}
