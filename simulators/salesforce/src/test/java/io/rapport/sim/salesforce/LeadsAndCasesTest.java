package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creating Leads and Cases as Salesforce does for what the hub uses: owners (the API user, a given user, assignment
 * rules and the Sforce-Auto-Assign header), picklist defaults, LastActivityDate from activities, and the record of
 * when each create request arrived.
 */
class LeadsAndCasesTest {

    private static final String SOBJECTS = "/services/data/v62.0/sobjects/";

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
    void aNewLeadIsOwnedByTheApiUserOrTheGivenOwnerAndStartsOpen() throws Exception {
        String seller = sandbox.addUser("Maria", "Lind");

        String unowned = api.create("Lead", "{\"LastName\":\"Berg\",\"Company\":\"Acme\"}");
        String owned = api.create("Lead", "{\"LastName\":\"Berg\",\"Company\":\"Acme\",\"OwnerId\":\"" + seller + "\"}");
        String complaint = api.create("Case", "{\"Subject\":\"Broken\",\"Origin\":\"Web\"}");

        assertThat(sandbox.record("Lead", unowned).orElseThrow()).containsEntry("OwnerId", sandbox.apiUserId())
                .containsEntry("Status", "Open - Not Contacted").containsEntry("IsConverted", false);
        assertThat(sandbox.record("Lead", owned).orElseThrow()).containsEntry("OwnerId", seller);
        assertThat(sandbox.record("Case", complaint).orElseThrow()).containsEntry("OwnerId", sandbox.apiUserId())
                .containsEntry("Status", "New").containsEntry("Priority", "Medium");
        assertThat(api.queryJson("SELECT Name FROM User WHERE Id = '" + sandbox.apiUserId() + "'")
                .at("/records/0/Name").asText()).isEqualTo("Integration User");
    }

    @Test
    void anOwnerThatIsNoUserIsRefusedOnTheOwnerField() throws Exception {
        String account = sandbox.insert("Account", Map.of("Name", "Acme"));

        HttpResponse<String> nobody = api.call("POST", SOBJECTS + "Lead",
                "{\"LastName\":\"Berg\",\"Company\":\"Acme\",\"OwnerId\":\"0055g00000ZZZZZZZZ\"}");
        HttpResponse<String> anAccount = api.call("POST", SOBJECTS + "Lead",
                "{\"LastName\":\"Berg\",\"Company\":\"Acme\",\"OwnerId\":\"" + account + "\"}");

        JsonNode error = ApiClient.JSON.readTree(nobody.body()).get(0);
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(error.get("errorCode").asText()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(error.get("fields")).extracting(JsonNode::asText).containsExactly("OwnerId");
        assertThat(ApiClient.errorCode(anAccount)).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
        assertThat(sandbox.count("Lead")).isZero();
    }

    @Test
    void theActiveAssignmentRuleOwnsRestCreatesUnlessTheRequestTurnsItOff() throws Exception {
        String nordics = sandbox.addUser("Nils", "Nord");
        String rest = sandbox.addUser("Rita", "Rest");
        sandbox.activateAssignmentRule("Lead", lead -> "SE".equals(lead.get("Country")) ? nordics : rest);
        String given = sandbox.addUser("Gina", "Given");

        String byDefault = api.create("Lead", "{\"LastName\":\"A\",\"Company\":\"A\",\"Country\":\"SE\"}");
        String overridden = api.create("Lead", "{\"LastName\":\"B\",\"Company\":\"B\",\"OwnerId\":\"" + given + "\"}");
        String kept = api.json("POST", SOBJECTS + "Lead",
                "{\"LastName\":\"C\",\"Company\":\"C\",\"OwnerId\":\"" + given + "\"}", "Sforce-Auto-Assign", "FALSE")
                .get("id").asText();

        assertThat(sandbox.record("Lead", byDefault).orElseThrow()).containsEntry("OwnerId", nordics);
        assertThat(sandbox.record("Lead", overridden).orElseThrow()).as("the rule wins over the given owner")
                .containsEntry("OwnerId", rest);
        assertThat(sandbox.record("Lead", kept).orElseThrow()).containsEntry("OwnerId", given);
    }

    @Test
    void eventsAndCompletedTasksOnALeadSetItsLastActivityDateButOpenTasksDoNot() throws Exception {
        String lead = api.create("Lead", "{\"LastName\":\"Berg\",\"Company\":\"Acme\"}");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        api.create("Task", "{\"WhoId\":\"" + lead + "\",\"Subject\":\"Call back\",\"Status\":\"Not Started\"}");
        assertThat(sandbox.record("Lead", lead).orElseThrow()).doesNotContainKey("LastActivityDate");

        String call = api.create("Task", "{\"WhoId\":\"" + lead.substring(0, 15) + "\",\"Subject\":\"Called\","
                + "\"Status\":\"Completed\"}");
        assertThat(sandbox.record("Lead", lead).orElseThrow()).containsEntry("LastActivityDate", today);

        api.create("Event", "{\"WhoId\":\"" + lead + "\",\"Subject\":\"Demo\",\"ActivityDate\":\"2030-01-15\"}");
        api.call("PATCH", SOBJECTS + "Task/" + call, "{\"ActivityDate\":\"2029-05-01\"}");
        assertThat(api.queryJson("SELECT LastActivityDate FROM Lead WHERE Id = '" + lead + "'")
                .at("/records/0/LastActivityDate").asText()).as("the most recent date wins").isEqualTo("2030-01-15");
    }

    @Test
    void everyCreatedRecordIsRecordedWithWhenItsRequestArrivedBeforeInjectedLatency() throws Exception {
        List<CreatedRecord> heard = new CopyOnWriteArrayList<>();
        sandbox.onRecordCreated(heard::add);
        api.session();
        sandbox.latency(Duration.ofMillis(300));
        Instant sent = Instant.now();

        String lead = api.json("POST", SOBJECTS + "Lead", "{\"LastName\":\"Berg\",\"Company\":\"Acme\"}",
                "Sforce-Call-Options", "client=rapport-hub").get("id").asText();
        Instant answered = Instant.now();
        sandbox.clearFaults();
        api.call("POST", SOBJECTS + "Lead", "{\"LastName\":\"Berg\"}");
        String complaint = api.create("Case", "{\"Subject\":\"Broken\"}");

        assertThat(sandbox.createdRecords()).extracting(CreatedRecord::sObjectType, CreatedRecord::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Lead", lead),
                        org.assertj.core.groups.Tuple.tuple("Case", complaint));
        CreatedRecord created = sandbox.createdRecords().get(0);
        assertThat(created.arrivedAt()).isBetween(sent, answered.minusMillis(250));
        assertThat(created.client()).isEqualTo("rapport-hub");
        assertThat(heard).isEqualTo(sandbox.createdRecords());
        sandbox.clearCreatedRecords();
        assertThat(sandbox.createdRecords()).isEmpty();
    }
}
