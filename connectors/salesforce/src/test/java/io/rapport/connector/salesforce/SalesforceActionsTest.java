package io.rapport.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.sim.salesforce.CreatedRecord;
import io.rapport.sim.salesforce.SalesforceSandbox;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leads, Cases, Chatter posts and lead follow-ups through the real Camel Salesforce component against the sandbox. */
class SalesforceActionsTest {

    private SalesforceSandbox sandbox;
    private SandboxCamel salesforce;
    private ApiBudget budget;
    private SalesforceActions actions;

    @BeforeEach
    void start() throws Exception {
        salesforce = SandboxCamel.start();
        sandbox = salesforce.sandbox;
        budget = new ApiBudget(100);
        actions = new SalesforceActions(salesforce.producer(), budget, "rapport-actions");
    }

    @AfterEach
    void stop() {
        salesforce.close();
    }

    @Test
    void aLeadIsCreatedWithItsFieldsAndTheGivenOwnerEvenWhenAnAssignmentRuleIsActive() {
        String seller = sandbox.addUser("Maria", "Lind");
        String queueUser = sandbox.addUser("Lead", "Queue");
        sandbox.activateAssignmentRule("Lead", lead -> queueUser);

        String owned = actions.createLead(key(), Map.of("LastName", "@anna_b", "Company", "Unknown (X)", "LeadSource",
                "Social", "Description", "https://x.com/anna_b/status/1", "OwnerId", seller));
        String assigned = actions.createLead(key(), Map.of("LastName", "@bo", "Company", "Unknown (X)"));

        Map<String, Object> lead = sandbox.record("Lead", owned).orElseThrow();
        assertThat(owned).startsWith("00Q");
        assertThat(lead).containsEntry("OwnerId", seller).containsEntry("LeadSource", "Social")
                .containsEntry("Description", "https://x.com/anna_b/status/1").doesNotContainKey("Name");
        assertThat(sandbox.record("Lead", assigned).orElseThrow()).as("no owner given: the org's rule decides")
                .containsEntry("OwnerId", queueUser);
        assertThat(sandbox.createdRecords()).filteredOn(created -> created.sObjectType().equals("Lead"))
                .extracting(CreatedRecord::client).containsExactly("rapport-actions", "rapport-actions");
        assertThat(budget.remaining()).isEqualTo(sandbox.remainingApiRequests());
    }

    @Test
    void aCreateSentAgainWithTheSameKeyFindsTheRecordTheFirstMadeInsteadOfMakingASecond() {
        String contact = sandbox.insert("Contact", Map.of("LastName", "Berg"));
        String lead = actions.createLead("action-1", Map.of("LastName", "@anna_b", "Company", "Unknown (X)"));
        String complaint = actions.createCase("action-2", Map.of("ContactId", contact, "Subject", "Broken"));

        // as after a crash or timeout before the first answer was recorded: the same action is carried out again
        assertThat(actions.createLead("action-1", Map.of("LastName", "@anna_b", "Company", "Unknown (X)")))
                .isEqualTo(lead);
        assertThat(actions.createCase("action-2", Map.of("ContactId", contact, "Subject", "Broken")))
                .isEqualTo(complaint);

        assertThat(sandbox.count("Lead")).isEqualTo(1);
        assertThat(sandbox.count("Case")).isEqualTo(1);
        assertThat(sandbox.record("Lead", lead).orElseThrow())
                .containsEntry(SalesforceActions.ACTION_KEY_FIELD, "action-1");
        assertThat(actions.createLead("action-3", Map.of("LastName", "@bo", "Company", "Unknown (X)")))
                .as("another action is another Lead").isNotEqualTo(lead);
    }

