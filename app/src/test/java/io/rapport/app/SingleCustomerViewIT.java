package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class SingleCustomerViewIT extends HubIntegrationTest {

    @Autowired
    ObjectMapper json;

    @Autowired
    jakarta.jms.ConnectionFactory connectionFactory;

    @Test
    void duplicatesFromTwoSourcesBecomeOneCustomerWithLineage() throws Exception {
        String crm = uniqueSource("crm");
        String erp = uniqueSource("erp");
        importCsv(crm, """
                source_id,given_name,family_name,email,phone,street,locality,postcode,country,birth_date,national_id
                c-1,Katherine,Øverby,kate.overby@example.com,+47 912 34 567,Storgata 12,Oslo,0155,NO,1984-03-09,12345678901
                c-2,Lars,Nilsen,lars@example.com,+47 934 56 789,Kirkeveien 3,Bergen,5003,NO,1971-11-30,
                """);
        importCsv(erp, """
                source_id,full_name,email,phone,street,locality,postcode,country,birth_date
                E-77,Kate Overby,KATE.OVERBY@example.com,912 34 567,Storgata 12,Oslo,0155,Norway,09.03.1984
                """);
        awaitIdle();

        Map<String, String> xref = xref(crm, erp);
        assertThat(xref).hasSize(3);
        String kate = xref.get(crm + ":c-1");
        assertThat(xref.get(erp + ":E-77")).isEqualTo(kate);
        assertThat(xref.get(crm + ":c-2")).isNotEqualTo(kate);

        JsonNode customer = json.readTree(viewer().getForObject("/api/v1/customers/" + kate, String.class));
        assertThat(customer.get("customerId").asText()).isEqualTo(kate);
        assertThat(customer.get("records").findValuesAsText("recordKey")).containsExactlyInAnyOrder(crm + ":c-1", erp + ":E-77");
        JsonNode email = customer.get("fields").get("email");
        assertThat(email.get("source").asText()).isIn(crm, erp);
        assertThat(email.get("sourceId").asText()).isNotBlank();
        assertThat(email.get("rule").asText()).isNotBlank();
        assertThat(customer.get("fields").get("birth_date").get("value").asText()).isEqualTo("1984-03-09");
        // the national id is sensitive: masked in every answer
        assertThat(customer.toString()).doesNotContain("12345678901");
        assertThat(customer.get("fields").get("national_id").get("value").asText()).endsWith("01").startsWith("*");

        JsonNode found = json.readTree(viewer().getForObject("/api/v1/customers?q=overby " + crm, String.class));
        assertThat(found.get("customers").findValuesAsText("customerId")).containsExactly(kate);
    }

    @Test
    void aSingleRecordPostedAsJsonJoinsTheCustomerItMatches() throws Exception {
        String crm = uniqueSource("crm");
        String web = uniqueSource("web");
        importCsv(crm, """
                source_id,given_name,family_name,email,street,locality,postcode,country,birth_date
                1,Ingrid,Solberg,ingrid.solberg@example.com,Bryggen 5,Bergen,5003,NO,1990-07-01
                """);
        awaitIdle();

        ResponseEntity<String> posted = admin().postForEntity("/api/v1/customers/records?source=" + web,
                jsonBody("""
                        {"sourceId": "w-9", "givenName": "Ingrid", "familyName": "Solberg",
                         "email": "ingrid.solberg@example.com", "birthDate": "01/07/1990", "country": "NO",
                         "postcode": 5003, "phone": "not a phone"}
                        """), String.class);

        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(json.readTree(posted.getBody()).get("recordKey").asText()).isEqualTo(web + ":w-9");
        awaitIdle();
        Map<String, String> xref = xref(crm, web);
        assertThat(xref.get(web + ":w-9")).isEqualTo(xref.get(crm + ":1"));
        // the malformed phone is a quality issue on the record, which still resolved on what was valid
        JsonNode customer = json.readTree(viewer().getForObject("/api/v1/customers/" + xref.get(crm + ":1"), String.class));
        JsonNode webRecord = findRecord(customer, web + ":w-9");
        assertThat(webRecord.get("qualityIssues").findValuesAsText("field")).contains("phone");
    }

    @Test
    void aRecordThatIsNotAnObjectIsAProblemNotAMessage() {
        ResponseEntity<String> posted = admin().postForEntity("/api/v1/customers/records?source=web",
                jsonBody("[1, 2]"), String.class);
        assertThat(posted.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(posted.getHeaders().getContentType().toString()).contains("application/problem+json");

        ResponseEntity<String> noId = admin().postForEntity("/api/v1/customers/records?source=web",
                jsonBody("{\"given_name\": \"Nobody\"}"), String.class);
        assertThat(noId.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noId.getBody()).contains("source_id is required");
    }

    @Test
    void anUpdateThatNoLongerMatchesMovesTheRecordToACustomerOfItsOwn() {
        String crm = uniqueSource("crm");
        String erp = uniqueSource("erp");
        String header = "source_id,given_name,family_name,email,street,locality,postcode,country,birth_date\n";
        importCsv(crm, header + "1,Per,Hansen,per.hansen@example.com,Elveveien 8,Tromsø,9008,NO,1965-02-14\n");
        importCsv(erp, header + "A,Per,Hansen,per.hansen@example.com,Elveveien 8,Tromsø,9008,NO,1965-02-14\n");
        awaitIdle();
        assertThat(xref(crm, erp).get(erp + ":A")).isEqualTo(xref(crm, erp).get(crm + ":1"));

        importCsv(erp, header + "A,Mona,Lie,mona.lie@example.com,Havnegata 1,Bodø,8006,NO,1999-12-24\n");
        awaitIdle();

        Map<String, String> after = xref(crm, erp);
        assertThat(after.get(erp + ":A")).isNotEqualTo(after.get(crm + ":1"));
        assertThat(viewer().getForEntity("/api/v1/customers/" + after.get(erp + ":A"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void aPossibleMatchIsShownOnBothCustomersAndQueuedForReview() throws Exception {
        String crm = uniqueSource("crm");
        // same name and home, no birth date, another email: a parent and child as often as one person
        String header = "source_id,given_name,family_name,email,street,locality,postcode,country\n";
        importCsv(crm, header + "1,Ola,Hansen,ola@example.com,Storgata 1,Oslo,0155,NO\n"
                + "2,Ola,Hansen,ola.jr@example.org,Storgata 1,Oslo,0155,NO\n");
        awaitIdle();
        Map<String, String> xref = xref(crm);
        assertThat(xref.get(crm + ":1")).isNotEqualTo(xref.get(crm + ":2"));

        for (String record : List.of(crm + ":1", crm + ":2")) {
            JsonNode customer = json.readTree(viewer().getForObject("/api/v1/customers/" + xref.get(record), String.class));
            assertThat(customer.get("links")).singleElement().satisfies(link -> {
                assertThat(link.get("record").asText()).isEqualTo(crm + ":1");
                assertThat(link.get("otherRecord").asText()).isEqualTo(crm + ":2");
                assertThat(link.get("kind").asText()).isEqualTo("POSSIBLE");
            });
        }
        JsonNode review = json.readTree(viewer().getForObject("/api/v1/stewardship/review?limit=1000", String.class));
        assertThat(review.get("items").toString()).contains(crm + ":1", crm + ":2");
    }

    @Test
    void stewardsMergeAndSplitWithAnAuditTrail() throws Exception {
        String crm = uniqueSource("crm");
        String header = "source_id,given_name,family_name,email,locality,country\n";
        importCsv(crm, header + "1,Siri,Moen,siri@example.com,Oslo,NO\n2,Siri,Moen-Bakke,smb@example.org,Drammen,NO\n");
        awaitIdle();
        Map<String, String> before = xref(crm);
        assertThat(before.get(crm + ":1")).isNotEqualTo(before.get(crm + ":2"));

        ResponseEntity<String> merged = admin().postForEntity("/api/v1/stewardship/merge",
                jsonBody("{\"record\": \"" + crm + ":1\", \"otherRecord\": \"" + crm + ":2\", \"note\": \"same person, married\"}"),
                String.class);
        assertThat(merged.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, String> afterMerge = xref(crm);
        assertThat(afterMerge.get(crm + ":1")).isEqualTo(afterMerge.get(crm + ":2"));
        JsonNode golden = json.readTree(viewer().getForObject("/api/v1/customers/" + afterMerge.get(crm + ":1"), String.class));
        assertThat(golden.get("records")).hasSize(2);

        ResponseEntity<String> split = admin().postForEntity("/api/v1/stewardship/split",
                jsonBody("{\"record\": \"" + crm + ":2\"}"), String.class);
        assertThat(split.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, String> afterSplit = xref(crm);
        assertThat(afterSplit.get(crm + ":1")).isNotEqualTo(afterSplit.get(crm + ":2"));

        JsonNode actions = json.readTree(viewer().getForObject("/api/v1/stewardship/actions?limit=50", String.class));
        List<JsonNode> mine = java.util.stream.StreamSupport.stream(actions.get("actions").spliterator(), false)
                .filter(a -> a.get("record").asText().startsWith(crm + ":")).toList();
        assertThat(mine).extracting(a -> a.get("action").asText()).containsExactly("SPLIT", "MERGE");
        assertThat(mine.get(1).get("actor").asText()).isEqualTo(ADMIN);
        assertThat(mine.get(1).get("note").asText()).isEqualTo("same person, married");

        // viewers read, but do not decide
        ResponseEntity<String> denied = viewer().postForEntity("/api/v1/stewardship/merge",
                jsonBody("{\"record\": \"" + crm + ":1\", \"otherRecord\": \"" + crm + ":2\"}"), String.class);
        assertThat(denied.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> unknown = admin().postForEntity("/api/v1/stewardship/split",
                jsonBody("{\"record\": \"" + crm + ":nope\"}"), String.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void onePoisonMessageInABatchIsDeadLetteredAndTheRestAreResolved() throws Exception {
        String source = uniqueSource("batch");
        String poisonKey = "poison-" + UUID.randomUUID();
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            bodies.add(i == 20 ? "{\"importId\": \"x\", \"row\": 20, \"source\": \"not a valid source!\"}"
                    : json.writeValueAsString(Map.of("importId", "batch-" + source, "row", i, "source", source,
                            "sourceId", "s-" + i, "fields", Map.of("given_name", "Person" + i, "family_name", "Number" + i))));
        }
        // one JMS transaction, so that the consumers see the rows together and batch them
        try (jakarta.jms.Connection connection = connectionFactory.createConnection()) {
            jakarta.jms.Session session = connection.createSession(true, jakarta.jms.Session.SESSION_TRANSACTED);
            var producer = session.createProducer(session.createQueue(Queues.INBOUND_CUSTOMER));
            for (int i = 1; i <= 40; i++) {
                var message = session.createTextMessage(bodies.get(i - 1));
                message.setStringProperty(MessageHeaders.MESSAGE_KEY, i == 20 ? poisonKey : source + ":" + i);
                producer.send(message);
            }
            session.commit();
        }

        awaitIdle();

        assertThat(xref(source)).hasSize(39);
        JsonNode letters = json.readTree(admin().getForObject("/api/v1/pipeline/dead-letters/"
                + Queues.deadLetterQueueOf(Queues.INBOUND_CUSTOMER) + "?limit=1000", String.class));
        JsonNode letter = java.util.stream.StreamSupport.stream(letters.spliterator(), false)
                .filter(m -> poisonKey.equals(m.get("messageKey").asText())).findFirst().orElseThrow();
        assertThat(letter.get("reason").asText()).contains("source name");
        assertThat(letter.get("stage").asText()).isEqualTo("customer-resolve");
    }

    private Map<String, String> xref(String... sources) {
        String csv = viewer().getForObject("/api/v1/xref", String.class);
        List<String> wanted = Arrays.asList(sources);
        Map<String, String> byRecord = new HashMap<>();
        csv.lines().skip(1).map(line -> line.split(",")).filter(cols -> wanted.contains(cols[0]))
                .forEach(cols -> byRecord.put(cols[0] + ":" + cols[1], cols[2]));
        return byRecord;
    }

    private static JsonNode findRecord(JsonNode customer, String recordKey) {
        for (JsonNode record : customer.get("records")) {
            if (record.get("recordKey").asText().equals(recordKey)) {
                return record;
            }
        }
        throw new AssertionError("no record " + recordKey + " in " + customer.get("records").findValuesAsText("recordKey"));
    }

    private static HttpEntity<String> jsonBody(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
