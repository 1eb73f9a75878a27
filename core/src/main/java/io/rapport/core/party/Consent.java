package io.rapport.core.party;

/**
 * Whether the customer agreed to be contacted for a purpose ({@code email}, {@code phone}, {@code post},
 * {@code profiling}, ...), as a source last recorded it. An absent consent is unknown, not refused.
 */
public record Consent(String purpose, boolean granted) {
}
