package io.rapport.app.fuzz;

/** Where one fuzzed input ended. Anything else (an exception, a 5xx, a hang) is a crash and fails the property. */
public enum Outcome {
    /** Stored, or handed on to the queue as a valid message. */
    ACCEPTED,
    /** Refused with a reason the sender can act on. */
    REJECTED,
    /** Taken, then set aside on a dead-letter channel as unreadable. */
    DEAD_LETTERED
}
