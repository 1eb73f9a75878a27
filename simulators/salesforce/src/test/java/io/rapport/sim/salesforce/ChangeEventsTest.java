package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Change Data Capture events from every write path, through the Java listener and replay API. */
class ChangeEventsTest {

    private SalesforceSandbox sandbox;
    private ApiClient api;
    private final List<Map<String, Object>> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults()
                .withEventRetention(Duration.ofHours(72), 5), 0);
        sandbox.onChangeEvent(heard::add);
        api = new ApiClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRestCreateAndUpdatePublishEventsCarryingTheCallingClient() throws Exception {
        String id = ApiClient.JSON.readTree(api.call("POST", "/services/data/v62.0/sobjects/Account",
                "{\"Name\":\"Acme\",\"Industry\":\"Retail\",\"Site\":null}", "Sforce-Call-Options",
                "client=rapport-hub").body()).get("id").asText();
        api.call("PATCH", "/services/data/v62.0/sobjects/Account/" + id, "{\"Industry\":null,\"Phone\":\"123\"}");

        assertThat(heard).hasSize(2);
        Map<String, Object> create = heard.get(0);
        assertThat(create).containsEntry("channel", "/data/AccountChangeEvent");
        Map<String, Object> payload = payload(create);
        Map<String, Object> header = header(create);
        assertThat(header).containsEntry("entityName", "Account").containsEntry("changeType", "CREATE")
                .containsEntry("recordIds", List.of(id)).containsEntry("sequenceNumber", 1)
                .containsEntry("changeOrigin", "com/salesforce/api/rest/62.0;client=rapport-hub");
        assertThat((String) header.get("commitUser")).startsWith("005");
        assertThat(payload).containsEntry("Name", "Acme").containsEntry("Industry", "Retail")
                .containsKey("CreatedDate").doesNotContainKey("Site");
        assertThat(replayId(create)).isEqualTo(1);

        Map<String, Object> update = header(heard.get(1));
        assertThat(update).containsEntry("changeType", "UPDATE")
                .containsEntry("changeOrigin", "com/salesforce/api/rest/62.0");
        assertThat((List<Object>) update.get("changedFields")).contains("Industry", "Phone", "LastModifiedDate");
        assertThat(update).containsEntry("nulledFields", List.of("Industry"));
        assertThat(payload(heard.get(1))).containsEntry("Phone", "123").doesNotContainKey("Name");
        assertThat(replayId(heard.get(1))).isEqualTo(2);
    }

    @Test
    void everyWritePathPublishesAndRolledBackWritesDoNot() throws Exception {
        api.json("POST", "/services/data/v62.0/composite/sobjects", "{\"records\":["
                + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"A\"},"
                + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"B\"}]}");
        api.json("POST", "/services/data/v62.0/composite/sobjects", "{\"allOrNone\":true,\"records\":["
                + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"C\"},"
                + "{\"attributes\":{\"type\":\"Contact\"}}]}");
        sandbox.insert("Opportunity", Map.of("Name", "not tracked"));

        assertThat(heard).hasSize(2);
        assertThat(header(heard.get(0)).get("transactionKey")).isEqualTo(header(heard.get(1)).get("transactionKey"));
        assertThat(heard).extracting(e -> header(e).get("sequenceNumber")).containsExactly(1, 2);

        String id = (String) ((List<?>) header(heard.get(0)).get("recordIds")).get(0);
        api.call("DELETE", "/services/data/v62.0/sobjects/Contact/" + id, null);
        sandbox.undelete("Contact", id);
        assertThat(heard.subList(2, 4)).extracting(e -> header(e).get("changeType"))
                .containsExactly("DELETE", "UNDELETE");
    }

    @Test
    void bulkWritesReportTheBulkApiAsOrigin() throws Exception {
        String job = api.json("POST", "/services/data/v62.0/jobs/ingest", "{\"object\":\"Case\",\"operation\":"
                + "\"insert\"}", "Sforce-Call-Options", "client=loader").get("id").asText();
        api.csv("PUT", "/services/data/v62.0/jobs/ingest/" + job + "/batches", "Subject\nBroken\n");
        api.json("PATCH", "/services/data/v62.0/jobs/ingest/" + job, "{\"state\":\"UploadComplete\"}");

        ApiClient.await(() -> heard.size() == 1);
        assertThat(header(heard.get(0))).containsEntry("entityName", "Case")
                .containsEntry("changeOrigin", "com/salesforce/api/bulkapi/62.0;client=loader");
    }

    @Test
    void replayGivesRetainedEventsAndGapsAreHeadersOnly() {
        for (int i = 0; i < 7; i++) {
            sandbox.insert("Task", Map.of("Subject", "T" + i));
        }
        sandbox.emitGapEvents("Task", "GAP_UPDATE", "00T000000000001AAA");
        sandbox.emitGapOverflow("Task");

        // the buffer holds the newest 5
        assertThat(sandbox.changeEvents(-2)).extracting(ChangeEventsTest::replayId).containsExactly(5L, 6L, 7L, 8L, 9L);
        assertThat(sandbox.changeEvents(7)).extracting(ChangeEventsTest::replayId).containsExactly(8L, 9L);
        assertThat(sandbox.changeEvents(-1)).isEmpty();
        Map<String, Object> gap = sandbox.changeEvents(7).get(0);
        assertThat(header(gap)).containsEntry("changeType", "GAP_UPDATE")
                .containsEntry("recordIds", List.of("00T000000000001AAA"));
        assertThat(payload(gap)).containsOnlyKeys("ChangeEventHeader");
        assertThat(header(sandbox.changeEvents(8).get(0))).containsEntry("changeType", "GAP_OVERFLOW");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(Map<String, Object> event) {
        return (Map<String, Object>) ((Map<String, Object>) event.get("data")).get("payload");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> header(Map<String, Object> event) {
        return (Map<String, Object>) payload(event).get("ChangeEventHeader");
    }

    @SuppressWarnings("unchecked")
    private static long replayId(Map<String, Object> event) {
        return ((Number) ((Map<String, Object>) ((Map<String, Object>) event.get("data")).get("event"))
                .get("replayId")).longValue();
    }
}
