package io.rapport.core.sync;

/** How a field conflict ended. */
public enum ConflictOutcome {
    /** The value already agreed stays; the incoming store is sent it back. */
    AGREED_KEPT,
    /** The incoming store's value becomes the agreed one and goes to the other stores. */
    INCOMING_TAKEN,
    /** Neither: the field is held back (not sent anywhere) until a steward decides. */
    HELD_FOR_STEWARD
}
