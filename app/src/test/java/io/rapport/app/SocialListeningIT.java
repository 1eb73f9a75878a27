package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import io.rapport.app.social.SocialHandleBackfill;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;

/** POST /api/v1/social/events and GET /api/v1/social/events/{id}, through the broker, as the brief promises. */
class SocialListeningIT extends HubIntegrationTest {

    private static final AtomicLong POST_IDS = new AtomicLong(System.currentTimeMillis() * 1000);

    @Autowired
    ObjectMapper json;

    @Autowired
    JmsTemplate jms;

    @Autowired
    SocialHandleBackfill backfill;

    @Test
    void anXPostIsAcceptedThenReadBackEnriched() throws Exception {
        String postId = nextPostId();
        ResponseEntity<String> accepted = post("x", xPost(postId, "u-" + postId, "emma_r", "Emma R", 120_000,
                "@acme my order is three weeks late and nobody answers. Worst service ever 😡"));
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        String id = json.readTree(accepted.getBody()).get("id").asText();
        assertThat(json.readTree(accepted.getBody()).get("key").asText()).isEqualTo("x:" + postId);

        JsonNode event = awaitEvent(id);
        assertThat(event.get("platform").asText()).isEqualTo("x");
        assertThat(event.get("postId").asText()).isEqualTo(postId);
        assertThat(event.get("url").asText()).isEqualTo("https://x.com/emma_r/status/" + postId);
        assertThat(event.get("author").get("handle").asText()).isEqualTo("emma_r");
        assertThat(event.get("language").asText()).isEqualTo("en");
        assertThat(event.get("sentiment").get("label").asText()).isEqualTo("negative");
        assertThat(event.get("sentiment").get("score").asDouble()).isBetween(-1.0, -0.05);
        assertThat(event.get("intent").asText()).isEqualTo("complaint");
        assertThat(event.get("influence").asInt()).isBetween(40, 100);
        // addressed to the brand and asking for an answer: active demand for information
        assertThat(event.get("degree").asInt()).isEqualTo(4);
        assertThat(event.get("customer").get("status").asText()).isEqualTo("PROSPECT");
        assertThat(event.get("actions").isArray()).isTrue();
    }

    @Test
    void aCanonicalEventFromAnotherNetworkIsAcceptedAsIs() throws Exception {
        String postId = nextPostId();
        String canonical = """
                {"platform": "mastodon", "postId": "%s", "author": {"id": "m-1", "handle": "@lea@fosstodon.org",
                 "displayName": "Léa", "followers": 80}, "text": "J'adore le nouveau service de @acme, merci !",
                 "language": "fr", "createdAt": "2026-11-20T10:15:00Z", "hashtags": ["#Acme"]}
                """.formatted(postId);
        String id = json.readTree(post("mastodon", canonical).getBody()).get("id").asText();

        JsonNode event = awaitEvent(id);
        assertThat(event.get("key").asText()).isEqualTo("mastodon:" + postId);
        assertThat(event.get("source").asText()).isEqualTo("mastodon");
        assertThat(event.get("language").asText()).isEqualTo("fr");
        assertThat(event.get("hashtags").get(0).asText()).isEqualTo("acme");
        assertThat(event.get("createdAt").asText()).isEqualTo("2026-11-20T10:15:00Z");
    }

    @Test
    void anEventIsNotFoundUntilItHasBeenEnriched() {
        ResponseEntity<String> missing = viewer().getForEntity("/api/v1/social/events/" + UUID.randomUUID(),
                String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theSamePostSentTwiceIsOneEvent() throws Exception {
        String postId = nextPostId();
        String body = xPost(postId, "u-" + postId, "twice", "Twice", 10, "Where can I buy the Acme X2?");
        String first = json.readTree(post("x", body).getBody()).get("id").asText();
        String second = json.readTree(post("x", body).getBody()).get("id").asText();
        assertThat(second).isEqualTo(first);
        awaitEvent(first);
        awaitIdle();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM social_event WHERE event_key = ?", Long.class,
                "x:" + postId)).isEqualTo(1);
    }

    @Test
    void aRepostCollapsesIntoThePostItPassesOn() throws Exception {
        String original = nextPostId();
        String originalId = json.readTree(post("x", xPost(original, "u-" + original, "maker", "Maker", 5000,
                "Acme's new blender is brilliant")).getBody()).get("id").asText();
        awaitEvent(originalId);
        String repost = nextPostId();
        String repostBody = """
                {"data": {"id": "%s", "text": "RT @maker: Acme's new blender is brilliant", "author_id": "u-%s",
                  "created_at": "2026-11-24T10:16:00.000Z", "conversation_id": "%s",
                  "referenced_tweets": [{"type": "retweeted", "id": "%s"}]},
                 "includes": {"users": [{"id": "u-%s", "username": "fan%s", "name": "Fan"}]}}
                """.formatted(repost, repost, repost, original, repost, repost.substring(repost.length() - 6));
        String repostId = json.readTree(post("x", repostBody).getBody()).get("id").asText();

        assertThat(awaitEvent(repostId).get("collapsedInto").asText()).isEqualTo(originalId);
        assertThat(awaitEvent(originalId).get("collapsedInto").isNull()).isTrue();
    }

