package io.rapport.core.social.rules;

import java.util.Objects;

/**
 * Whose feed a Chatter post goes to: the known customer's record (their Contact, else their Account), the Lead the
 * rule creates, the user who owns that Lead, or one record named by id (a Chatter group {@code 0F9...}, a user, any
 * record with a feed).
 *
 * @param kind     which of these
 * @param recordId the record, for {@link Kind#RECORD}; null otherwise
 */
public record ChatterSubject(Kind kind, String recordId) {

    public enum Kind {
        CUSTOMER("customer"), LEAD("lead"), LEAD_OWNER("lead-owner"), RECORD("record");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public ChatterSubject {
        Objects.requireNonNull(kind, "kind");
        if (kind == Kind.RECORD && !SalesforceIds.isId(recordId)) {
            throw new IllegalArgumentException("Chatter subject " + recordId + " is not a Salesforce id of 15 or 18"
                    + " characters");
        }
        if (kind != Kind.RECORD) {
            recordId = null;
        }
    }

    /**
     * @param value {@code customer}, {@code lead}, {@code lead-owner} or a Salesforce id
     * @throws IllegalArgumentException for anything else
     */
    public static ChatterSubject parse(String value) {
        for (Kind kind : Kind.values()) {
            if (kind != Kind.RECORD && kind.key.equals(value)) {
                return new ChatterSubject(kind, null);
            }
        }
        if (!SalesforceIds.isId(value)) {
            throw new IllegalArgumentException("Chatter subject " + value + " is neither customer, lead, lead-owner"
                    + " nor a Salesforce id (a Chatter group 0F9..., a user 005..., a record)");
        }
        return new ChatterSubject(Kind.RECORD, value);
    }

    @Override
    public String toString() {
        return kind == Kind.RECORD ? recordId : kind.key;
    }
}
