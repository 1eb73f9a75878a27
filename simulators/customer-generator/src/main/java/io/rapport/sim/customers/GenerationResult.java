package io.rapport.sim.customers;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generation run wrote.
 *
 * @param entities            entities (people) with at least one record
 * @param records             records written, over all sources; also the number of truth lines
 * @param recordsPerSource    records written per source, in the order of the options' sources
 * @param duplicatedEntities  entities with more than one record
 * @param duplicateRecords    records beyond the first of each entity
 * @param corruptions         corruptions applied to duplicates, by kind
 * @param noisyRecords        records with mild noise
 * @param invalidValues       invalid values written (one per affected record)
 */
public record GenerationResult(
        long entities,
        long records,
        Map<String, Long> recordsPerSource,
        long duplicatedEntities,
        long duplicateRecords,
        Map<Corruption, Long> corruptions,
        long noisyRecords,
        long invalidValues) {

    public GenerationResult {
        recordsPerSource = Collections.unmodifiableMap(new LinkedHashMap<>(recordsPerSource));
        Map<Corruption, Long> byKind = new EnumMap<>(Corruption.class);
        byKind.putAll(corruptions);
        corruptions = Collections.unmodifiableMap(byKind);
    }
}
