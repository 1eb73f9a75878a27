package io.rapport.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.HubIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The fuzz harnesses' customer inputs through the whole running hub (Tomcat, security, broker, resolve stage,
 * database): a few hundred CSV files and JSON records, then, once the pipeline is idle, every accepted row and record
 * must be stored or on the dead-letter queue, nothing stored twice, and nothing answered 5xx. The 10,000-input runs
 * per path are the {@code *FuzzTest} harnesses on the components (docs/fuzzing.md).
 *
 * <p>The hub is shared with the other integration tests, so the inputs keep out of their way: names, emails and
 * phones of the generators' valid seeds are made unique to this run (identity resolution would otherwise merge them
 * with other tests' customers), and social posts are left out (they would fire the social rules' actions and move
 * the listen/talk counts other tests rely on).
 */
class IntakeFuzzIT extends HubIntegrationTest {

    private static final int INPUTS = Integer.getInteger("rapport.fuzz.e2e-inputs", 300);

    @Autowired
    ObjectMapper json;

    private final Map<String, Long> outcomes = new LinkedHashMap<>();

    @Test
    void everyInputIsStoredRejectedWithAReasonOrDeadLettered() throws Exception {
        String recordSource = uniqueSource("fzrec");
        List<byte[]> csvFiles = samples(FuzzInputs.csvFiles());
        List<byte[]> records = samples(FuzzInputs.recordBodies());

        Map<String, Long> csvAccepted = new HashMap<>(); // source -> rows accepted
        Map<String, String> csvImports = new HashMap<>(); // source -> import id
        for (byte[] file : csvFiles) {
            String source = uniqueSource("fzcsv");
            ResponseEntity<String> answer = post("/api/v1/customers/import?source=" + source, "text/csv", file);
            if (accepted(answer, 200, file)) {
                JsonNode report = json.readTree(answer.getBody());
                assertThat(report.get("rows").asLong()).as("rows accounted for")
                        .isEqualTo(report.get("accepted").asLong() + report.get("rejected").asLong());
                csvAccepted.put(source, report.get("accepted").asLong());
                csvImports.put(source, report.get("importId").asText());
            }
        }
        Map<String, String> recordMessages = new HashMap<>(); // source id -> message key of its last accepted post
        for (byte[] body : records) {
            ResponseEntity<String> answer = post("/api/v1/customers/records?source=" + recordSource,
                    MediaType.APPLICATION_JSON_VALUE, body);
            if (accepted(answer, 202, body)) {
                JsonNode accepted = json.readTree(answer.getBody());
                recordMessages.put(accepted.get("recordKey").asText().substring(recordSource.length() + 1),
                        accepted.get("messageKey").asText());
            }
        }
        awaitIdle();
        Set<String> customerDeadLetters = deadLetterKeys("dlq.inbound.customer");
        // CSV: each file's accepted rows are stored, or dead-lettered under the file's import id
        for (Map.Entry<String, Long> file : csvAccepted.entrySet()) {
            String importId = csvImports.get(file.getKey());
            long deadLettered = customerDeadLetters.stream().filter(key -> key.startsWith(importId + ":")).count();
            assertThat(storedRecords(file.getKey()) + deadLettered).as("rows of import %s", importId)
                    .isEqualTo(file.getValue());
            count(deadLettered > 0 ? "csvDeadLettered" : "csvStored", 1);
        }
        // JSON records: each accepted source id is stored, or its message dead-lettered; nothing else is stored
        Set<String> stored = new HashSet<>(jdbc.queryForList("SELECT source_id FROM source_record WHERE source = ?",
                String.class, recordSource));
        assertThat(storedRecords(recordSource)).as("no record stored twice").isEqualTo(stored.size());
        assertThat(recordMessages.keySet()).as("nothing stored that was not accepted").containsAll(stored);
        for (Map.Entry<String, String> record : recordMessages.entrySet()) {
            boolean kept = stored.contains(record.getKey());
            assertThat(kept || customerDeadLetters.contains(record.getValue()))
                    .as("record %s stored or dead-lettered", record.getKey()).isTrue();
            count(kept ? "recordsStored" : "recordsDeadLettered", 1);
        }
        System.out.println("FUZZ path=hub-end-to-end inputs=" + (csvFiles.size() + records.size()) + " "
                + outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
    }

    /** 2xx as the path answers success, or a 4xx problem+json with a reason; a 5xx fails with the input shown. */
    private boolean accepted(ResponseEntity<String> answer, int success, byte[] input) throws Exception {
        int status = answer.getStatusCode().value();
        String shown = new String(input, StandardCharsets.UTF_8);
        shown = shown.length() > 500 ? shown.substring(0, 500) + "..." : shown;
        if (status == success) {
            count("accepted", 1);
            return true;
        }
        assertThat(status).as("HTTP status for input %s: %s", shown, answer.getBody()).isBetween(400, 499);
        assertThat(answer.getHeaders().getContentType()).as("refusal of %s", shown)
                .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(answer.getBody()).path("detail").asText("")).as("reason for %s", shown).isNotBlank();
        count("rejected", 1);
        return false;
    }

    private ResponseEntity<String> post(String path, String contentType, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return admin().postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    private Set<String> deadLetterKeys(String queue) throws Exception {
        JsonNode letters = json.readTree(admin().getForObject("/api/v1/pipeline/dead-letters/" + queue + "?limit=10000",
                String.class));
        Set<String> keys = new HashSet<>();
        letters.forEach(letter -> keys.add(letter.path("messageKey").asText()));
        return keys;
    }

    private void count(String what, long n) {
        outcomes.merge(what, n, Long::sum);
    }

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private static List<byte[]> samples(Arbitrary<byte[]> inputs) {
        return new ArrayList<>(inputs.sampleStream().limit(INPUTS).map(IntakeFuzzIT::disguise).toList());
    }

    /** The seeds' people, made unique to this run; byte for byte otherwise (Latin-1 maps each byte to one char). */
    private static byte[] disguise(byte[] input) {
        String text = new String(input, StandardCharsets.ISO_8859_1);
        for (String name : List.of("Anna", "Berg", "Bob", "Builder", "Carl", "Dahl", "Ek")) {
            text = text.replace(name, name + "q" + RUN);
        }
        text = text.replace("example.com", RUN + ".fuzz.invalid").replace("22 00 00 00", "9" + Math.floorMod(RUN.hashCode(), 10_000_000));
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
