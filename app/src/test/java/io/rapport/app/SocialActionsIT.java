package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.social.actions.LeadFollowUpWatch;
import io.rapport.sim.salesforce.SalesforceSandbox;
import io.rapport.sim.slack.SlackMessage;
import io.rapport.sim.slack.SlackSandbox;
import io.rapport.sim.social.SocialSandbox;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The rules of config/social-rules.yaml acting on posts, end to end: Leads, Cases and Chatter posts in the Salesforce
 * sandbox through the real camel-salesforce component, Slack alerts in the Slack sandbox through the real camel-slack
 * component, the reply queue and the listen/talk guard, the Lead follow-up SLA, and the dry run.
 */
class SocialActionsIT extends HubIntegrationTest {

    private static final AtomicLong POST_IDS = new AtomicLong(System.currentTimeMillis() * 1000 + 500_000_000L);

    @Autowired
    ObjectMapper json;

    @Autowired
    SalesforceSandbox salesforce;

    @Autowired
    SlackSandbox slack;

    @Autowired
    SocialSandbox x;

    @Autowired
    LeadFollowUpWatch followUps;

    @Test
    void purchaseIntentFromSomeoneWhoIsNotACustomerBecomesALeadWithThePostsLink() throws Exception {
        String handle = handle();
        String postId = nextPostId();
        JsonNode event = awaitActions(post(postId, handle, "Jonas Weber", 240,
                "Thinking about buying the Acme X2 for our team of 12, how much is it?"), 1);

        assertThat(event.get("intent").asText()).isEqualTo("purchase_intent");
        JsonNode lead = action(event, "createLead");
        assertThat(lead.get("status").asText()).isEqualTo("DONE");
        Map<String, Object> record = salesforce.record("Lead", lead.get("targetId").asText()).orElseThrow();
        assertThat(record.get("LeadSource")).isEqualTo("Social");
        assertThat(record.get("Description").toString()).contains("https://x.com/" + handle + "/status/" + postId);
        // the shipped rules name placeholder owners: Salesforce refuses them and the Lead is still created
        assertThat(lead.get("detail").asText()).contains("Salesforce");
        assertThat(jdbc.queryForObject("SELECT status FROM social_lead_followup WHERE lead_id = ?", String.class,
                lead.get("targetId").asText())).isEqualTo("OPEN");
    }

