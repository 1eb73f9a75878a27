package io.rapport.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.app.ingest.CustomerRecordIntake;
import io.rapport.app.resolve.CustomerQueries;
import io.rapport.core.customer.SourceName;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The single customer view of the product brief: records in, customers with lineage, search and the xref out. */
@RestController
class CustomerController {

    private static final int MAX_RESULTS = 1_000;

    private final CustomerRecordIntake intake;
    private final CustomerQueries queries;

    CustomerController(CustomerRecordIntake intake, CustomerQueries queries) {
        this.intake = intake;
        this.queries = queries;
    }

    /** One record, queued durably before the answer; resolved asynchronously (poll the pipeline status). */
    @PostMapping(path = "/api/v1/customers/records", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> record(@RequestParam String source, @RequestBody JsonNode body) {
        CustomerRecordIntake.Accepted accepted = intake.accept(SourceName.of(source), body);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("recordKey", accepted.recordKey(),
                "messageKey", accepted.messageKey(), "status", "/api/v1/pipeline/status"));
    }

    @GetMapping(path = "/api/v1/customers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> customer(@PathVariable String id) {
        return queries.customer(id).orElseThrow(() -> new NotFoundException("no customer with id " + id
                + " (a customer merged into another keeps only the surviving id; GET /api/v1/xref lists them all)"));
    }

    @GetMapping(path = "/api/v1/customers", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> search(@RequestParam String q, @RequestParam(defaultValue = "50") int limit) {
        if (q.isBlank()) {
            throw new IllegalArgumentException("q must name something to search for: a name, email, phone, postcode or id");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_RESULTS);
        }
        List<Map<String, Object>> hits = queries.search(q, limit);
        return Map.of("query", q, "count", hits.size(), "customers", hits);
    }

    /** Every source record and the customer it belongs to, streamed as CSV. */
    @GetMapping(path = "/api/v1/xref", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> xref() {
        StreamingResponseBody body = out -> {
            Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            queries.writeXref(writer);
            writer.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(body);
    }
}
