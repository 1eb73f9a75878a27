package io.rapport.core.resolve;

import io.rapport.core.match.MatchProfile;
import io.rapport.core.match.MatchResult;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Scores computed ahead of resolution, by {@link IdentityResolver#prescore}: for a record's profile, the result
 * against each candidate's profile as it was then. A score is used only for the very same two profile objects,
 * so a candidate that changed in between (an update earlier in the batch) is scored again: resolving with these
 * scores gives exactly what resolving without them gives.
 */
public final class PairScores {

    /** No scores: every pair is scored when it is met. */
    public static final PairScores NONE = new PairScores(new IdentityHashMap<>());

    record Scored(MatchProfile other, MatchResult result) {
    }

    private final Map<MatchProfile, Map<String, Scored>> byRecord;

    PairScores(Map<MatchProfile, Map<String, Scored>> byRecord) {
        this.byRecord = byRecord;
    }

    /** The score of {@code record} against {@code other} (filed as {@code otherKey}) if computed ahead, else null. */
    MatchResult lookup(MatchProfile record, String otherKey, MatchProfile other) {
        Map<String, Scored> scores = byRecord.get(record);
        Scored scored = scores == null ? null : scores.get(otherKey);
        return scored != null && scored.other() == other ? scored.result() : null;
    }
}
