package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The documented save errors, as REST and sObject Collections clients receive them. */
class RecordRulesTest {

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
    void requiredFieldsAreEnforcedOnCreateAndUpdate() throws Exception {
        HttpResponse<String> lead = api.call("POST", "/services/data/v62.0/sobjects/Lead", "{\"LastName\":\"Berg\"}");
        assertThat(lead.statusCode()).isEqualTo(400);
        JsonNode error = ApiClient.JSON.readTree(lead.body()).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(error.get("message").asText()).isEqualTo("Required fields are missing: [Company]");
        assertThat(error.get("fields")).extracting(JsonNode::asText).containsExactly("Company");

        String account = api.create("Account", "{\"Name\":\"Acme\"}");
        HttpResponse<String> blanked = api.call("PATCH", "/services/data/v62.0/sobjects/Account/" + account,
                "{\"Name\":null}");
        assertThat(ApiClient.errorCode(blanked)).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(sandbox.record("Account", account).orElseThrow()).containsEntry("Name", "Acme");
        // Case requires nothing
        assertThat(api.call("POST", "/services/data/v62.0/sobjects/Case", "{}").statusCode()).isEqualTo(201);
    }

    @Test
    void aUniqueFieldRefusesADuplicateNamingTheRecordThatHasIt() throws Exception {
        sandbox.markUnique("Account", "Rapport_Id__c");
        String first = api.create("Account", "{\"Name\":\"A\",\"Rapport_Id__c\":\"C01\"}");

        HttpResponse<String> second = api.call("POST", "/services/data/v62.0/sobjects/Account",
                "{\"Name\":\"B\",\"Rapport_Id__c\":\"c01\"}");

        assertThat(second.statusCode()).isEqualTo(400);
        JsonNode error = ApiClient.JSON.readTree(second.body()).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo("DUPLICATE_VALUE");
        assertThat(error.get("message").asText())
                .isEqualTo("duplicate value found: Rapport_Id__c duplicates value on record with id: " + first);
        assertThat(error.get("fields")).extracting(JsonNode::asText).containsExactly("Rapport_Id__c");
        // updating the record that holds the value is no duplicate of itself
        assertThat(api.call("PATCH", "/services/data/v62.0/sobjects/Account/" + first,
                "{\"Rapport_Id__c\":\"C01\",\"Name\":\"A2\"}").statusCode()).isEqualTo(204);
    }

    @Test
    void validationRulesFailTheSaveInRestAndCollections() throws Exception {
        sandbox.addValidationRule("Contact", c -> c.get("Email") != null && !c.get("Email").toString().contains("@"),
                "Email must contain @", "Email");

        HttpResponse<String> rest = api.call("POST", "/services/data/v62.0/sobjects/Contact",
                "{\"LastName\":\"Berg\",\"Email\":\"nope\"}");
        JsonNode error = ApiClient.JSON.readTree(rest.body()).get(0);
        assertThat(error.get("errorCode").asText()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(error.get("message").asText()).isEqualTo("Email must contain @");

        JsonNode results = api.json("POST", "/services/data/v62.0/composite/sobjects", "{\"records\":["
                + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"Ok\",\"Email\":\"a@b.c\"},"
                + "{\"attributes\":{\"type\":\"Contact\"},\"LastName\":\"Bad\",\"Email\":\"nope\"}]}");
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        JsonNode failure = results.get(1).get("errors").get(0);
        assertThat(failure.get("statusCode").asText()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(failure.get("fields")).extracting(JsonNode::asText).containsExactly("Email");
        assertThat(sandbox.count("Contact")).isEqualTo(1);
    }

    @Test
    void aDeclaredSchemaRefusesUnknownFieldsButNotCustomOnes() throws Exception {
        sandbox.declareFields("Account", List.of("Name", "Industry"));

        HttpResponse<String> unknown = api.call("POST", "/services/data/v62.0/sobjects/Account",
                "{\"Name\":\"A\",\"Revenue\":5}");
        assertThat(ApiClient.errorCode(unknown)).isEqualTo("INVALID_FIELD");
        assertThat(api.call("POST", "/services/data/v62.0/sobjects/Account", "{\"name\":\"A\",\"Score__c\":5}")
                .statusCode()).isEqualTo(201);
        assertThatThrownBy(() -> sandbox.insert("Account", Map.of("Name", "B", "Revenue", 1)))
                .hasMessageContaining("INVALID_FIELD");
    }
}
