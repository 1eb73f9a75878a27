package io.rapport.core.resolve;

/** A link from one source record to another, with the score that made it (NaN for manual links). */
public record Link(String otherKey, LinkKind kind, double weight, String rule) {
}
