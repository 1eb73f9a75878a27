package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import java.nio.file.Files;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.core.JmsTemplate;

class DeadLetterIT extends HubIntegrationTest {

    private static final String DLQ = Queues.deadLetterQueueOf(Queues.INBOUND_CUSTOMER);

    @Autowired
    JmsTemplate jms;

    @Autowired
    ObjectMapper json;

    @Test
    void aMessageTheStoreCannotApplyIsDeadLetteredWithItsReasonAndStage() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        String correlationId = "import-x/" + UUID.randomUUID();
        jms.convertAndSend(Queues.INBOUND_CUSTOMER, "{not json", message -> {
            message.setStringProperty(MessageHeaders.MESSAGE_KEY, key);
            message.setStringProperty(MessageHeaders.CORRELATION_ID, correlationId);
            return message;
        });

        JsonNode letter = awaitDeadLetter(key);
        assertThat(letter.get("stage").asText()).isEqualTo("customer-resolve");
        assertThat(letter.get("originalQueue").asText()).isEqualTo(Queues.INBOUND_CUSTOMER);
        assertThat(letter.get("exception").asText()).contains("JsonParseException");
        assertThat(letter.get("reason").asText()).isNotBlank();
        assertThat(letter.get("deadLetteredAt").asText()).isNotBlank();
        assertThat(awaitIdle().stages().get(0).deadLettered()).isPositive();

        // the structured log joins the warning to the input row it concerns
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Files.readAllLines(LOG_FILE))
                .filteredOn(line -> line.contains("dead-lettered message " + key))
                .singleElement()
                .satisfies(line -> {
                    JsonNode entry = json.readTree(line);
                    assertThat(entry.get("correlationId").asText()).isEqualTo(correlationId);
                    assertThat(entry.get("level").asText()).isEqualTo("WARN");
                }));
    }

    @Test
    void replayMovesDeadLettersBackToTheirQueueWhereTheyAreStoredOnce() throws Exception {
        String source = uniqueSource("replay");
        String key = "replayed-" + UUID.randomUUID();
        String row = json.writeValueAsString(java.util.Map.of("importId", "manual", "row", 1, "source", source,
                "sourceId", "r-1", "fields", java.util.Map.of("email", "r@example.com")));
        jms.convertAndSend(DLQ, row, message -> {
            message.setStringProperty(MessageHeaders.MESSAGE_KEY, key);
            message.setStringProperty(MessageHeaders.DEAD_LETTER_REASON, "database was down");
            message.setStringProperty(MessageHeaders.DEAD_LETTER_STAGE, "customer-resolve");
            return message;
        });
        awaitDeadLetter(key);

        ResponseEntity<String> replay = admin().postForEntity("/api/v1/pipeline/dead-letters/" + DLQ + "/replay?limit=10000",
                null, String.class);

        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(replay.getBody()).get("replayed").asInt()).isPositive();
        await().atMost(Duration.ofSeconds(30)).until(() -> storedRecords(source) == 1);
        awaitIdle();
        assertThat(storedRecords(source)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inbound_receipt WHERE message_key = ?", Long.class, key))
                .isEqualTo(1);
    }

    @Test
    void onlyThePipelinesDeadLetterQueuesCanBeReplayed() {
        ResponseEntity<String> response = admin().postForEntity("/api/v1/pipeline/dead-letters/inbound.customer/replay",
                null, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).contains("not a dead-letter queue");
    }

    private JsonNode awaitDeadLetter(String key) throws Exception {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode letters = json.readTree(viewer().getForObject("/api/v1/pipeline/dead-letters/" + DLQ + "?limit=10000",
                    String.class));
            for (JsonNode letter : letters) {
                if (key.equals(letter.path("messageKey").asText())) {
                    found[0] = letter;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
