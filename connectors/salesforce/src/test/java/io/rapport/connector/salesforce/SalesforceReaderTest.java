package io.rapport.connector.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.sim.salesforce.SalesforceSandbox;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Inbound reads through the real component against the sandbox: by id after change events, and by polling. */
class SalesforceReaderTest {

    private SandboxCamel salesforce;
    private SalesforceSandbox sandbox;
    private SalesforceReader reader;
    private ApiBudget budget;

    @BeforeEach
    void start() throws Exception {
        salesforce = SandboxCamel.start();
        sandbox = salesforce.sandbox;
        budget = new ApiBudget(100);
        reader = new SalesforceReader(salesforce.producer(),
                new SalesforceRecordMapper(SalesforceRecordMapperTest.shippedMapping()), budget);
    }

    @Test
    void theBudgetIsReadFromLimitsWhenNothingElseHasToldIt() {
        assertThat(budget.remaining()).as("unknown before any call").isEqualTo(-1);

        reader.refreshBudget();

        assertThat(budget.remaining()).isEqualTo(sandbox.remainingApiRequests()).isBetween(1L, 15_000L);
        assertThat(budget.allowsNonUrgentWork()).isTrue();
    }

    @AfterEach
    void stop() {
        salesforce.close();
    }

    @Test
    void casesAndTasksAreReadIntoCanonicalActivitiesAboutTheContactOrAccountTheyName() throws Exception {
        SalesforceActivities activities = new SalesforceActivities(SalesforceRecordMapperTest.shippedMapping());
        String contact = sandbox.insert("Contact", Map.of("LastName", "Lovelace"));
        String account = sandbox.insert("Account", Map.of("Name", "Analytical Engines"));
        String aCase = sandbox.insert("Case", Map.of("Subject", "Invoice 9000012 is wrong", "Status", "Closed",
                "Priority", "High", "Origin", "Email", "ContactId", contact, "AccountId", account));
        String task = sandbox.insert("Task", Map.of("Subject", "Call back", "Status", "Not Started",
                "ActivityDate", "2026-12-01", "WhatId", account));

        io.rapport.core.activity.CustomerActivity caseActivity = activities.toActivity("Case",
                reader.readByIds("Case", List.of(aCase)).get(0));
        io.rapport.core.activity.CustomerActivity taskActivity = activities.toActivity("Task",
                reader.readByIds("Task", List.of(task)).get(0));

        assertThat(caseActivity.kind()).isEqualTo(io.rapport.core.activity.ActivityKind.CASE);
        assertThat(caseActivity.party()).as("the Contact before the Account").isEqualTo("salesforce:" + contact);
        assertThat(caseActivity.subject()).isEqualTo("Invoice 9000012 is wrong");
        assertThat(caseActivity.channel()).isEqualTo("Email");
        assertThat(caseActivity.closed()).isTrue();
        assertThat(taskActivity.party()).isEqualTo("salesforce:" + account);
        assertThat(taskActivity.dueDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 1));
        assertThat(taskActivity.closed()).isFalse();
        assertThat(taskActivity.changedAt()).isNotNull();
        assertThat(reader.modifiedAfter("Task", null).records()).hasSize(1);
    }

    @Test
    void readsChangedRecordsByIdWithEveryMappedFieldInOneCallPer200() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            ids.add(sandbox.insert("Contact", Map.of("FirstName", "Ada" + i, "LastName", "Lovelace",
                    "MailingCity", "London", "Rapport_Id__c", "C-" + i)));
        }
        String deleted = ids.get(3);
        sandbox.delete("Contact", deleted);
        long before = sandbox.apiCalls();

        List<Map<String, Object>> records = reader.readByIds("Contact", ids);

        assertThat(sandbox.apiCalls() - before).isEqualTo(2);
        assertThat(records).hasSize(249).noneMatch(record -> record.get("Id").equals(deleted));
        Map<String, Object> first = records.stream().filter(record -> record.get("Id").equals(ids.get(0)))
                .findFirst().orElseThrow();
        assertThat(first).containsEntry("FirstName", "Ada0").containsEntry("MailingCity", "London")
                .containsEntry("Rapport_Id__c", "C-0").containsKey("SystemModstamp").doesNotContainKey("attributes");
    }

    @Test
    void pollingWalksEveryChangedRecordOnceInPagesEvenWhenTheyShareATimestamp() {
        Set<String> inserted = new HashSet<>();
        for (int i = 0; i < 4_500; i++) {
            inserted.add(sandbox.insert("Account", Map.of("Name", "Firm " + i)));
        }
        Set<String> seen = new HashSet<>();
        SalesforceReader.PollPosition position = null;
        int pages = 0;
        SalesforceReader.ModifiedPage page;
        do {
            page = reader.modifiedAfter("Account", position);
            page.records().forEach(record -> assertThat(seen.add(record.get("Id").toString())).isTrue());
            position = page.next();
            pages++;
        } while (page.more());

        assertThat(seen).isEqualTo(inserted);
        assertThat(pages).isEqualTo(3);
        assertThat(SalesforceReader.PollPosition.parse(position.toString())).isEqualTo(position);

        String changed = inserted.iterator().next();
        sandbox.update("Account", changed, Map.of("Name", "Renamed"));
        SalesforceReader.ModifiedPage after = reader.modifiedAfter("Account", position);
        assertThat(after.records()).singleElement().satisfies(record -> {
            assertThat(record).containsEntry("Id", changed).containsEntry("Name", "Renamed");
        });
        assertThat(after.more()).isFalse();
    }

    @Test
    void refusesSomethingThatIsNotARecordIdRatherThanPuttingItIntoSoql() {
        assertThatThrownBy(() -> reader.readByIds("Contact", List.of("x') OR (Name != '")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
