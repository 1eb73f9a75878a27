package io.rapport.core.sync;

import java.time.Instant;

/**
 * One entry of the conflict log: a field that a store changed while the agreed value had moved on without it, or
 * that a store changed although another store owns it. Values are as {@link SyncPolicy#displayValue} shows them:
 * sensitive ones are masked.
 *
 * @param reason {@code BOTH_CHANGED} (two stores changed the field since they last agreed) or {@code NOT_OWNER}
 *               (a store changed a field another store owns)
 */
public record FieldConflict(String customerId, String field, String reason,
                            String agreedStore, String agreedValue, Instant agreedAt,
                            String incomingStore, String incomingValue, Instant incomingAt,
                            ConflictRule rule, ConflictOutcome outcome) {

    public static final String BOTH_CHANGED = "BOTH_CHANGED";
    public static final String NOT_OWNER = "NOT_OWNER";
}
