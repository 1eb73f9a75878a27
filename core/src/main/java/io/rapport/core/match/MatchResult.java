package io.rapport.core.match;

import java.util.List;

/**
 * The score of a pair of records.
 *
 * @param weight            the Fellegi-Sunter total: the sum of the field weights, in bits (log2 of how much more
 *                          likely the observed agreement is for a true pair than for two different people)
 * @param decision          MATCH, POSSIBLE (review) or NON_MATCH
 * @param deterministicRule the identifier rule that decided the MATCH ({@code national_id}, {@code
 *                          verified_email}, {@code phone}, {@code external_id:<attribute>}), or null when the
 *                          decision is the probabilistic one
 * @param fields            every enabled field, in {@link MatchSettings#FIELD_NAMES} order
 */
public record MatchResult(double weight, MatchDecision decision, String deterministicRule, List<FieldScore> fields) {

    /**
     * A pair {@link MatchScorer#scoreIfLinkable} stopped scoring because it provably ends NON_MATCH: its total is
     * under the review threshold (weight negative infinity stands for "less than that") or two fields veto it.
     */
    public static final MatchResult BELOW_REVIEW = new MatchResult(Double.NEGATIVE_INFINITY, MatchDecision.NON_MATCH,
            null, List.of());

    public MatchResult {
        fields = List.copyOf(fields);
    }

    /** The score of one field, or null when the field is disabled. */
    public FieldScore field(String name) {
        for (FieldScore f : fields) {
            if (f.field().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
