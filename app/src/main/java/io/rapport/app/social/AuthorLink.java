package io.rapport.app.social;

/**
 * What the hub knows of who wrote a post.
 *
 * @param status     LINKED (the author is this customer), PROPOSED (maybe; a steward decides), PROSPECT (nobody
 *                   known; a customer a steward rejected for this author is never linked again)
 * @param customerId the customer, for LINKED and PROPOSED
 * @param method     DECLARED (a source record states the handle), PROFILE (scored from profile data), STEWARD
 * @param confidence 0..1; 1 for DECLARED and STEWARD links
 */
public record AuthorLink(String authorKey, String status, String customerId, String method, Double confidence) {

    public static final String LINKED = "LINKED";
    public static final String PROPOSED = "PROPOSED";
    public static final String PROSPECT = "PROSPECT";

    public static final String DECLARED = "DECLARED";
    public static final String PROFILE = "PROFILE";
    public static final String STEWARD = "STEWARD";

    public static AuthorLink prospect(String authorKey) {
        return new AuthorLink(authorKey, PROSPECT, null, null, null);
    }

    public boolean linked() {
        return LINKED.equals(status);
    }
}
