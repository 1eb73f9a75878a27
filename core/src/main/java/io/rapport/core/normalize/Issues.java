package io.rapport.core.normalize;

import io.rapport.core.party.QualityIssue;
import java.util.ArrayList;
import java.util.List;

/** Collects the quality issues of one record while it is normalized. Not shared between records. */
final class Issues {

    private final List<QualityIssue> issues = new ArrayList<>(2);

    void add(String field, String reason) {
        issues.add(new QualityIssue(field, reason));
    }

    List<QualityIssue> toList() {
        return issues;
    }
}
