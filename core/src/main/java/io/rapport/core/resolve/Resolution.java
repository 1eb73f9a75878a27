package io.rapport.core.resolve;

import java.util.List;
import java.util.Set;

/**
 * What resolving one record changed.
 *
 * @param clusterId        the cluster (customer) the record belongs to now
 * @param changedClusters  clusters whose membership changed: their golden records must be rebuilt
 * @param retiredClusters  clusters that no longer exist (merged into another): their golden records go away
 * @param possibleMatches  pairs scored between the review and the match threshold, for the review queue
 * @param oversizedBlocks  blocking keys skipped because too many records share them
 */
public record Resolution(String recordKey, String clusterId, Set<String> changedClusters, Set<String> retiredClusters,
                         List<PossibleMatch> possibleMatches, int oversizedBlocks) {

    public Resolution {
        changedClusters = Set.copyOf(changedClusters);
        retiredClusters = Set.copyOf(retiredClusters);
        possibleMatches = List.copyOf(possibleMatches);
    }

    /** Every cluster whose golden record must be rebuilt or removed: the record's own, changed and retired ones. */
    public Set<String> touchedClusters() {
        Set<String> touched = new java.util.TreeSet<>(changedClusters);
        touched.addAll(retiredClusters);
        touched.add(clusterId);
        return touched;
    }

    /** Two records a data steward should look at. */
    public record PossibleMatch(String recordKey, String otherKey, double weight) {
    }
}
