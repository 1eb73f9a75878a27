package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SOQL through {@code /query}, {@code /queryAll} and queryMore, as a REST client sees it. */
class QueryResourceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-15T12:00:00Z"));
    private SalesforceSandbox sandbox;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults(), 0, clock);
        api = new ApiClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void whereAndOrderBySelectAndSortAsSalesforceDoes() throws Exception {
        seedAccounts();

        JsonNode result = api.queryJson("SELECT Name, industry, AnnualRevenue FROM account WHERE (Industry = 'banking'"
                + " OR Industry = null) AND AnnualRevenue != 7 ORDER BY AnnualRevenue DESC NULLS LAST");

        assertThat(result.get("totalSize").asInt()).isEqualTo(3);
        assertThat(result.get("done").asBoolean()).isTrue();
        assertThat(names(result)).containsExactly("Bank Two", "Bank One", "No Industry");
        JsonNode first = result.get("records").get(0);
        assertThat(first.get("attributes").get("type").asText()).isEqualTo("Account");
        assertThat(first.get("attributes").get("url").asText())
                .startsWith("/services/data/v62.0/sobjects/Account/001");
        // fields come back under their API spelling, whatever case the query used
        assertThat(first.has("Industry")).isTrue();
        assertThat(first.get("AnnualRevenue").asInt()).isEqualTo(300);
    }

    @Test
    void inLikeNotAndBooleansFilter() throws Exception {
        seedAccounts();

        assertThat(names(api.queryJson("SELECT Name FROM Account WHERE Industry IN ('Retail', 'Food') ORDER BY Name")))
                .containsExactly("Grocer", "O'Brien", "Shop");
        assertThat(names(api.queryJson("SELECT Name FROM Account WHERE Industry NOT IN ('Retail', 'Banking')"
                + " ORDER BY Name"))).containsExactly("Grocer", "No Industry");
        assertThat(names(api.queryJson("SELECT Name FROM Account WHERE Name LIKE 'bank%' ORDER BY Name")))
                .containsExactly("Bank One", "Bank Two");
        assertThat(names(api.queryJson("SELECT Name FROM Account WHERE Name LIKE '_hop'"))).containsExactly("Shop");
        assertThat(names(api.queryJson("SELECT Name FROM Account WHERE NOT (Name LIKE 'B%') AND Active__c = true"
                + " ORDER BY Name"))).containsExactly("Shop");
        assertThat(names(api.queryJson("SELECT Name FROM Account WHERE Name = 'o\\'brien'"))).containsExactly("O'Brien");
    }

    @Test
    void limitOffsetAndCount() throws Exception {
        seedAccounts();

        assertThat(names(api.queryJson("SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1")))
                .containsExactly("Bank Two", "Grocer");
        JsonNode count = api.queryJson("SELECT COUNT() FROM Account WHERE Industry = 'Banking'");
        assertThat(count.get("totalSize").asInt()).isEqualTo(2);
        assertThat(count.get("records")).isEmpty();
    }

    @Test
    void dateAndDatetimeLiteralsAndRelativeDays() throws Exception {
        sandbox.insert("Task", Map.of("Subject", "old", "ActivityDate", "2024-01-31"));
        sandbox.insert("Task", Map.of("Subject", "yesterday", "ActivityDate", "2024-03-14",
                "Due__c", "2024-03-14T23:30:00.000+0000"));
        sandbox.insert("Task", Map.of("Subject", "today", "ActivityDate", "2024-03-15"));

        assertThat(subjects(api.queryJson("SELECT Subject FROM Task WHERE ActivityDate = 2024-01-31")))
                .containsExactly("old");
        assertThat(subjects(api.queryJson("SELECT Subject FROM Task WHERE ActivityDate = YESTERDAY")))
                .containsExactly("yesterday");
        assertThat(subjects(api.queryJson("SELECT Subject FROM Task WHERE ActivityDate = TODAY")))
                .containsExactly("today");
        assertThat(subjects(api.queryJson("SELECT Subject FROM Task WHERE ActivityDate = LAST_N_DAYS:7")))
                .containsExactly("yesterday", "today");
        assertThat(subjects(api.queryJson("SELECT Subject FROM Task WHERE ActivityDate < LAST_N_DAYS:7")))
                .containsExactly("old");
        // 23:30 UTC is 01:30 the next day at +02:00
        assertThat(subjects(api.queryJson("SELECT Subject FROM Task WHERE Due__c > 2024-03-15T01:00:00+02:00")))
                .containsExactly("yesterday");
        assertThat(subjects(api.queryJson("SELECT Subject FROM Task WHERE CreatedDate = TODAY"))).hasSize(3);
        assertThat(subjects(api.queryJson("SELECT Subject FROM Task WHERE CreatedDate >= 2024-03-15T12:00:00Z")))
                .hasSize(3);
    }

    @Test
    void errorsUseSalesforceCodes() throws Exception {
        HttpResponse<String> malformed = api.query("SELECT Name FROM Account WHERE");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCode(malformed)).isEqualTo("MALFORMED_QUERY");
        assertThat(ApiClient.JSON.readTree(malformed.body()).get(0).get("message").asText())
                .contains("unexpected token: <EOF>");

        HttpResponse<String> unknownType = api.query("SELECT Id FROM Acount");
        assertThat(unknownType.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCode(unknownType)).isEqualTo("INVALID_TYPE");

        sandbox.declareFields("Account", List.of("Name", "Industry"));
        HttpResponse<String> unknownField = api.query("SELECT Name, Revenue FROM Account");
        assertThat(ApiClient.errorCode(unknownField)).isEqualTo("INVALID_FIELD");
        assertThat(ApiClient.JSON.readTree(unknownField.body()).get(0).get("message").asText())
                .contains("No such column 'Revenue' on entity 'Account'");
        // declared, system and custom fields are fine
        assertThat(api.query("SELECT Id, name, CreatedDate, Anything__c FROM Account").statusCode()).isEqualTo(200);
    }

    @Test
    void queryAllAlsoReturnsDeletedRows() throws Exception {
        String kept = sandbox.insert("Lead", Map.of("LastName", "Kept", "Company", "A"));
        String gone = sandbox.insert("Lead", Map.of("LastName", "Gone", "Company", "B"));
        assertThat(api.call("DELETE", "/services/data/v62.0/sobjects/Lead/" + gone, null).statusCode()).isEqualTo(204);

        assertThat(api.queryJson("SELECT Id FROM Lead").get("totalSize").asInt()).isEqualTo(1);
        JsonNode all = api.json("GET", "/services/data/v62.0/queryAll?q=SELECT+Id,IsDeleted+FROM+Lead", null);
        assertThat(all.get("totalSize").asInt()).isEqualTo(2);
        Map<String, Boolean> deleted = new HashMap<>();
        all.get("records").forEach(r -> deleted.put(r.get("Id").asText(), r.get("IsDeleted").asBoolean()));
        assertThat(deleted).containsEntry(kept, false).containsEntry(gone, true);
    }

    @Test
    void largeResultsComeInBatchesThroughQueryMore() throws Exception {
        for (int i = 0; i < 450; i++) {
            sandbox.insert("Contact", Map.of("LastName", String.format("C%03d", i)));
        }

        JsonNode page = api.queryJson("SELECT LastName FROM Contact ORDER BY LastName", "Sforce-Query-Options",
                "batchSize=200");
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        while (true) {
            assertThat(page.get("totalSize").asInt()).isEqualTo(450);
            page.get("records").forEach(r -> seen.add(r.get("LastName").asText()));
            pageSizes.add(page.get("records").size());
            if (page.get("done").asBoolean()) {
                assertThat(page.has("nextRecordsUrl")).isFalse();
                break;
            }
            String next = page.get("nextRecordsUrl").asText();
            assertThat(next).matches("/services/data/v62\\.0/query/01g\\w{15}-\\d+");
            page = api.json("GET", next, null);
        }
        assertThat(pageSizes).containsExactly(200, 200, 50);
        assertThat(seen).hasSize(450).isSorted().doesNotHaveDuplicates();
        // without the header, a page holds 2,000 rows
        assertThat(api.queryJson("SELECT Id FROM Contact").get("done").asBoolean()).isTrue();
    }

    @Test
    void anIdleQueryLocatorExpires() throws Exception {
        for (int i = 0; i < 250; i++) {
            sandbox.insert("Contact", Map.of("LastName", "C" + i));
        }
        String next = api.queryJson("SELECT Id FROM Contact", "Sforce-Query-Options", "batchSize=200")
                .get("nextRecordsUrl").asText();

        clock.advance(Duration.ofMinutes(16));
        HttpResponse<String> expired = api.call("GET", next, null);

        assertThat(expired.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCode(expired)).isEqualTo("INVALID_QUERY_LOCATOR");
        assertThat(sandbox.requestCounts()).containsEntry("query", 2L);
    }

    private void seedAccounts() {
        sandbox.insert("Account", Map.of("Name", "Bank One", "Industry", "Banking", "AnnualRevenue", 100));
        sandbox.insert("Account", Map.of("Name", "Bank Two", "Industry", "Banking", "AnnualRevenue", 300));
        sandbox.insert("Account", Map.of("Name", "Shop", "Industry", "Retail", "AnnualRevenue", 7, "Active__c", true));
        sandbox.insert("Account", Map.of("Name", "Grocer", "Industry", "Food", "Active__c", false));
        sandbox.insert("Account", Map.of("Name", "No Industry", "AnnualRevenue", 50));
        sandbox.insert("Account", Map.of("Name", "O'Brien", "Industry", "Retail", "AnnualRevenue", 7));
    }

    private static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("records").forEach(r -> names.add(r.get("Name").asText()));
        return names;
    }

    private static List<String> subjects(JsonNode result) {
        List<String> subjects = new ArrayList<>();
        result.get("records").forEach(r -> subjects.add(r.get("Subject").asText()));
        return subjects;
    }
}
