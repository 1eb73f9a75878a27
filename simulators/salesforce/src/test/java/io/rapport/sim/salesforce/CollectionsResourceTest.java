package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sObject Collections over HTTP: per-record results, allOrNone rollback, the 200-record cap, one API call each. */
class CollectionsResourceTest {

    private static final String COLLECTIONS = "/services/data/v62.0/composite/sobjects";
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
    void createReportsEachRecordAndCountsAsOneCall() throws Exception {
        JsonNode results = api.json("POST", COLLECTIONS, "{\"allOrNone\":false,\"records\":["
                + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\"},"
                + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"Berg\"},"
                + "{\"attributes\":{\"type\":\"Account\"},\"Id\":\"001000000000001AAA\",\"Name\":\"Bad\"}]}");

        assertThat(results).hasSize(3);
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(0).get("id").asText()).startsWith("001");
        assertThat(results.get(1).get("id").asText()).startsWith("003");
        assertThat(results.get(2).get("success").asBoolean()).isFalse();
        assertThat(results.get(2).get("errors").get(0).get("statusCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(sandbox.count("Account")).isEqualTo(1);
        assertThat(sandbox.apiCalls()).isEqualTo(1);
        assertThat(sandbox.requestCounts()).containsEntry("composite/sobjects", 1L);
    }

    @Test
    void allOrNoneRollsBackEveryRecordWhenOneFails() throws Exception {
        JsonNode results = api.json("POST", COLLECTIONS, "{\"allOrNone\":true,\"records\":["
                + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme\"},"
                + "{\"attributes\":{\"type\":\"Nope\"},\"Name\":\"Bad\"}]}");

        assertThat(results.get(0).get("success").asBoolean()).isFalse();
        assertThat(results.get(0).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(results.get(1).get("errors").get(0).get("statusCode").asText()).isEqualTo("INVALID_TYPE");
        assertThat(sandbox.count("Account")).isZero();
    }

    @Test
    void updateUpsertRetrieveAndDelete() throws Exception {
        String acme = sandbox.insert("Account", Map.of("Name", "Acme", "Rapport_Id__c", "C01"));

        JsonNode updated = api.json("PATCH", COLLECTIONS, "{\"records\":[{\"attributes\":{\"type\":\"Account\"},"
                + "\"Id\":\"" + acme + "\",\"Industry\":\"Retail\"},{\"attributes\":{\"type\":\"Account\"},"
                + "\"Id\":\"001000000000009AAA\",\"Industry\":\"Retail\"}]}");
        assertThat(updated.get(0).get("success").asBoolean()).isTrue();
        assertThat(updated.get(1).get("id").asText()).isEqualTo("001000000000009AAA");
        assertThat(updated.get(1).get("success").asBoolean()).isFalse();

        JsonNode upserted = api.json("PATCH", COLLECTIONS + "/Account/Rapport_Id__c", "{\"records\":["
                + "{\"attributes\":{\"type\":\"Account\"},\"Rapport_Id__c\":\"C01\",\"Name\":\"Acme AS\"},"
                + "{\"attributes\":{\"type\":\"Account\"},\"Rapport_Id__c\":\"C02\",\"Name\":\"Beta\"}]}");
        assertThat(upserted.get(0).get("created").asBoolean()).isFalse();
        assertThat(upserted.get(0).get("id").asText()).isEqualTo(acme);
        assertThat(upserted.get(1).get("created").asBoolean()).isTrue();
        String beta = upserted.get(1).get("id").asText();

        JsonNode read = api.json("GET", COLLECTIONS + "/Account?ids=" + acme + ",001000000000009AAA," + beta
                + "&fields=Name,Industry", null);
        assertThat(read.get(0).get("Name").asText()).isEqualTo("Acme AS");
        assertThat(read.get(0).get("Industry").asText()).isEqualTo("Retail");
        assertThat(read.get(0).get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(read.get(1).isNull()).isTrue();
        JsonNode posted = api.json("POST", COLLECTIONS + "/Account", "{\"ids\":[\"" + beta + "\"],\"fields\":[\"Name\"]}");
        assertThat(posted.get(0).get("Name").asText()).isEqualTo("Beta");

        JsonNode deleted = api.json("DELETE", COLLECTIONS + "?ids=" + acme + ",001000000000009AAA&allOrNone=true", null);
        assertThat(deleted.get(0).get("errors").get(0).get("statusCode").asText())
                .isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(deleted.get(0).get("id").asText()).isEqualTo(acme);
        assertThat(sandbox.count("Account")).isEqualTo(2);
        deleted = api.json("DELETE", COLLECTIONS + "?ids=" + acme + "," + beta, null);
        assertThat(deleted.findValues("success")).allMatch(JsonNode::asBoolean);
        assertThat(sandbox.count("Account")).isZero();
    }

    @Test
    void moreThan200RecordsAreRefused() throws Exception {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 201; i++) {
            records.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Lead\"},\"LastName\":\"L\"}");
        }
        HttpResponse<String> reply = api.call("POST", COLLECTIONS, "{\"records\":[" + records + "]}");

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCode(reply)).isEqualTo("EXCEEDED_ID_LIMIT");
        assertThat(sandbox.count("Lead")).isZero();
    }
}
