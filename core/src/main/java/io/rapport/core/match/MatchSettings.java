package io.rapport.core.match;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything identity matching can be told: thresholds, per-field weights, identifier rules and blocking keys.
 * Plain records of simple types, lists and maps with the property names of {@code config/matching.yaml}, so the
 * app binds the file straight into them.
 *
 * <p>Whatever is absent takes its default when the record is built: a {@code null} section, field, level or flag,
 * and a threshold of {@code 0} (what a binder passes for an absent number). Construction validates the result:
 * unknown fields, levels or blocking keys, probabilities outside (0, 1], and {@code reviewThreshold >=
 * matchThreshold} are rejected with a message that names them.
 *
 * @param matchThreshold  total weight (bits, log2 of the likelihood ratio) from which a pair is linked
 * @param reviewThreshold total weight from which a pair below {@code matchThreshold} goes to the review queue
 * @param fields          field name ({@link #FIELD_NAMES}) to its weights; fields not named keep their defaults
 * @param deterministic   identifier rules that decide a match on their own
 * @param blocking        which candidate keys are built, and the block size beyond which a key is not used
 */
public record MatchSettings(double matchThreshold, double reviewThreshold, Map<String, FieldWeights> fields,
                            Deterministic deterministic, Blocking blocking) {

    public static final double DEFAULT_MATCH_THRESHOLD = 20.0;
    public static final double DEFAULT_REVIEW_THRESHOLD = 10.0;

    /** The comparable fields, in scoring order. */
    public static final List<String> FIELD_NAMES;

    static {
        List<String> names = new ArrayList<>();
        for (MatchField f : MatchField.ALL) {
            names.add(f.key);
        }
        FIELD_NAMES = List.copyOf(names);
    }

    public MatchSettings {
        matchThreshold = matchThreshold == 0.0 ? DEFAULT_MATCH_THRESHOLD : matchThreshold;
        reviewThreshold = reviewThreshold == 0.0 ? DEFAULT_REVIEW_THRESHOLD : reviewThreshold;
        if (!Double.isFinite(matchThreshold) || !Double.isFinite(reviewThreshold)) {
            throw new IllegalArgumentException("thresholds must be finite numbers");
        }
        if (reviewThreshold >= matchThreshold) {
            throw new IllegalArgumentException("reviewThreshold (" + reviewThreshold + ") must be below matchThreshold ("
                    + matchThreshold + ")");
        }
        Map<String, FieldWeights> given = fields == null ? Map.of() : fields;
        for (String name : given.keySet()) {
            if (MatchField.byKey(name) == null) {
                throw new IllegalArgumentException("unknown match field '" + name + "'; known: " + FIELD_NAMES);
            }
        }
        Map<String, FieldWeights> resolved = new LinkedHashMap<>();
        for (MatchField f : MatchField.ALL) {
            FieldWeights defaults = FieldWeights.defaultsFor(f.key);
            FieldWeights configured = given.get(f.key);
            resolved.put(f.key, configured == null ? defaults : configured.resolved(f.key, defaults));
        }
        fields = Collections.unmodifiableMap(resolved);
        deterministic = deterministic == null ? Deterministic.defaults() : deterministic;
        blocking = blocking == null ? Blocking.defaults() : blocking;
    }

    /** The built-in defaults, the same as the shipped {@code config/matching.yaml}. */
    public static MatchSettings defaults() {
        return new MatchSettings(DEFAULT_MATCH_THRESHOLD, DEFAULT_REVIEW_THRESHOLD, null, null, null);
    }

    /**
     * These settings with every absent part filled from the defaults. Construction already does that, so this
     * returns an equal copy; it is here for callers that build settings in several steps and want to say so.
     */
    public MatchSettings withDefaultsForMissing() {
        return new MatchSettings(matchThreshold, reviewThreshold, fields, deterministic, blocking);
    }

    /** The weights of one field, by its name in {@link #FIELD_NAMES}. */
    public FieldWeights field(String name) {
        FieldWeights weights = fields.get(name);
        if (weights == null) {
            throw new IllegalArgumentException("unknown match field '" + name + "'; known: " + FIELD_NAMES);
        }
        return weights;
    }

    /**
     * Identifier rules: a pair that agrees exactly on an enabled identifier is a MATCH on that alone, unless the
     * pair contradicts itself: two fields at a veto level (with the defaults e.g. birth dates "different" and given
     * names "different"), or a negative total weight (everything else speaks against the pair more strongly than
     * the identifier for it). A contradicted identifier makes the pair POSSIBLE, for a steward to decide.
     *
     * @param nationalId           same national id (default on)
     * @param verifiedEmail        same email address, verified by both sources (default on)
     * @param phone                same phone number (default off: households and switchboards share numbers)
     * @param externalIdAttributes record attributes holding ids shared across systems (e.g. {@code
     *                             external_id}); same value under the same name is a match (default none)
     */
    public record Deterministic(Boolean nationalId, Boolean verifiedEmail, Boolean phone,
                                List<String> externalIdAttributes) {

        public Deterministic {
            nationalId = nationalId == null ? Boolean.TRUE : nationalId;
            verifiedEmail = verifiedEmail == null ? Boolean.TRUE : verifiedEmail;
            phone = phone == null ? Boolean.FALSE : phone;
            externalIdAttributes = externalIdAttributes == null ? List.of() : List.copyOf(externalIdAttributes);
        }

        public static Deterministic defaults() {
            return new Deterministic(null, null, null, null);
        }
    }

    /**
     * Candidate generation. A record is compared with the records that share one of its blocking keys.
     *
     * @param keys         enabled key kinds, from {@link BlockingKeys#KINDS} (default all)
     * @param maxBlockSize a key already shared by more records than this is too common to say anything (a
     *                     placeholder birth date, a big apartment block) and is skipped by the store (default 100)
     * @param singleKeyMaxBlockSize a record that shares only one key with the new record, and not an identifier
     *                     (national id, email, phone), is scored only when that key's block holds at most this
     *                     many records (default 10; {@code maxBlockSize} or more scores every candidate)
     */
    public record Blocking(List<String> keys, Integer maxBlockSize, Integer singleKeyMaxBlockSize) {

        public static final int DEFAULT_MAX_BLOCK_SIZE = 100;
        public static final int DEFAULT_SINGLE_KEY_MAX_BLOCK_SIZE = 10;

        public Blocking {
            keys = keys == null ? BlockingKeys.KINDS : List.copyOf(keys);
            for (String key : keys) {
                if (!BlockingKeys.KINDS.contains(key)) {
                    throw new IllegalArgumentException("unknown blocking key '" + key + "'; known: " + BlockingKeys.KINDS);
                }
            }
            maxBlockSize = maxBlockSize == null || maxBlockSize == 0 ? DEFAULT_MAX_BLOCK_SIZE : maxBlockSize;
            if (maxBlockSize < 1) {
                throw new IllegalArgumentException("maxBlockSize must be positive, got " + maxBlockSize);
            }
            singleKeyMaxBlockSize = singleKeyMaxBlockSize == null || singleKeyMaxBlockSize == 0
                    ? DEFAULT_SINGLE_KEY_MAX_BLOCK_SIZE : singleKeyMaxBlockSize;
            if (singleKeyMaxBlockSize < 1) {
                throw new IllegalArgumentException("singleKeyMaxBlockSize must be positive, got " + singleKeyMaxBlockSize);
            }
        }

        public static Blocking defaults() {
            return new Blocking(null, null, null);
        }
    }
}
