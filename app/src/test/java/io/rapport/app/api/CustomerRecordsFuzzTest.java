package io.rapport.app.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import io.rapport.app.broker.Queues;
import io.rapport.app.fuzz.Backbone;
import io.rapport.app.fuzz.FuzzPath;
import io.rapport.app.fuzz.FuzzReport;
import io.rapport.app.fuzz.FuzzTally;
import io.rapport.app.fuzz.Outcome;
import io.rapport.app.ingest.CustomerRecordIntake;
import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.core.ingest.ImportLimits;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fuzzes {@code POST /api/v1/customers/records}: the real controller and {@link CustomerRecordIntake} onto a real
 * broker. Each body is answered 202 with exactly one message on {@code inbound.customer}, or refused as problem+json
 * 4xx with none.
 */
@AddLifecycleHook(FuzzReport.class)
class CustomerRecordsFuzzTest {

    private static final Backbone BACKBONE = Backbone.get();
    private static final MockMvc API = Problems.mvc(new CustomerController(new CustomerRecordIntake(
            new InboundCustomerGateway(BACKBONE.connectionFactory(), BACKBONE.json()),
            ImportLimits.DEFAULT_MAX_FIELD_CHARS), null), BACKBONE.json());

    @Property(tries = 10_000)
    @FuzzPath("json-records")
    void everyRecordIsQueuedOnceOrRefusedWithAReason(@ForAll("bodies") byte[] body, @ForAll("sources") String source) {
        FuzzTally tally = FuzzTally.current();
        tally.attempt(() -> send(source, body));
    }

    private static Outcome send(String source, byte[] body) throws Exception {
        CsvImportFuzzTest.check(BACKBONE.depth(Queues.INBOUND_CUSTOMER) == 0, "messages queued after their input was answered");
        try {
            return answer(source, body);
        } finally {
            BACKBONE.purge(Queues.INBOUND_CUSTOMER);
        }
    }

    private static Outcome answer(String source, byte[] body) throws Exception {
        MockHttpServletResponse response = API.perform(post("/api/v1/customers/records").param("source", source)
                .contentType("application/json").content(body)).andReturn().getResponse();
        if (response.getStatus() != 202) {
            Outcome refused = Problems.rejected(response, BACKBONE.json());
            long queued = BACKBONE.depth(Queues.INBOUND_CUSTOMER);
            CsvImportFuzzTest.check(queued == 0, "a refused record queued " + queued + " messages");
            return refused;
        }
        JsonNode answer = BACKBONE.json().readTree(response.getContentAsString(StandardCharsets.UTF_8));
        long queued = BACKBONE.awaitDepth(Queues.INBOUND_CUSTOMER, 1);
        CsvImportFuzzTest.check(queued == 1, "an accepted record queued " + queued + " messages (lost or duplicated)");
        CsvImportFuzzTest.check(answer.path("recordKey").asText("").startsWith(source + ":"),
                "no record key in " + answer);
        return Outcome.ACCEPTED;
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return FuzzInputs.recordBodies();
    }

    @Provide
    Arbitrary<String> sources() {
        return FuzzInputs.recordSources();
    }
}
