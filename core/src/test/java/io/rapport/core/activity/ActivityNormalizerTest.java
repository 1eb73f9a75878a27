package io.rapport.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.customer.SourceName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActivityNormalizerTest {

    private static final SourceName SALESFORCE = SourceName.of("salesforce");
    private final ActivityNormalizer normalizer = new ActivityNormalizer(Set.of("Closed", "Completed"));

    @Test
    void aCaseNamesTheRecordItIsAboutAndReadsSalesforceTimestamps() {
        CustomerActivity activity = normalizer.normalize(SALESFORCE, "500A", ActivityKind.CASE, SALESFORCE, Map.of(
                "subject", " Invoice wrong ", "status", "closed", "priority", "High", "channel", "Email",
                "party_id", "003B", "occurred_at", "2026-11-20T08:15:00.000+0000",
                "changed_at", "2026-11-21T09:00:00Z"));

        assertThat(activity.key()).isEqualTo("salesforce:500A");
        assertThat(activity.party()).isEqualTo("salesforce:003B");
        assertThat(activity.subject()).isEqualTo("Invoice wrong");
        assertThat(activity.closed()).as("statuses compare ignoring case").isTrue();
        assertThat(activity.occurredAt()).isEqualTo(Instant.parse("2026-11-20T08:15:00Z"));
        assertThat(activity.changedAt()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
    }

    @Test
    void aTaskWithoutACreationTimeCountsFromItsLastChangeAndKeepsItsDueDate() {
        CustomerActivity activity = normalizer.normalize(SALESFORCE, "00TA", ActivityKind.TASK, SALESFORCE, Map.of(
                "status", "Not Started", "due_date", "2026-12-01", "changed_at", "2026-11-21T09:00:00.000+0000",
                "party_id", " "));

        assertThat(activity.closed()).isFalse();
        assertThat(activity.party()).as("a blank id names no record").isNull();
        assertThat(activity.occurredAt()).isEqualTo(activity.changedAt());
        assertThat(activity.dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void unreadableTimesAreRefusedWithEveryFieldNamed() {
        assertThatThrownBy(() -> normalizer.normalize(SALESFORCE, "500B", ActivityKind.CASE, SALESFORCE, Map.of(
                "occurred_at", "yesterday", "due_date", "31.12.2026", "changed_at", "2026-11-21T09:00:00Z")))
                .hasMessageContaining("salesforce:500B").hasMessageContaining("occurred_at 'yesterday'")
                .hasMessageContaining("due_date '31.12.2026'");
        assertThatThrownBy(() -> normalizer.normalize(SALESFORCE, "500C", ActivityKind.CASE, SALESFORCE, Map.of()))
                .hasMessageContaining("changed_at is required");
    }
}
