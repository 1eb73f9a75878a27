package io.rapport.app.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.normalize.CustomerNormalizer;
import io.rapport.core.normalize.NormalizationSettings;
import io.rapport.core.party.CanonicalCustomer;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalRecordCacheTest {

    private final CustomerNormalizer normalizer = new CustomerNormalizer(new NormalizationSettings("AU"));

    @Test
    void holdsOnlyWhatWasCommitted() {
        CanonicalRecordCache cache = new CanonicalRecordCache(10);
        CanonicalCustomer first = record("1", "Ann");
        cache.put("crm:1", first);
        assertThat(cache.get("crm:1")).as("the writing transaction sees its own record").isSameAs(first);
        cache.rolledBack();
        assertThat(cache.get("crm:1")).as("a rolled back record never reaches the cache").isNull();

        cache.put("crm:1", first);
        cache.committed();
        CanonicalCustomer changed = record("1", "Anne");
        cache.put("crm:1", changed);
        cache.rolledBack();
        assertThat(cache.get("crm:1")).as("a rolled back change leaves the committed record").isSameAs(first);
    }

    @Test
    void aReloadedStateEmptiesIt() {
        CanonicalRecordCache cache = new CanonicalRecordCache(10);
        cache.put("crm:1", record("1", "Ann"));
        cache.committed();
        cache.reloaded();
        assertThat(cache.get("crm:1")).isNull();
    }

    @Test
    void theLeastRecentlyUsedRecordLeavesFirst() {
        CanonicalRecordCache cache = new CanonicalRecordCache(2);
        cache.put("crm:1", record("1", "Ann"));
        cache.put("crm:2", record("2", "Bob"));
        cache.committed();
        cache.get("crm:1");
        cache.put("crm:3", record("3", "Cid"));
        cache.committed();
        assertThat(cache.get("crm:1")).isNotNull();
        assertThat(cache.get("crm:2")).isNull();
        assertThat(cache.get("crm:3")).isNotNull();
    }

    private CanonicalCustomer record(String id, String givenName) {
        return normalizer.normalize(new SourceRecord(SourceName.of("crm"), id, Map.of("given_name", givenName)),
                Instant.parse("2026-11-24T00:00:00Z"));
    }
}
