package io.rapport.app.social;

/** Where a planned action stands. */
public enum SocialActionStatus {
    /** Decided, not yet carried out. */
    PLANNED,
    /** Carried out: the Lead, Case, alert or reply exists. */
    DONE,
    /** Could not be carried out for a reason of its own (the target said no); retrying would not help. */
    FAILED,
    /** Not carried out on purpose (e.g. a Case for a customer with no CRM record to hang it on). */
    SKIPPED
}
