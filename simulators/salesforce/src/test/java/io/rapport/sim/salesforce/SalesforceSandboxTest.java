package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SalesforceSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private SalesforceSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults().withApiVersions(List.of("56.0", "62.0"))
                .withDailyApiRequests(8), 0);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void thePasswordFlowReturnsWhatTheCamelComponentNeeds() throws Exception {
        HttpResponse<String> reply = login("sandbox-password");

        assertThat(reply.statusCode()).isEqualTo(200);
        JsonNode token = JSON.readTree(reply.body());
        assertThat(token.get("instance_url").asText()).isEqualTo(sandbox.baseUrl());
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        // the component takes the user id from the last segment of the id URL and wants the 18-character form
        String[] id = token.get("id").asText().split("/");
        assertThat(id[id.length - 2]).hasSize(18).startsWith("00D");
        assertThat(id[id.length - 1]).hasSize(18).startsWith("005");
    }

    @Test
    void aWrongPasswordIsAnInvalidGrant() throws Exception {
        HttpResponse<String> reply = login("wrong");

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reply.body()).get("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void anSObjectIsCreatedReadUpdatedAndDeleted() throws Exception {
        String session = session();
        HttpResponse<String> created = call(session, "POST", "/services/data/v56.0/sobjects/Contact",
                "{\"LastName\":\"Berg\",\"Email\":\"anna@example.com\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("id").asText();
        assertThat(id).hasSize(18).startsWith("003");

        assertThat(call(session, "PATCH", "/services/data/v56.0/sobjects/Contact/" + id, "{\"FirstName\":\"Anna\"}")
                .statusCode()).isEqualTo(204);
        JsonNode read = JSON.readTree(call(session, "GET", "/services/data/v56.0/sobjects/Contact/" + id, null).body());
        assertThat(read.get("attributes").get("type").asText()).isEqualTo("Contact");
        assertThat(read.get("FirstName").asText()).isEqualTo("Anna");
        assertThat(read.get("LastName").asText()).isEqualTo("Berg");
        assertThat(read.get("SystemModstamp").asText()).isNotBlank();
        // the 15-character form names the same record
        assertThat(call(session, "GET", "/services/data/v56.0/sobjects/Contact/" + id.substring(0, 15), null)
                .statusCode()).isEqualTo(200);

        assertThat(call(session, "DELETE", "/services/data/v56.0/sobjects/Contact/" + id, null).statusCode())
                .isEqualTo(204);
        HttpResponse<String> gone = call(session, "GET", "/services/data/v56.0/sobjects/Contact/" + id, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body()).get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void upsertByExternalIdCreatesOnceThenUpdates() throws Exception {
        String session = session();
        String url = "/services/data/v62.0/sobjects/Account/Rapport_Id__c/C01c9a2876697508b";

        HttpResponse<String> first = call(session, "PATCH", url, "{\"Name\":\"Acme\"}");
        HttpResponse<String> second = call(session, "PATCH", url, "{\"Name\":\"Acme AS\"}");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).get("created").asBoolean()).isFalse();
        assertThat(JSON.readTree(second.body()).get("id").asText()).isEqualTo(JSON.readTree(first.body()).get("id").asText());
        assertThat(sandbox.count("Account")).isEqualTo(1);
        assertThat(JSON.readTree(call(session, "GET", url, null).body()).get("Name").asText()).isEqualTo("Acme AS");
        assertThat(sandbox.requestCounts()).containsEntry("sobjects", 3L);
    }

    @Test
    void anExpiredSessionAndAnUnknownVersionGetSalesforcesErrors() throws Exception {
        String session = session();
        assertThat(call(session, "GET", "/services/data/v41.0/sobjects/Contact/003000000000001AAA", null)
                .statusCode()).isEqualTo(404);

        sandbox.expireSessions();
        HttpResponse<String> expired = call(session, "POST", "/services/data/v56.0/sobjects/Contact", "{}");

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(expired.body()).get(0).get("errorCode").asText()).isEqualTo("INVALID_SESSION_ID");
        assertThat(sandbox.count("Contact")).isZero();
    }

    @Test
    void everyApiCallReportsItsUsageAndTheDailyLimitIsEnforced() throws Exception {
        String session = session();
        HttpResponse<String> last = null;
        for (int i = 0; i < 8; i++) {
            last = call(session, "POST", "/services/data/v56.0/sobjects/Lead",
                    "{\"LastName\":\"L" + i + "\",\"Company\":\"C\"}");
        }
        assertThat(last.headers().firstValue("Sforce-Limit-Info")).hasValue("api-usage=8/8");

        HttpResponse<String> over = call(session, "POST", "/services/data/v56.0/sobjects/Lead", "{\"LastName\":\"X\"}");

        assertThat(over.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(over.body()).get(0).get("errorCode").asText()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(sandbox.count("Lead")).isEqualTo(8);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestNotACrash() throws Exception {
        HttpResponse<String> reply = call(session(), "POST", "/services/data/v56.0/sobjects/Contact", "{not json");

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(reply.body()).get(0).get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    }

    @Test
    void idsCarryTheCaseSafeSuffix() {
        // the documented example: 15-character 0015000000Gv7qJ is 0015000000Gv7qJAAR in its 18-character form
        assertThat(SalesforceIds.withSuffix("0015000000Gv7qJ")).isEqualTo("0015000000Gv7qJAAR");
    }

    private HttpResponse<String> login(String password) throws Exception {
        SalesforceSandbox.Config c = SalesforceSandbox.Config.defaults();
        String form = "grant_type=password&client_id=" + c.clientId() + "&client_secret=" + c.clientSecret()
                + "&username=" + c.username() + "&password=" + password;
        return http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/services/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
    }

    private String session() throws Exception {
        return JSON.readTree(login("sandbox-password").body()).get("access_token").asText();
    }

    private HttpResponse<String> call(String session, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .header("Authorization", "Bearer " + session)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }
}