    @Test
    void aLeadNobodyFollowsUpWithinTheSlaIsEscalatedOnceAndOneWithATaskIsNot() throws Exception {
        String ignored = action(awaitActions(post(nextPostId(), handle(), "Ana Ruiz", 90,
                "Where can I buy the Acme blender? Want to buy two"), 1), "createLead").get("targetId").asText();
        String followed = action(awaitActions(post(nextPostId(), handle(), "Tom Lee", 90,
                "I want to buy the Acme X2, who can send me a quote?"), 1), "createLead").get("targetId").asText();
        // five hours pass: the shipped rules' SLA is four
        Instant created = Instant.now().minus(Duration.ofHours(5));
        jdbc.update("UPDATE social_lead_followup SET created_at = ?, due_at = ? WHERE lead_id IN (?, ?)",
                Timestamp.from(created), Timestamp.from(created.plus(Duration.ofHours(4))), ignored, followed);

        // the rep calls back within the SLA (the Task is created now, after the Lead)
        salesforce.insert("Task", Map.of("WhoId", followed, "Subject", "Called back", "Status", "Completed"));
        jdbc.update("UPDATE social_lead_followup SET created_at = ? WHERE lead_id = ?",
                Timestamp.from(Instant.now().minusSeconds(60).minus(Duration.ofHours(4))), followed);
        followUps.runOnce();
        followUps.runOnce();

        assertThat(followUpStatus(ignored)).isEqualTo("ESCALATED");
        assertThat(followUpStatus(followed)).isEqualTo("FOLLOWED_UP");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(slack.messages("sales-escalations"))
                .extracting(SlackMessage::text)
                .filteredOn(text -> text.contains(ignored))
                .hasSize(1));
        assertThat(slack.messages("sales-escalations")).extracting(SlackMessage::text)
                .noneMatch(text -> text.contains(followed));
    }

    @Test
    void aComplaintFromAKnownCustomerBecomesACaseOnTheirContactAndWaitsForAReply() throws Exception {
        String handle = handle();
        String source = uniqueSource("crm-social");
        String family = "Holm" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
        String email = handle + "@example.com";
        // the customer is in Salesforce already, as a Contact (the record as the Salesforce intake would hand it on;
        // StoreSyncIT covers the intake itself), and a CRM export declares their handle
        String contactId = salesforce.insert("Contact", Map.of("FirstName", "Siri", "LastName", family, "Email", email));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(admin().postForEntity("/api/v1/customers/records?source=salesforce", new HttpEntity<>(
                json.createObjectNode().put("source_id", contactId).put("given_name", "Siri")
                        .put("family_name", family).put("email", email).toString(), headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        importCsv(source, "source_id,given_name,family_name,email,social_handle\n1,Siri," + family + "," + email
                + ",@" + handle + "\n");
        String customerId = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            String viaCrm = jdbc.queryForObject("SELECT customer_id FROM customer_record WHERE record_key = ?",
                    String.class, source + ":1");
            String viaSalesforce = jdbc.queryForObject("SELECT customer_id FROM customer_record WHERE record_key = ?",
                    String.class, "salesforce:" + contactId);
            return viaCrm.equals(viaSalesforce) ? viaCrm : null;
        }, id -> id != null);

        JsonNode event = awaitActions(post(nextPostId(), handle, "Siri " + family, 300,
                "@acme my order arrived broken and nobody answers my emails. Third time this month!"), 2);

        assertThat(event.get("customer").get("customerId").asText()).isEqualTo(customerId);
        JsonNode caseAction = action(event, "createCase");
        assertThat(caseAction.get("status").asText()).isEqualTo("DONE");
        Map<String, Object> created = salesforce.record("Case", caseAction.get("targetId").asText()).orElseThrow();
        assertThat(created.get("ContactId")).isEqualTo(contactId);
        assertThat(created.get("Origin")).isEqualTo("Social");
        assertThat(action(event, "queueReply").get("status").asText()).isEqualTo("DONE");
        JsonNode queue = json.readTree(viewer().getForObject("/api/v1/social/replies", String.class));
        assertThat(queue.findValuesAsText("eventId")).contains(event.get("id").asText());
    }

    @Test
    void negativeWordsFromAnInfluentialAuthorAlertTheTeamOnSlack() throws Exception {
        String handle = handle();
        awaitActions(post(nextPostId(), handle, "Big Voice", 2_400_000, 5_200,
                "Honestly the worst customer service I have ever had from @acme. Avoid."), 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(slack.messages("social-escalations"))
                .extracting(SlackMessage::text)
                .anyMatch(text -> text.contains("@" + handle) && text.contains("2400000 followers")));
    }

    @Test
    void aReplyGoesOutOnlyWhileTheBrandHasListenedEnoughToday() throws Exception {
        // a post on X (the sandbox), which the hub hears of through the webhook here
        String question = "@acme Does the Acme X2 work with Linux? " + UUID.randomUUID();
        String postId = Long.toString(x.post("curious_cat", question).id());
        JsonNode event = awaitActions(post(postId, "curious_cat", "Curious Cat", 50, question), 1);
        String replyId = action(event, "queueReply").get("targetId").asText();
        // whatever ran before today, the brand has heard at least these four posts today
        for (int i = 0; i < 3; i++) {
            awaitActions(post(nextPostId(), handle(), "Passer By", 5, "Saw an Acme van downtown " + UUID.randomUUID()),
                    0);
        }
        Date today = Date.valueOf(LocalDate.now(ZoneOffset.UTC));
        long heard = jdbc.queryForObject("SELECT COUNT(*) FROM social_event WHERE collapsed_into IS NULL", Long.class);
        // the brand has talked as much as it heard today: far more than 25%
        talked(today, heard);

        ResponseEntity<String> held = send(replyId, "Yes, it does!");
        assertThat(held.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(json.readTree(held.getBody()).get("detail").asText()).contains("listen/talk guard");

        talked(today, 0);
        ResponseEntity<String> sent = send(replyId, "Yes, it does!");
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
        String replyPostId = json.readTree(sent.getBody()).get("replyPostId").asText();
        assertThat(x.post(Long.parseLong(replyPostId))).isPresent();
        assertThat(jdbc.queryForObject("SELECT talked FROM social_talk_count WHERE account = 'acme' AND talk_day = ?",
                Long.class, today)).isEqualTo(1);
    }

    @Test
    void aDryRunShowsWhatARuleSetWouldDoWithoutDoingItAndAnInvalidOneIsRefusedWithItsLine() throws Exception {
        awaitActions(post(nextPostId(), handle(), "Dry Runner", 10, "How do I reset my Acme router?"), 1);
        String rules = """
                rules:
                  - id: everything-to-slack
                    when: {}
                    then:
                      - alert:
                          slack:
                            channel: "#social-alerts"
                            message: "${post.url}"
                """;
        int slackBefore = slack.messages().size();
        JsonNode report = json.readTree(postYaml("/api/v1/social/rules/dry-run?limit=5", rules).getBody());
        assertThat(report.get("summary").get("posts").asInt()).isEqualTo(5);
        assertThat(report.get("summary").get("actionsPerType").get("alert.slack").asInt()).isPositive();
        assertThat(slack.messages()).hasSize(slackBefore);

        ResponseEntity<String> invalid = postYaml("/api/v1/social/rules/dry-run", """
                rules:
                  - id: typo
                    when:
                      intnet: question
                    then:
                      - queueReply: {}
                """);
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = json.readTree(invalid.getBody()).get("problems").get(0);
        assertThat(problem.get("line").asInt()).isEqualTo(4);
        assertThat(problem.get("message").asText()).contains("intent");
    }

    private void talked(Date day, long replies) {
        if (jdbc.update("UPDATE social_talk_count SET talked = ? WHERE account = 'acme' AND talk_day = ?", replies,
                day) == 0) {
            jdbc.update("INSERT INTO social_talk_count (account, talk_day, talked) VALUES ('acme', ?, ?)", day,
                    replies);
        }
    }

    private String followUpStatus(String leadId) {
        return jdbc.queryForObject("SELECT status FROM social_lead_followup WHERE lead_id = ?", String.class, leadId);
    }

    private JsonNode awaitActions(String eventId, int atLeastDone) throws Exception {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ResponseEntity<String> response = viewer().getForEntity("/api/v1/social/events/" + eventId, String.class);
            if (response.getStatusCode() != HttpStatus.OK) {
                return false;
            }
            found[0] = json.readTree(response.getBody());
            int finished = 0;
            for (JsonNode action : found[0].get("actions")) {
                finished += "PLANNED".equals(action.get("status").asText()) ? 0 : 1;
            }
            return finished >= atLeastDone && finished == found[0].get("actions").size();
        });
        return found[0];
    }

    private static JsonNode action(JsonNode event, String type) {
        for (JsonNode action : event.get("actions")) {
            if (type.equals(action.get("type").asText())) {
                return action;
            }
        }
        throw new AssertionError("no " + type + " action in " + event.get("actions"));
    }

    private String post(String postId, String handle, String name, long followers, String text) throws Exception {
        return post(postId, handle, name, followers, 0, text);
    }

    private String post(String postId, String handle, String name, long followers, long likes, String text)
            throws Exception {
        String body = """
                {"data": {"id": "%s", "text": %s, "author_id": "u-%s", "created_at": "%s", "conversation_id": "%s",
                  "lang": "en", "entities": {"mentions": [{"start": 0, "end": 5, "username": "acme"}]},
                  "public_metrics": {"like_count": %d, "retweet_count": %d, "reply_count": 0, "quote_count": 0}},
                 "includes": {"users": [{"id": "u-%s", "username": "%s", "name": "%s",
                  "public_metrics": {"followers_count": %d, "following_count": 10}}]}}
                """.formatted(postId, json.writeValueAsString(text), postId, Instant.now(), postId, likes, likes / 5,
                postId, handle, name, followers);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> accepted = admin().postForEntity("/api/v1/social/events?source=x",
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers), String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return json.readTree(accepted.getBody()).get("id").asText();
    }

    private ResponseEntity<String> send(String replyId, String text) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin().postForEntity("/api/v1/social/replies/" + replyId + "/send",
                new HttpEntity<>(json.createObjectNode().put("text", text).toString(), headers), String.class);
    }

    private ResponseEntity<String> postYaml(String path, String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        return admin().postForEntity(path, new HttpEntity<>(yaml, headers), String.class);
    }

    private static String nextPostId() {
        return Long.toString(POST_IDS.incrementAndGet());
    }

    private static String handle() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
