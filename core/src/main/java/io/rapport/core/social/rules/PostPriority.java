package io.rapport.core.social.rules;

/**
 * How urgently a post wants an answer, from its conversation degree and its author's influence: the brief's "degree
 * drives priority". High from degree 4 (active demand for information, social pressure, or more people) or
 * influence 70; low for a monologue (degree 1) of an author under influence 30; medium otherwise. It is what
 * {@code ${post.priority}} renders and what a reply queued with {@code priority: auto} gets.
 */
public enum PostPriority {
    HIGH("High"), MEDIUM("Medium"), LOW("Low");

    static final int HIGH_DEGREE = 4;
    static final int HIGH_INFLUENCE = 70;
    static final int LOW_INFLUENCE = 30;

    private final String picklistValue;

    PostPriority(String picklistValue) {
        this.picklistValue = picklistValue;
    }

    public static PostPriority of(SocialFacts.Reading reading) {
        if (reading.degree() >= HIGH_DEGREE || reading.influence() >= HIGH_INFLUENCE) {
            return HIGH;
        }
        if (reading.degree() == 1 && reading.influence() < LOW_INFLUENCE) {
            return LOW;
        }
        return MEDIUM;
    }

    /** The value of Salesforce's standard Case Priority picklist: {@code High}, {@code Medium}, {@code Low}. */
    public String picklistValue() {
        return picklistValue;
    }
}