    @Test
    void anAuthorWhoseHandleACustomerRecordDeclaresIsLinkedToThatCustomer() throws Exception {
        String source = uniqueSource("social-crm");
        String handle = "h" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        importCsv(source, "source_id,given_name,family_name,email,social_handle\n"
                + "1,Nora,Lindqvist,nora.l@example.com,@" + handle + "\n");
        awaitIdle();
        String customerId = jdbc.queryForObject("SELECT customer_id FROM customer_record WHERE record_key = ?",
                String.class, source + ":1");

        String postId = nextPostId();
        String id = json.readTree(post("x", xPost(postId, "u-" + postId, handle, "Nora L", 300,
                "@acme thanks for the quick help today!")).getBody()).get("id").asText();

        JsonNode customer = awaitEvent(id).get("customer");
        assertThat(customer.get("status").asText()).isEqualTo("LINKED");
        assertThat(customer.get("customerId").asText()).isEqualTo(customerId);
        assertThat(customer.get("method").asText()).isEqualTo("DECLARED");
        assertThat(customer.get("confidence").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anAuthorWhoseProfileNamesACustomerIsProposedAndAStewardDecides() throws Exception {
        String source = uniqueSource("social-erp");
        String family = "Strandqvist" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        importCsv(source, "source_id,given_name,family_name,email\n1,Birgitta," + family + ",b@example.com\n");
        awaitIdle();
        String customerId = jdbc.queryForObject("SELECT customer_id FROM customer_record WHERE record_key = ?",
                String.class, source + ":1");

        // same name, a handle that only holds the family name: likely, not certain
        String postId = nextPostId();
        String id = json.readTree(post("x", xPost(postId, "u-" + postId, "b" + family.toLowerCase(),
                "Birgitta " + family, 50, "Is the Acme store in Malmö open on Sundays?")).getBody()).get("id").asText();
        awaitEvent(id);
        String authorKey = "x:u-" + postId;
        JsonNode proposed = await().atMost(Duration.ofSeconds(30)).until(() -> author(authorKey),
                author -> "PROPOSED".equals(author.path("status").asText()));
        assertThat(proposed.get("customerId").asText()).isEqualTo(customerId);
        assertThat(proposed.get("method").asText()).isEqualTo("PROFILE");
        assertThat(proposed.get("confidence").asDouble()).isBetween(0.7, 0.92);

        ResponseEntity<String> confirmed = admin().postForEntity("/api/v1/social/authors/" + authorKey + "/link",
                json(json.createObjectNode().put("customerId", customerId).put("note", "same person, checked")),
                String.class);
        assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode linked = author(authorKey);
        assertThat(linked.get("status").asText()).isEqualTo("LINKED");
        assertThat(linked.get("method").asText()).isEqualTo("STEWARD");
        assertThat(linked.get("reviewedBy").asText()).isEqualTo(ADMIN);

        // the author's next post carries the steward's link
        String next = nextPostId();
        String nextId = json.readTree(post("x", xPost(next, "u-" + postId, "b" + family.toLowerCase(),
                "Birgitta " + family, 50, "Thanks, found it!")).getBody()).get("id").asText();
        assertThat(awaitEvent(nextId).get("customer").get("customerId").asText()).isEqualTo(customerId);

        assertThat(admin().postForEntity("/api/v1/social/authors/" + authorKey + "/reject", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(author(authorKey).get("status").asText()).isEqualTo("PROSPECT");
        assertThat(viewer().postForEntity("/api/v1/social/authors/" + authorKey + "/reject", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode author(String authorKey) throws Exception {
        for (JsonNode author : json.readTree(viewer().getForObject("/api/v1/social/authors?limit=10000",
                String.class))) {
            if (authorKey.equals(author.get("authorKey").asText())) {
                return author;
            }
        }
        return json.createObjectNode();
    }

    private HttpEntity<String> json(JsonNode body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body.toString(), headers);
    }

    @Test
    void handlesDeclaredByRecordsStoredBeforeTheIndexExistedAreIndexedOnce() {
        String source = uniqueSource("social-old");
        importCsv(source, "source_id,given_name,family_name,social_handle\n1,Old,Timer,x:@old_timer_1\n");
        awaitIdle();
        // as after an upgrade: the record is stored, its handle not indexed
        jdbc.update("DELETE FROM customer_social_handle WHERE record_key = ?", source + ":1");
        jdbc.update("DELETE FROM connector_watermark WHERE feed = 'customer-social-handle-backfill'");

        backfill.run(null);
        backfill.run(null);

        assertThat(jdbc.queryForList("SELECT network || ':' || handle FROM customer_social_handle"
                + " WHERE record_key = ?", String.class, source + ":1")).containsExactly("x:old_timer_1");
    }

    @Test
    void healthShowsTheRulesInForceAndWhatEachXSourceIsDoing() throws Exception {
        JsonNode social = json.readTree(viewer().getForObject("/actuator/health/social", String.class));
        assertThat(social.get("status").asText()).isEqualTo("UP");
        assertThat(social.at("/details/rules/version").asLong()).isPositive();
        JsonNode search = social.at("/details/sources").get(io.rapport.connector.x.XRoutes.ROUTE_RECENT_SEARCH);
        assertThat(search).as("the recent-search poller against the embedded X").isNotNull();
        assertThat(search.get("state").asText()).isNotEqualTo("STOPPED");
    }

    @Test
    void malformedJsonIsRefusedWithWhereItBroke() throws Exception {
        ResponseEntity<String> response = post("x", "{\"data\": {\"id\": \"1\",\n \"text\": }");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(response.getBody()).get("detail").asText()).contains("not well-formed JSON")
                .contains("line 2");
    }

    @Test
    void invalidUtf8IsRefusedWithTheByteOffset() throws Exception {
        byte[] good = "{\"data\": {\"id\": \"1\", \"text\": \"caf".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[good.length + 3];
        System.arraycopy(good, 0, body, 0, good.length);
        body[good.length] = (byte) 0xC3;   // a lead byte with no continuation
        body[good.length + 1] = '"';
        body[good.length + 2] = '}';
        ResponseEntity<String> response = postBytes("x", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("detail").asText()).contains("not valid UTF-8")
                .contains("byte offset " + good.length);
    }

    @Test
    void anOversizedPayloadIsRefused() throws Exception {
        String text = "a".repeat(70_000);
        ResponseEntity<String> response = post("x", xPost(nextPostId(), "u-big", "big", "Big", 1, text));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(json.readTree(response.getBody()).get("detail").asText()).contains("65536 bytes");
    }

    @Test
    void unknownAndMissingFieldsAreNamedByTheirPath() throws Exception {
        String body = """
                {"data": {"id": "42", "txt": "hello", "author_id": "u-1", "created_at": "2026-11-24T10:16:00.000Z"},
                 "includes": {"users": [{"id": "u-1", "username": "a", "follower_count": 3}]}}
                """;
        ResponseEntity<String> response = post("x", body);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        String detail = json.readTree(response.getBody()).get("detail").asText();
        assertThat(detail).contains("data.txt: unknown field").contains("includes.users[0].follower_count: unknown field");

        ResponseEntity<String> canonical = post("webhook", "{\"postId\": \"1\", \"author\": {\"id\": \"a\"},"
                + " \"createdAt\": \"yesterday\"}");
        assertThat(json.readTree(canonical.getBody()).get("detail").asText()).contains("text: required")
                .contains("createdAt: 'yesterday' is not an ISO-8601 instant");
    }

    @Test
    void aPostThatReachesTheQueueUnreadableIsDeadLetteredAtOnceWithItsReason() throws Exception {
        String key = "broken-" + UUID.randomUUID();
        jms.convertAndSend(Queues.INBOUND_SOCIAL, "{\"data\": {\"id\": \"7\"}}", message -> {
            message.setStringProperty(MessageHeaders.MESSAGE_KEY, key);
            message.setStringProperty(MessageHeaders.SOURCE, "x");
            return message;
        });
        JsonNode[] letter = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode candidate : json.readTree(viewer().getForObject("/api/v1/pipeline/dead-letters/"
                    + Queues.deadLetterQueueOf(Queues.INBOUND_SOCIAL) + "?limit=1000", String.class))) {
                if (key.equals(candidate.path("messageKey").asText())) {
                    letter[0] = candidate;
                    return true;
                }
            }
            return false;
        });
        assertThat(letter[0].get("stage").asText()).isEqualTo("social-enrich");
        assertThat(letter[0].get("reason").asText()).contains("data.text").contains("data.author_id");
    }

    private JsonNode awaitEvent(String id) throws Exception {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            ResponseEntity<String> response = viewer().getForEntity("/api/v1/social/events/" + id, String.class);
            if (response.getStatusCode() == HttpStatus.OK) {
                found[0] = json.readTree(response.getBody());
                return true;
            }
            return false;
        });
        return found[0];
    }

    private ResponseEntity<String> post(String source, String body) {
        return postBytes(source, body.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<String> postBytes(String source, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return admin().postForEntity("/api/v1/social/events?source=" + source, new HttpEntity<>(body, headers),
                String.class);
    }

    private static String nextPostId() {
        return Long.toString(POST_IDS.incrementAndGet());
    }

    private String xPost(String postId, String authorId, String handle, String name, long followers, String text)
            throws Exception {
        return """
                {"data": {"id": "%s", "text": %s, "author_id": "%s", "created_at": "%s", "conversation_id": "%s",
                  "lang": "en", "public_metrics": {"retweet_count": 3, "reply_count": 1, "like_count": 12,
                  "quote_count": 0}, "entities": {"mentions": [{"start": 0, "end": 5, "username": "acme"}]}},
                 "includes": {"users": [{"id": "%s", "username": "%s", "name": "%s", "verified": false,
                  "public_metrics": {"followers_count": %d, "following_count": 10, "tweet_count": 100,
                  "listed_count": 1}}]}}
                """.formatted(postId, json.writeValueAsString(text), authorId, Instant.now().toString(), postId,
                authorId, handle, name, followers);
    }
}
