package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class CustomerImportApiIT extends HubIntegrationTest {

    @Autowired
    ObjectMapper json;

    @Test
    void acceptedRowsAreStoredAndMalformedOnesReportedWithRowNumbers() throws Exception {
        String source = uniqueSource("crm");
        ResponseEntity<String> response = importCsv(source, """
                source_id,given_name,family_name,email,loyalty_tier
                c-1,Anna,Berg,anna@example.com,gold
                c-2,"Bob
                c-3,Carl,Dahl,carl@example.com,
                ,Nobody,Here,none@example.com,
                c-1,Anna,Again,anna2@example.com,
                c-4,"Eve ""the"" Great",Ek,eve@example.com,silver
                """);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode report = json.readTree(response.getBody());
        assertThat(report.get("rows").asLong()).isEqualTo(6);
        assertThat(report.get("accepted").asLong()).isEqualTo(3);
        assertThat(report.get("rejected").asLong()).isEqualTo(3);
        assertThat(report.get("rejections").findValuesAsText("row")).containsExactly("2", "4", "5");
        assertThat(report.get("rejections").get(0).get("reason").asText()).contains("never closed");
        assertThat(report.get("rejections").get(1).get("reason").asText()).contains("source_id is missing");
        assertThat(report.get("rejections").get(2).get("reason").asText()).contains("already used by row 1");

        awaitIdle();
        assertThat(storedRecords(source)).isEqualTo(3);
        String eve = jdbc.queryForObject("SELECT fields_json FROM source_record WHERE source = ? AND source_id = ?",
                String.class, source, "c-4");
        assertThat(json.readValue(eve, Map.class)).containsEntry("given_name", "Eve \"the\" Great")
                .containsEntry("loyalty_tier", "silver");

        JsonNode ledger = json.readTree(viewer().getForObject("/api/v1/customers/imports/" + report.get("importId").asText(),
                String.class));
        assertThat(ledger.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(ledger.get("rejections")).hasSize(3);
    }

    @Test
    void reimportingAFileUpdatesRecordsInsteadOfDuplicatingThem() {
        String source = uniqueSource("erp");
        importCsv(source, "source_id,email\n1,old@example.com\n2,two@example.com\n");
        awaitIdle();
        importCsv(source, "source_id,email\n1,new@example.com\n2,two@example.com\n3,three@example.com\n");
        awaitIdle();

        assertThat(storedRecords(source)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT fields_json FROM source_record WHERE source = ? AND source_id = '1'",
                String.class, source)).contains("new@example.com");
    }

    @Test
    void unreadableFilesAndBadRequestsAreProblemDetails() throws Exception {
        ResponseEntity<String> noSourceId = importCsv(uniqueSource("x"), "given_name,email\nAnna,a@example.com\n");
        assertProblem(noSourceId, HttpStatus.BAD_REQUEST, "no 'source_id' column");

        ResponseEntity<String> badSource = importCsv("../etc", "source_id\n1\n");
        assertProblem(badSource, HttpStatus.BAD_REQUEST, "source name");

        HttpHeaders jsonBody = new HttpHeaders();
        jsonBody.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> wrongType = admin().postForEntity("/api/v1/customers/import?source=crm",
                new HttpEntity<>("{}", jsonBody), String.class);
        assertProblem(wrongType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "");

        HttpHeaders latin1 = new HttpHeaders();
        latin1.setContentType(MediaType.parseMediaType("text/csv;charset=ISO-8859-1"));
        ResponseEntity<String> wrongCharset = admin().postForEntity("/api/v1/customers/import?source=crm",
                new HttpEntity<>("source_id\n1\n", latin1), String.class);
        assertProblem(wrongCharset, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "the import contract is UTF-8");

        ResponseEntity<String> unknownImport = viewer().getForEntity("/api/v1/customers/imports/nope", String.class);
        assertProblem(unknownImport, HttpStatus.NOT_FOUND, "no import with id nope");
    }

    @Test
    void importNeedsAnOperatorAccount() throws Exception {
        HttpHeaders csv = new HttpHeaders();
        csv.setContentType(MediaType.parseMediaType("text/csv"));
        HttpEntity<String> body = new HttpEntity<>("source_id\n1\n", csv);

        ResponseEntity<String> anonymous = http.postForEntity("/api/v1/customers/import?source=crm", body, String.class);
        assertProblem(anonymous, HttpStatus.UNAUTHORIZED, "credentials");
        ResponseEntity<String> viewer = viewer().postForEntity("/api/v1/customers/import?source=crm", body, String.class);
        assertProblem(viewer, HttpStatus.FORBIDDEN, "operator role");
        assertThat(http.getForEntity("/api/v1/pipeline/status", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private void assertProblem(ResponseEntity<String> response, HttpStatus status, String detail) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).satisfies(
                type -> assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)).isTrue());
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(status.value());
        assertThat(problem.get("detail").asText()).contains(detail);
    }
}
