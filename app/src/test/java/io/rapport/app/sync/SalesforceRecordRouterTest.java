package io.rapport.app.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.app.activity.ActivityStore;
import io.rapport.app.config.ConfigFiles;
import io.rapport.app.fuzz.Backbone;
import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.connector.salesforce.SalesforceActivities;
import io.rapport.connector.salesforce.SalesforceMapping;
import io.rapport.connector.salesforce.SalesforceRecordMapper;
import io.rapport.connector.salesforce.SalesforceSourceRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routing activities read from Salesforce into the activity store (H2 with the hub's migrations). */
class SalesforceRecordRouterTest {

    private static final Backbone BACKBONE = Backbone.get();
    private static final SalesforceMapping MAPPING = new ConfigFiles(Path.of(System.getProperty("rapport.home", "."))
            .resolve("config")).require("mappings/salesforce.yaml", SalesforceMapping.class);

    /** Found by SalesforceFuzzTest: one value wider than its column failed the page, and every poll after it. */
    @Test
    void aCaseTheStoreCannotKeepIsLeftOutWithItsReasonAndTheRestOfThePageIsStored() {
        SalesforceRecordRouter router = new SalesforceRecordRouter(
                new SalesforceSourceRecords(new SalesforceRecordMapper(MAPPING)),
                new InboundCustomerGateway(BACKBONE.connectionFactory(), BACKBONE.json()),
                new SalesforceActivities(MAPPING), new ActivityStore(BACKBONE.jdbc(), BACKBONE.transactions()),
                Clock.systemUTC());
        Map<String, Object> wide = Map.of("Id", "5005g00000RouTe1AAB", "Subject", "Order missing",
                "Status", "S".repeat(200), "CreatedDate", "2026-11-24T10:15:00.000+0000",
                "SystemModstamp", "2026-11-24T10:16:00.000+0000");
        Map<String, Object> fine = Map.of("Id", "5005g00000RouTe2AAB", "Subject", "Order missing",
                "Status", "New", "CreatedDate", "2026-11-24T10:15:00.000+0000",
                "SystemModstamp", "2026-11-24T10:16:00.000+0000");

        int stored = router.send("Case", List.of(wide, fine), "router-test");

        assertThat(stored).isEqualTo(1);
        assertThat(BACKBONE.jdbc().queryForList("SELECT source_id FROM customer_activity WHERE source_id LIKE"
                + " '5005g00000RouTe%'", String.class)).containsExactly("5005g00000RouTe2AAB");
        assertThat(ActivityStore.unfit(new SalesforceActivities(MAPPING).toActivity("Case", wide)))
                .isEqualTo("status is 200 characters long; the activity store keeps 128");
    }
}
