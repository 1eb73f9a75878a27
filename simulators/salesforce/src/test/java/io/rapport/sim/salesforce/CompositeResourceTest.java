package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Composite over HTTP: references between subrequests, allOrNone, the 25-subrequest cap, one API call. */
class CompositeResourceTest {

    private static final String COMPOSITE = "/services/data/v62.0/composite";
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
    void laterSubrequestsUseEarlierResultsAndItIsOneApiCall() throws Exception {
        sandbox.insert("Account", Map.of("Name", "Parent Co"));
        JsonNode reply = api.json("POST", COMPOSITE, """
                {"allOrNone":false,"collateSubrequests":false,"compositeRequest":[
                  {"method":"GET","referenceId":"parent",
                   "url":"/services/data/v62.0/query?q=SELECT+Id+FROM+Account+WHERE+Name='Parent Co'"},
                  {"method":"POST","referenceId":"acct","url":"/services/data/v62.0/sobjects/Account",
                   "body":{"Name":"Child","ParentId":"@{parent.records[0].Id}"}},
                  {"method":"POST","referenceId":"contact","url":"/services/data/v62.0/sobjects/Contact",
                   "body":{"LastName":"Berg","AccountId":"@{acct.id}"}},
                  {"method":"GET","referenceId":"read","url":"/services/data/v62.0/sobjects/Contact/@{contact.id}"}
                ]}""");

        JsonNode responses = reply.get("compositeResponse");
        assertThat(responses).hasSize(4);
        assertThat(responses.findValuesAsText("referenceId")).containsExactly("parent", "acct", "contact", "read");
        assertThat(responses.get(1).get("httpStatusCode").asInt()).isEqualTo(201);
        String childId = responses.get(1).get("body").get("id").asText();
        assertThat(responses.get(1).get("httpHeaders").get("Location").asText())
                .isEqualTo("/services/data/v62.0/sobjects/Account/" + childId);
        assertThat(responses.get(3).get("body").get("AccountId").asText()).isEqualTo(childId);
        String parentId = responses.get(0).get("body").get("records").get(0).get("Id").asText();
        assertThat(sandbox.record("Account", childId).orElseThrow()).containsEntry("ParentId", parentId);
        assertThat(sandbox.apiCalls()).isEqualTo(1);
        assertThat(sandbox.requestCounts()).containsEntry("composite", 1L).doesNotContainKey("sobjects");
    }

    @Test
    void allOrNoneRollsBackEarlierSubrequestsAndHaltsLaterOnes() throws Exception {
        JsonNode responses = api.json("POST", COMPOSITE, """
                {"allOrNone":true,"compositeRequest":[
                  {"method":"POST","referenceId":"a","url":"/services/data/v62.0/sobjects/Account","body":{"Name":"A"}},
                  {"method":"PATCH","referenceId":"bad","url":"/services/data/v62.0/sobjects/Account/001000000000009AAA",
                   "body":{"Name":"B"}},
                  {"method":"POST","referenceId":"c","url":"/services/data/v62.0/sobjects/Account","body":{"Name":"C"}}
                ]}""").get("compositeResponse");

        assertThat(responses.findValues("httpStatusCode")).extracting(JsonNode::asInt).containsExactly(400, 404, 400);
        assertThat(responses.get(0).get("body").get(0).get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(responses.get(1).get("body").get(0).get("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(responses.get(2).get("body").get(0).get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(sandbox.count("Account")).isZero();
    }

    @Test
    void withoutAllOrNoneOthersStandButAReferenceToAFailureFails() throws Exception {
        JsonNode responses = api.json("POST", COMPOSITE, """
                {"compositeRequest":[
                  {"method":"POST","referenceId":"bad","url":"/services/data/v62.0/sobjects/Nope","body":{"Name":"X"}},
                  {"method":"POST","referenceId":"a","url":"/services/data/v62.0/sobjects/Account","body":{"Name":"A"}},
                  {"method":"GET","referenceId":"b","url":"/services/data/v62.0/sobjects/Account/@{bad.id}"}
                ]}""").get("compositeResponse");

        assertThat(responses.findValues("httpStatusCode")).extracting(JsonNode::asInt).containsExactly(404, 201, 400);
        assertThat(responses.get(2).get("body").get(0).get("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(sandbox.count("Account")).isEqualTo(1);
    }

    @Test
    void moreThan25SubrequestsAreRefused() throws Exception {
        StringBuilder subrequests = new StringBuilder();
        for (int i = 0; i < 26; i++) {
            subrequests.append(i == 0 ? "" : ",").append("{\"method\":\"GET\",\"referenceId\":\"r").append(i)
                    .append("\",\"url\":\"/services/data/v62.0/limits\"}");
        }
        HttpResponse<String> reply = api.call("POST", COMPOSITE, "{\"compositeRequest\":[" + subrequests + "]}");

        assertThat(reply.statusCode()).isEqualTo(400);
        assertThat(ApiClient.JSON.readTree(reply.body()).get(0).get("message").asText()).contains("25");
    }
}
