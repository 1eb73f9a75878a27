package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk API 2.0 ingest and query jobs over HTTP. */
class BulkApiTest {

    private static final String INGEST = "/services/data/v62.0/jobs/ingest";
    private static final String QUERY = "/services/data/v62.0/jobs/query";
    private SalesforceSandbox sandbox;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults(), 0);
        api = new ApiClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void anInsertJobSavesEachRowAndReportsSuccessesAndFailures() throws Exception {
        JsonNode job = api.json("POST", INGEST, "{\"object\":\"Lead\",\"operation\":\"insert\",\"contentType\":\"CSV\","
                + "\"columnDelimiter\":\"COMMA\",\"lineEnding\":\"CRLF\"}");
        String id = job.get("id").asText();
        assertThat(id).startsWith("750");
        assertThat(job.get("state").asText()).isEqualTo("Open");

        HttpResponse<String> upload = api.csv("PUT", INGEST + "/" + id + "/batches",
                "LastName,Company,Description\r\nBerg,\"Acme, Inc\",\"said \"\"hi\"\"\r\nthen left\"\r\nNoCompany,,x\r\n");
        assertThat(upload.statusCode()).isEqualTo(201);
        assertThat(api.json("PATCH", INGEST + "/" + id, "{\"state\":\"UploadComplete\"}").get("state").asText())
                .isEqualTo("UploadComplete");

        JsonNode done = awaitState(INGEST + "/" + id, "JobComplete");
        assertThat(done.get("numberRecordsProcessed").asInt()).isEqualTo(2);
        assertThat(done.get("numberRecordsFailed").asInt()).isEqualTo(1);

        List<List<String>> successes = Csv.parse(api.call("GET", INGEST + "/" + id + "/successfulResults", null).body(),
                ',');
        assertThat(successes.get(0)).containsExactly("sf__Id", "sf__Created", "LastName", "Company", "Description");
        assertThat(successes.get(1).get(1)).isEqualTo("true");
        assertThat(successes.get(1).subList(2, 5)).containsExactly("Berg", "Acme, Inc", "said \"hi\"\r\nthen left");
        String leadId = successes.get(1).get(0);
        assertThat(sandbox.record("Lead", leadId).orElseThrow()).containsEntry("Company", "Acme, Inc");

        List<List<String>> failures = Csv.parse(api.call("GET", INGEST + "/" + id + "/failedResults", null).body(), ',');
        assertThat(failures.get(0).subList(0, 2)).containsExactly("sf__Id", "sf__Error");
        assertThat(failures.get(1).get(1)).startsWith("REQUIRED_FIELD_MISSING:");
        assertThat(failures.get(1).get(2)).isEqualTo("NoCompany");
        assertThat(sandbox.count("Lead")).isEqualTo(1);
    }

    @Test
    void upsertAndDeleteJobs() throws Exception {
        String existing = sandbox.insert("Account", Map.of("Name", "Old", "Ext__c", "E1"));
        String upsert = ingestJob("{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Ext__c\"}",
                "Ext__c,Name\nE1,Renamed\nE2,New\n");
        awaitState(INGEST + "/" + upsert, "JobComplete");
        assertThat(sandbox.record("Account", existing).orElseThrow()).containsEntry("Name", "Renamed");
        assertThat(sandbox.count("Account")).isEqualTo(2);

        String delete = ingestJob("{\"object\":\"Account\",\"operation\":\"delete\"}", "Id\n" + existing + "\n");
        awaitState(INGEST + "/" + delete, "JobComplete");
        assertThat(sandbox.count("Account")).isEqualTo(1);

        JsonNode list = api.json("GET", INGEST, null);
        assertThat(list.get("records").findValuesAsText("id")).contains(upsert, delete);
        assertThat(api.call("DELETE", INGEST + "/" + delete, null).statusCode()).isEqualTo(204);
        assertThat(api.call("GET", INGEST + "/" + delete, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anAbortedJobSavesNothingAndUpsertNeedsAnExternalId() throws Exception {
        String id = api.json("POST", INGEST, "{\"object\":\"Contact\",\"operation\":\"insert\"}").get("id").asText();
        api.csv("PUT", INGEST + "/" + id + "/batches", "LastName\nA\n");

        assertThat(api.json("PATCH", INGEST + "/" + id, "{\"state\":\"Aborted\"}").get("state").asText())
                .isEqualTo("Aborted");
        assertThat(api.call("GET", INGEST + "/" + id + "/unprocessedrecords", null).body()).isEqualTo("LastName\nA\n");
        assertThat(sandbox.count("Contact")).isZero();

        HttpResponse<String> noKey = api.call("POST", INGEST, "{\"object\":\"Contact\",\"operation\":\"upsert\"}");
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCode(noKey)).isEqualTo("INVALIDJOB");
    }

    @Test
    void aQueryJobsResultsComeInChunksNamedByTheLocator() throws Exception {
        for (int i = 0; i < 5; i++) {
            sandbox.insert("Contact", Map.of("LastName", "C" + i, "Email", "c" + i + "@example.com"));
        }
        String id = api.json("POST", QUERY, "{\"operation\":\"query\",\"query\":\"SELECT LastName, Email FROM Contact"
                + " ORDER BY LastName\"}").get("id").asText();
        JsonNode done = awaitState(QUERY + "/" + id, "JobComplete");
        assertThat(done.get("numberRecordsProcessed").asInt()).isEqualTo(5);

        HttpResponse<String> first = api.call("GET", QUERY + "/" + id + "/results?maxRecords=3", null);
        assertThat(first.headers().firstValue("Sforce-NumberOfRecords")).hasValue("3");
        String locator = first.headers().firstValue("Sforce-Locator").orElseThrow();
        assertThat(Csv.parse(first.body(), ',')).hasSize(4).first().isEqualTo(List.of("LastName", "Email"));

        HttpResponse<String> second = api.call("GET", QUERY + "/" + id + "/results?locator=" + locator
                + "&maxRecords=3", null);
        assertThat(second.headers().firstValue("Sforce-Locator")).hasValue("null");
        assertThat(Csv.parse(second.body(), ',').get(2)).containsExactly("C4", "c4@example.com");

        HttpResponse<String> bad = api.call("POST", QUERY, "{\"operation\":\"query\",\"query\":\"SELECT FROM\"}");
        assertThat(ApiClient.errorCode(bad)).isEqualTo("MALFORMED_QUERY");
        assertThat(sandbox.requestCounts()).containsEntry("jobs/query", 5L);
    }

    private String ingestJob(String definition, String csv) throws Exception {
        String id = api.json("POST", INGEST, definition).get("id").asText();
        api.csv("PUT", INGEST + "/" + id + "/batches", csv);
        api.json("PATCH", INGEST + "/" + id, "{\"state\":\"UploadComplete\"}");
        return id;
    }

    private JsonNode awaitState(String jobUrl, String state) throws Exception {
        JsonNode[] job = new JsonNode[1];
        ApiClient.await(() -> {
            job[0] = api.json("GET", jobUrl, null);
            return job[0].get("state").asText().equals(state);
        });
        return job[0];
    }
}
