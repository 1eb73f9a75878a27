package io.rapport.core.survivorship;

import io.rapport.core.party.SourceRef;
import java.util.Objects;

/**
 * The value that survived for one golden-record field, with its lineage.
 *
 * @param value      the value: a String (names, organization, canonical email, E.164 phone), a List of them
 *                   ({@code emails}, {@code phones}), a {@link io.rapport.core.party.PostalAddress}, a
 *                   {@link java.time.LocalDate}, a {@link io.rapport.core.party.NationalId} (masked by its
 *                   toString), a List of {@link io.rapport.core.party.SocialHandle} or
 *                   {@link io.rapport.core.party.Consent}, or one {@link io.rapport.core.party.Consent}
 * @param lineage    the source record the value came from: system, source id and that record's timestamp
 * @param rule       what decided: {@code only_value} (one candidate), {@code consensus} (several candidates, all
 *                   equal), a strategy ({@code source_priority}, {@code most_recent}, {@code most_complete},
 *                   {@code most_frequent}), {@code tie_break} (the strategies left different values, the smallest
 *                   source record key won), {@code union} (lists gathered from all members) or
 *                   {@code refusal_wins_tie} (consents stated at the same instant disagree)
 * @param candidates how many candidate values were considered (for lists: values from all members)
 */
public record SurvivingValue(Object value, SourceRef lineage, String rule, int candidates) {

    public SurvivingValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(lineage, "lineage");
        Objects.requireNonNull(rule, "rule");
        if (candidates < 1) {
            throw new IllegalArgumentException("a surviving value has at least one candidate, got " + candidates);
        }
    }
}
