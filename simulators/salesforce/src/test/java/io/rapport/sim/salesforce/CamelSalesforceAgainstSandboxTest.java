package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.sim.salesforce.dto.Account;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.salesforce.api.dto.DeleteSObjectResult;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectComposite;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectCompositeResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Camel Salesforce component, unchanged, logs in to the sandbox and writes through its REST API. */
class CamelSalesforceAgainstSandboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private SalesforceSandbox sandbox;
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        SalesforceSandbox.Config config = SalesforceSandbox.Config.defaults();
        sandbox = SalesforceSandbox.start(config, 0);
        SalesforceComponent salesforce = new SalesforceComponent();
        salesforce.setLoginUrl(sandbox.baseUrl());
        salesforce.setClientId(config.clientId());
        salesforce.setClientSecret(config.clientSecret());
        salesforce.setUserName(config.username());
        salesforce.setPassword(config.password());
        salesforce.setLazyLogin(true);
        salesforce.setPackages(Account.class.getPackageName());
        camel = new DefaultCamelContext();
        camel.addComponent("salesforce", salesforce);
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        sandbox.close();
    }

    @Test
    void theComponentCreatesUpsertsAndReadsRecords() throws Exception {
        String created = producer.requestBody("salesforce:createSObject?sObjectName=Contact&rawPayload=true",
                "{\"LastName\":\"Berg\",\"FirstName\":\"Anna\"}", String.class);
        String id = JSON.readTree(created).get("id").asText();

        producer.requestBody("salesforce:upsertSObject?sObjectName=Account&sObjectIdName=Rapport_Id__c"
                + "&sObjectIdValue=C01&rawPayload=true", "{\"Name\":\"Acme\"}", String.class);
        producer.requestBody("salesforce:upsertSObject?sObjectName=Account&sObjectIdName=Rapport_Id__c"
                + "&sObjectIdValue=C01&rawPayload=true", "{\"Name\":\"Acme AS\"}", String.class);
        String contact = producer.requestBody("salesforce:getSObject?sObjectName=Contact&sObjectFields=LastName"
                + "&rawPayload=true", id, String.class);

        assertThat(JSON.readTree(contact).get("LastName").asText()).isEqualTo("Berg");
        assertThat(sandbox.count("Contact")).isEqualTo(1);
        assertThat(sandbox.count("Account")).isEqualTo(1);
        assertThat(sandbox.requestCounts()).containsEntry("oauth2/token", 1L).containsEntry("sobjects", 4L);
        assertThat(sandbox.apiCalls()).isEqualTo(4);
    }

    @Test
    void theComponentLogsInAgainWhenItsSessionExpires() throws Exception {
        producer.requestBody("salesforce:createSObject?sObjectName=Lead&rawPayload=true", 
                "{\"LastName\":\"One\",\"Company\":\"Acme\"}", String.class);

        sandbox.expireSessions();
        producer.requestBody("salesforce:createSObject?sObjectName=Lead&rawPayload=true", 
                "{\"LastName\":\"Two\",\"Company\":\"Acme\"}", String.class);

        assertThat(sandbox.count("Lead")).isEqualTo(2);
        assertThat(sandbox.requestCounts()).containsEntry("oauth2/token", 2L).containsEntry("rejected session", 1L);
    }

    @Test
    void theComponentQueriesAndFollowsNextRecordsUrlWithQueryMore() throws Exception {
        for (int i = 0; i < 250; i++) {
            sandbox.insert("Contact", java.util.Map.of("LastName", String.format("C%03d", i), "Email",
                    i % 2 == 0 ? "even@example.com" : "odd@example.com"));
        }

        String first = producer.requestBodyAndHeader("salesforce:query?rawPayload=true&sObjectQuery=SELECT Id, LastName"
                + " FROM Contact WHERE Email LIKE 'even%25' ORDER BY LastName DESC", null,
                "Sforce-Query-Options", "batchSize=200", String.class);
        var page = JSON.readTree(first);
        assertThat(page.get("totalSize").asInt()).isEqualTo(125);
        assertThat(page.get("done").asBoolean()).isTrue();
        assertThat(page.get("records").get(0).get("LastName").asText()).isEqualTo("C248");

        String all = producer.requestBodyAndHeader("salesforce:query?rawPayload=true&sObjectQuery=SELECT LastName"
                + " FROM Contact ORDER BY LastName", null, "Sforce-Query-Options", "batchSize=200", String.class);
        page = JSON.readTree(all);
        assertThat(page.get("records")).hasSize(200);
        assertThat(page.get("done").asBoolean()).isFalse();
        String more = producer.requestBody("salesforce:queryMore?rawPayload=true",
                page.get("nextRecordsUrl").asText(), String.class);

        var rest = JSON.readTree(more);
        assertThat(rest.get("done").asBoolean()).isTrue();
        assertThat(rest.get("records")).hasSize(50);
        assertThat(rest.get("records").get(49).get("LastName").asText()).isEqualTo("C249");
        assertThat(sandbox.requestCounts()).containsEntry("query", 3L);
    }

    @Test
    void theComponentWritesReadsAndDeletesThroughSObjectCollections() throws Exception {
        List<?> created = producer.requestBody("salesforce:compositeCreateSObjectCollections",
                List.of(Account.named("Acme", "Retail", "C01"), Account.named("Beta", "Food", "C02")), List.class);
        assertThat(created).hasSize(2).allMatch(r -> ((SaveSObjectResult) r).getSuccess());

        List<?> upserted = producer.requestBody("salesforce:compositeUpsertSObjectCollections?sObjectName=Account"
                + "&sObjectIdName=Rapport_Id__c", List.of(Account.named("Acme AS", "Retail", "C01"),
                        Account.named("Gamma", "Banking", "C03")), List.class);
        assertThat(upserted).extracting(r -> ((UpsertSObjectResult) r).getCreated()).containsExactly(false, true);

        List<String> ids = List.of(((SaveSObjectResult) created.get(0)).getId(),
                ((UpsertSObjectResult) upserted.get(1)).getId());
        List<?> read = producer.requestBodyAndHeaders("salesforce:compositeRetrieveSObjectCollections"
                + "?sObjectName=Account", null,
                Map.of("sObjectIds", ids, "sObjectFields", List.of("Name", "Industry")), List.class);
        assertThat(read).extracting(a -> ((Account) a).getName()).containsExactly("Acme AS", "Gamma");
        assertThat(read).extracting(a -> ((Account) a).getIndustry()).containsExactly("Retail", "Banking");

        List<?> deleted = producer.requestBodyAndHeaders("salesforce:compositeDeleteSObjectCollections", null,
                Map.of("sObjectIds", ids, "allOrNone", "true"), List.class);
        assertThat(deleted).allMatch(r -> ((DeleteSObjectResult) r).getSuccess());
        assertThat(sandbox.count("Account")).isEqualTo(1);
        assertThat(sandbox.requestCounts()).containsEntry("composite/sobjects", 4L);
    }

    @Test
    void theComponentRunsACompositeRequestWithReferences() throws Exception {
        SObjectComposite composite = new SObjectComposite("62.0", true);
        composite.addCreate(describedAccount("Acme"), "acct");
        composite.addQuery("SELECT Id, Name FROM Account WHERE Id = '@{acct.id}'", "read");

        SObjectCompositeResponse response = producer.requestBody("salesforce:composite", composite,
                SObjectCompositeResponse.class);

        assertThat(response.getCompositeResponse()).extracting(r -> r.getHttpStatusCode()).containsExactly(201, 200);
        @SuppressWarnings("unchecked")
        Map<String, Object> query = (Map<String, Object>) response.getCompositeResponse().get(1).getBody();
        assertThat(query).containsEntry("totalSize", 1);
        assertThat(sandbox.count("Account")).isEqualTo(1);
        assertThat(sandbox.requestCounts()).containsEntry("composite", 1L);
    }

    /** The composite DTO wants described sObjects: an anonymous one carrying the type name is enough. */
    private static org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase describedAccount(
            String name) {
        var account = new org.apache.camel.component.salesforce.api.dto.AbstractDescribedSObjectBase() {
            @Override
            public org.apache.camel.component.salesforce.api.dto.SObjectDescription description() {
                var description = new org.apache.camel.component.salesforce.api.dto.SObjectDescription();
                description.setName("Account");
                return description;
            }
        };
        account.getAttributes().setType("Account");
        account.setName(name);
        return account;
    }

    @Test
    void theComponentReadsLimits() {
        org.apache.camel.component.salesforce.api.dto.Limits limits = producer.requestBody("salesforce:limits", null,
                org.apache.camel.component.salesforce.api.dto.Limits.class);

        assertThat(limits.getDailyApiRequests().getMax()).isEqualTo(15_000);
        assertThat(limits.getDailyApiRequests().getRemaining()).isEqualTo(14_999);
        assertThat(limits.getDailyBulkApiRequests().getMax()).isEqualTo(15_000);
    }

    @Test
    void theComponentReadsSalesforceErrorsWithTheirCodesAndFields() {
        sandbox.markUnique("Account", "Rapport_Id__c");
        sandbox.insert("Account", Map.of("Name", "Acme", "Rapport_Id__c", "C01"));

        SalesforceException missing = failure("salesforce:createSObject?sObjectName=Lead&rawPayload=true",
                "{\"LastName\":\"Berg\"}");
        SalesforceException duplicate = failure("salesforce:createSObject?sObjectName=Account&rawPayload=true",
                "{\"Name\":\"Other\",\"Rapport_Id__c\":\"C01\"}");

        assertThat(missing.getStatusCode()).isEqualTo(400);
        assertThat(missing.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
            assertThat(e.getFields()).containsExactly("Company");
        });
        assertThat(duplicate.getErrors().get(0).getErrorCode()).isEqualTo("DUPLICATE_VALUE");
        assertThat(duplicate.getErrors().get(0).getMessage()).startsWith("duplicate value found: Rapport_Id__c");
    }

    private SalesforceException failure(String uri, String body) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> producer.requestBody(uri, body,
                String.class));
        assertThat(thrown).isInstanceOf(org.apache.camel.CamelExecutionException.class);
        return (SalesforceException) thrown.getCause();
    }

    @Test
    void theComponentSurfacesAnInjectedOutageAsItsStatus() {
        producer.requestBody("salesforce:limits", null, String.class);
        sandbox.failNext(1, 503);

        SalesforceException outage = failure("salesforce:createSObject?sObjectName=Account&rawPayload=true",
                "{\"Name\":\"Acme\"}");

        assertThat(outage.getStatusCode()).isEqualTo(503);
        assertThat(sandbox.count("Account")).isZero();
    }

    @Test
    void theComponentRunsABulkV2IngestJob() throws Exception {
        Job definition = new Job();
        definition.setObject("Contact");
        definition.setOperation(OperationEnum.INSERT);
        definition.setContentType(ContentTypeEnum.CSV);
        definition.setLineEnding(LineEndingEnum.LF);
        Job job = producer.requestBody("salesforce:bulk2CreateJob", definition, Job.class);
        assertThat(job.getState()).isEqualTo(JobStateEnum.OPEN);

        producer.requestBodyAndHeader("salesforce:bulk2CreateBatch", "LastName,Email\nBerg,anna@example.com\n,x\n",
                "jobId", job.getId());
        Job closed = producer.requestBodyAndHeader("salesforce:bulk2CloseJob", null, "jobId", job.getId(), Job.class);
        assertThat(closed.getState()).isEqualTo(JobStateEnum.UPLOAD_COMPLETE);

        Job[] current = new Job[1];
        ApiClient.await(() -> {
            current[0] = producer.requestBodyAndHeader("salesforce:bulk2GetJob", null, "jobId", job.getId(), Job.class);
            return current[0].getState() == JobStateEnum.JOB_COMPLETE;
        });
        assertThat(current[0].getNumberRecordsProcessed()).isEqualTo(2);
        assertThat(current[0].getNumberRecordsFailed()).isEqualTo(1);

        String successes = camel.getTypeConverter().convertTo(String.class, producer.requestBodyAndHeader(
                "salesforce:bulk2GetSuccessfulResults", null, "jobId", job.getId()));
        String failures = camel.getTypeConverter().convertTo(String.class, producer.requestBodyAndHeader(
                "salesforce:bulk2GetFailedResults", null, "jobId", job.getId()));
        assertThat(successes).startsWith("sf__Id,sf__Created,LastName,Email\n003").contains(",true,Berg,");
        assertThat(failures).startsWith("sf__Id,sf__Error,LastName,Email\n").contains("REQUIRED_FIELD_MISSING");
        assertThat(sandbox.count("Contact")).isEqualTo(1);
        // every HTTP request was one API call (how many status polls it took varies)
        assertThat(sandbox.requestCounts().get("jobs/ingest")).isEqualTo(sandbox.apiCalls()).isGreaterThanOrEqualTo(6);
    }
}
