package io.rapport.core.normalize;

import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.QualityIssue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared helpers: records from alternating column names and values, normalized at a fixed time of receipt. */
final class NormalizerFixtures {

    static final Instant RECEIVED_AT = Instant.parse("2025-06-01T12:00:00Z");

    private NormalizerFixtures() {
    }

    static SourceRecord record(String... columnsAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            fields.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new SourceRecord(SourceName.of("crm"), "c-1", fields);
    }

    static CanonicalCustomer normalize(String defaultRegion, String... columnsAndValues) {
        return new CustomerNormalizer(new NormalizationSettings(defaultRegion)).normalize(record(columnsAndValues), RECEIVED_AT);
    }

    static List<String> fieldsWithIssues(CanonicalCustomer customer) {
        return customer.qualityIssues().stream().map(QualityIssue::field).toList();
    }
}