    @Test
    void aLeadSalesforceRefusesIsRejectedNamingTheFieldsAndAnOutageIsUnavailable() {
        assertThatThrownBy(() -> actions.createLead(key(), Map.of("LastName", "@anna_b")))
                .isInstanceOfSatisfying(SalesforceRejectedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.hasError("REQUIRED_FIELD_MISSING")).isTrue();
                    assertThat(e.fields()).containsExactly("Company");
                    assertThat(e).hasMessageContaining("REQUIRED_FIELD_MISSING");
                });
        assertThatThrownBy(() -> actions.createLead(key(), Map.of("LastName", "B", "Company", "C", "OwnerId",
                "0055g00000ZZZZZZZZ"))).isInstanceOfSatisfying(SalesforceRejectedException.class,
                e -> assertThat(e.fields()).containsExactly("OwnerId"));

        sandbox.failNext(1, 503);
        assertThatThrownBy(() -> actions.createLead(key(), Map.of("LastName", "B", "Company", "C")))
                .isInstanceOfSatisfying(SalesforceUnavailableException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(503));
        sandbox.exhaustApiLimit();
        assertThatThrownBy(() -> actions.createCase(key(), Map.of("Subject", "x")))
                .isInstanceOf(SalesforceUnavailableException.class);
        assertThat(sandbox.count("Lead")).isZero();
    }

    @Test
    void aComplaintBecomesACaseOnTheCustomersContactAndAccount() {
        String account = sandbox.insert("Account", Map.of("Name", "Acme"));
        String contact = sandbox.insert("Contact", Map.of("LastName", "Berg", "AccountId", account));

        String complaint = actions.createCase(key(), Map.of("ContactId", contact, "AccountId", account, "Subject",
                "Complaint on X: delivery late", "Description", "https://x.com/anna_b/status/2", "Origin", "Social",
                "Priority", "High"));

        assertThat(complaint).startsWith("500");
        assertThat(sandbox.record("Case", complaint).orElseThrow()).containsEntry("ContactId", contact)
                .containsEntry("AccountId", account).containsEntry("Priority", "High")
                .containsEntry("Status", "New").containsEntry("OwnerId", sandbox.apiUserId());
    }

    @Test
    void aChatterPostLandsOnTheRecordsFeedMentioningTheOwner() {
        String account = sandbox.insert("Account", Map.of("Name", "Acme"));
        String owner = sandbox.addUser("Maria", "Lind");

        String element = actions.postChatter(account, "Negative post from a high-influence author: https://x.com/1",
                List.of(owner));

        assertThat(element).startsWith("0D5");
        List<Map<String, Object>> feed = sandbox.chatterFeed(account);
        assertThat(feed).hasSize(1);
        assertThat(((Map<?, ?>) feed.get(0).get("body")).get("text"))
                .isEqualTo("@Maria Lind Negative post from a high-influence author: https://x.com/1");
        assertThat(sandbox.requestCounts()).containsEntry("chatter", 1L);
        assertThat(budget.remaining()).isEqualTo(sandbox.remainingApiRequests());
    }

    @Test
    void aChatterPostToNothingIsRejectedWithSalesforcesError() {
        assertThatThrownBy(() -> actions.postChatter("0015g00000ZZZZZZZZ", "hello"))
                .isInstanceOfSatisfying(SalesforceRejectedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.hasError("NOT_FOUND")).isTrue();
                });
        String account = sandbox.insert("Account", Map.of("Name", "Acme"));
        assertThatThrownBy(() -> actions.postChatter(account, "x".repeat(10_001)))
                .isInstanceOfSatisfying(SalesforceRejectedException.class,
                        e -> assertThat(e.hasError("INVALID_API_INPUT")).isTrue());
    }

    @Test
    void aChatterPostLogsInAgainAfterTheSessionExpired() {
        String account = sandbox.insert("Account", Map.of("Name", "Acme"));
        actions.postChatter(account, "first");
        sandbox.expireSessions();

        actions.postChatter(account, "second");

        assertThat(sandbox.chatterFeed(account)).hasSize(2);
    }

    @Test
    void followUpsTellPerLeadWhetherAndWhenActivityAppearedInOneCallPer200Leads() {
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            leads.add(actions.createLead(key(), Map.of("LastName", "L" + i, "Company", "C")));
        }
        String called = leads.get(0);
        String planned = leads.get(1);
        String converted = leads.get(249);
        sandbox.insert("Task", Map.of("WhoId", called, "Subject", "Call", "Status", "Completed"));
        sandbox.insert("Task", Map.of("WhoId", planned, "Subject", "Call back", "Status", "Not Started"));
        sandbox.update("Lead", converted, Map.of("Status", "Closed - Converted", "IsConverted", true));
        sandbox.delete("Lead", leads.get(2));
        long calls = sandbox.apiCalls();

        Map<String, LeadFollowUp> followUps = actions.leadFollowUps(leads);

        assertThat(sandbox.apiCalls() - calls).as("one Composite call per 200 leads").isEqualTo(2);
        assertThat(followUps).hasSize(249).doesNotContainKey(leads.get(2));
        assertThat(followUps.keySet()).first().isEqualTo(called);
        LeadFollowUp call = followUps.get(called);
        assertThat(call.hasActivity()).isTrue();
        assertThat(call.lastActivityDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
        assertThat(call.latestActivityAt()).isAfterOrEqualTo(call.createdDate()).isBefore(Instant.now().plusSeconds(1));
        assertThat(followUps.get(planned).lastActivityDate()).as("an open task sets no LastActivityDate").isNull();
        assertThat(followUps.get(planned).latestActivityAt()).as("but it is activity").isNotNull();
        LeadFollowUp untouched = followUps.get(leads.get(3));
        assertThat(untouched.hasActivity()).isFalse();
        assertThat(untouched.status()).isEqualTo("Open - Not Contacted");
        assertThat(untouched.ownerId()).isEqualTo(sandbox.apiUserId());
        assertThat(untouched.converted()).isFalse();
        assertThat(followUps.get(converted).converted()).isTrue();

        sandbox.exhaustApiLimit();
        assertThatThrownBy(() -> actions.leadFollowUps(leads)).isInstanceOf(SalesforceUnavailableException.class);
    }

    @Test
    void followUpsFindTheNewestActivityOfEveryLeadBeyondTheFirstPageOfActivities() {
        String busy = actions.createLead(key(), Map.of("LastName", "Busy", "Company", "C"));
        String quiet = actions.createLead(key(), Map.of("LastName", "Quiet", "Company", "C"));
        sandbox.insert("Event", Map.of("WhoId", quiet, "Subject", "Demo", "ActivityDate", "2030-01-15"));
        for (int i = 0; i < 2_001; i++) {
            sandbox.insert("Event", Map.of("WhoId", busy, "Subject", "Ping " + i));
        }

        long calls = sandbox.apiCalls();

        Map<String, LeadFollowUp> followUps = actions.leadFollowUps(List.of(busy.substring(0, 15), quiet));

        assertThat(sandbox.apiCalls() - calls).as("the Composite call, then one queryMore").isEqualTo(2);
        assertThat(followUps).containsOnlyKeys(busy.substring(0, 15), quiet);
        assertThat(followUps.get(busy.substring(0, 15)).leadId()).isEqualTo(busy.substring(0, 15));
        assertThat(followUps.get(quiet).latestActivityAt()).isNotNull();
        assertThat(followUps.get(quiet).lastActivityDate()).isEqualTo(LocalDate.parse("2030-01-15"));
    }

    @Test
    void aMalformedLeadIdIsRefusedBeforeAnyCall() {
        assertThatThrownBy(() -> actions.leadFollowUps(List.of("00Q' OR Name != '")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(sandbox.apiCalls()).isZero();
    }

    private static String key() {
        return "action-" + UUID.randomUUID();
    }
}
