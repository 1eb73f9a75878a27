package io.rapport.sim.customers;

import java.util.Locale;

/**
 * Pairwise quality of a predicted clustering against the ground truth. A pair is two distinct records; it is
 * predicted when both carry the same customer id, and true when both belong to the same entity.
 *
 * @param precision      correct pairs / predicted pairs (1.0 when nothing was predicted: no false merges)
 * @param recall         correct pairs / true pairs (1.0 when the truth has no pairs)
 * @param f1             harmonic mean of precision and recall (0.0 when both are 0)
 * @param records        records in the ground truth
 * @param truePairs      pairs of records of the same entity
 * @param predictedPairs pairs of records with the same customer id
 * @param correctPairs   pairs that are both: the true positives
 * @param missing        truth records absent from the cross-reference, counted as singletons
 * @param unknown        cross-reference rows whose record is not in the truth, ignored
 * @param duplicateRows  cross-reference rows for a record already seen, ignored (the first one counts)
 * @param clusters       predicted clusters over the truth records (missing ones as singletons)
 * @param entities       distinct entities in the truth
 */
public record EvaluationResult(
        double precision,
        double recall,
        double f1,
        long records,
        long truePairs,
        long predictedPairs,
        long correctPairs,
        long missing,
        long unknown,
        long duplicateRows,
        long clusters,
        long entities) {

    /** The single line EvaluateXref prints: {@code precision=… recall=… f1=… records=… …}. */
    public String summary() {
        return String.format(Locale.ROOT,
                "precision=%.6f recall=%.6f f1=%.6f records=%d truePairs=%d predictedPairs=%d missing=%d"
                        + " correctPairs=%d unknown=%d duplicateRows=%d clusters=%d entities=%d",
                precision, recall, f1, records, truePairs, predictedPairs, missing, correctPairs, unknown,
                duplicateRows, clusters, entities);
    }
}
