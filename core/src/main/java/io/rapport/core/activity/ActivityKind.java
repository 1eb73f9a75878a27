package io.rapport.core.activity;

/** What kind of dealing with a customer an activity is. */
public enum ActivityKind {
    /** A service request (Salesforce Case). */
    CASE,
    /** Something someone did or has to do for the customer: a call, a follow-up (Salesforce Task). */
    TASK
}
