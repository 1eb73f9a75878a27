package io.rapport.core.party;

import java.util.Objects;

/**
 * A value the normalizer could not accept as it stands: the field (the import column) and why. The value itself
 * is not repeated here, because quality issues are logged and shown, and values may be personal data.
 */
public record QualityIssue(String field, String reason) {

    public QualityIssue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
