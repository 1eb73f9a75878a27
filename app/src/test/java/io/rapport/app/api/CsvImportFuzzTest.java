package io.rapport.app.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rapport.app.RapportProperties;
import io.rapport.app.broker.Queues;
import io.rapport.app.fuzz.Backbone;
import io.rapport.app.fuzz.FuzzPath;
import io.rapport.app.fuzz.FuzzReport;
import io.rapport.app.fuzz.FuzzTally;
import io.rapport.app.fuzz.Outcome;
import io.rapport.app.ingest.CustomerImportService;
import io.rapport.app.ingest.ImportRuns;
import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.core.ingest.ImportLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fuzzes {@code POST /api/v1/customers/import}: the real controller, {@link CustomerImportService}, the streaming CSV
 * reader and the gateway onto a real broker. Every file must be answered 200 with every data row accounted for
 * (rows = accepted + rejected, each rejection with its row, line and reason, exactly the accepted rows on
 * {@code inbound.customer}) or refused as problem+json 4xx with nothing queued.
 */
@AddLifecycleHook(FuzzReport.class)
class CsvImportFuzzTest {

    private static final Backbone BACKBONE = Backbone.get();
    // the production limits, except a small line limit so that over-long lines are cheap to generate
    private static final RapportProperties.Imports SETTINGS = new RapportProperties.Imports(
            ImportLimits.DEFAULT_MAX_FIELD_CHARS, ImportLimits.DEFAULT_MAX_LINE_BYTES,
            ImportLimits.DEFAULT_MAX_RECORD_LINES, 7, 10_000);
    private static final MockMvc API = Problems.mvc(new CustomerImportController(new CustomerImportService(
            new InboundCustomerGateway(BACKBONE.connectionFactory(), BACKBONE.json()),
            new ImportRuns(BACKBONE.jdbc(), BACKBONE.json()), SETTINGS, Clock.systemUTC(), new SimpleMeterRegistry())),
            BACKBONE.json());

    @Property(tries = 10_000)
    @FuzzPath("csv-import")
    void everyFileIsImportedRowByRowOrRefusedWithAReason(@ForAll("files") byte[] file, @ForAll("sources") String source) {
        FuzzTally tally = FuzzTally.current();
        tally.attempt(() -> importFile(tally, source, file));
    }

    private static Outcome importFile(FuzzTally tally, String source, byte[] file) throws Exception {
        // what an earlier input left behind, late, would otherwise be counted for this one
        check(BACKBONE.depth(Queues.INBOUND_CUSTOMER) == 0, "messages queued after their input was answered");
        try {
            return send(tally, source, file);
        } finally {
            BACKBONE.purge(Queues.INBOUND_CUSTOMER);
        }
    }

    private static Outcome send(FuzzTally tally, String source, byte[] file) throws Exception {
        MockHttpServletResponse response = API.perform(post("/api/v1/customers/import").param("source", source)
                .contentType("text/csv").content(file)).andReturn().getResponse();
        if (response.getStatus() != 200) {
            Outcome refused = Problems.rejected(response, BACKBONE.json());
            long queued = BACKBONE.depth(Queues.INBOUND_CUSTOMER);
            check(queued == 0, "a refused file queued " + queued + " rows");
            return refused;
        }
        JsonNode report = BACKBONE.json().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        long rows = report.get("rows").asLong();
        long accepted = report.get("accepted").asLong();
        long queued = BACKBONE.awaitDepth(Queues.INBOUND_CUSTOMER, accepted);
        long rejected = report.get("rejected").asLong();
        check("COMPLETED".equals(report.get("status").asText()), "import not completed: " + report);
        check(rows == accepted + rejected, "rows are not all accounted for: " + report);
        check(queued == accepted, accepted + " rows accepted but " + queued + " queued (lost or duplicated)");
        check(report.get("rejections").size() == rejected, "rejections not all listed: " + report);
        for (JsonNode rejection : report.get("rejections")) {
            check(rejection.get("row").asLong() >= 1 && rejection.get("row").asLong() <= rows
                    && rejection.get("line").asLong() >= 2 && !rejection.path("reason").asText("").isBlank(),
                    "a rejection without row, line or reason: " + rejection);
        }
        tally.count("rowsAccepted", accepted);
        tally.count("rowsRejected", rejected);
        return Outcome.ACCEPTED;
    }

    static void check(boolean holds, String problem) {
        if (!holds) {
            throw new AssertionError(problem);
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        return FuzzInputs.csvFiles();
    }

    @Provide
    Arbitrary<String> sources() {
        return FuzzInputs.csvSources();
    }

}
