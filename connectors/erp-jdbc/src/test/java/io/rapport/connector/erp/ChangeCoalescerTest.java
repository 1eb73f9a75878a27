package io.rapport.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.rapport.connector.erp.ErpChange.Operation;
import io.rapport.connector.erp.internal.ChangeRow;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeCoalescerTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 25, 1, 0);

    /** Found by the ERP fuzz harness (app ErpChangesFuzzTest): such a row failed every poll, stalling the feed. */
    @Test
    void aPartnerRowWithAnOperationNoTriggerWritesCountsAsAnUpdateInsteadOfStoppingTheFeed() {
        List<ErpChange> changes = ChangeCoalescer.coalesce(List.of(
                new ChangeRow(1, "bp_partner", "2000001", "X", "DBA", AT),
                new ChangeRow(2, "bp_partner", "2000002", " ", "DBA", AT),
                new ChangeRow(3, "bp_partner", "2000003", "D", "DBA", AT)));

        assertThat(changes).extracting(ErpChange::partnerNo, ErpChange::operation).containsExactly(
                tuple("2000001", Operation.UPDATE), tuple("2000002", Operation.UPDATE),
                tuple("2000003", Operation.DELETE));
    }
}
