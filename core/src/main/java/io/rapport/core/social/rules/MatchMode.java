package io.rapport.core.social.rules;

/** How many rules act on one post. */
public enum MatchMode {
    /** Only the first enabled rule that matches. */
    FIRST_MATCH("first-match"),
    /** Every enabled rule that matches, in order, until one that says {@code stop} (or ignores the post). */
    ALL_MATCH("all-match");

    private final String key;

    MatchMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
