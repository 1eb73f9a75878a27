package io.rapport.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.rapport.app.broker.Queues;
import io.rapport.app.fuzz.Backbone;
import io.rapport.app.ingest.CustomerRecordIntake;
import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.core.ingest.ImportLimits;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** Inputs of {@code POST /api/v1/customers/records} the fuzzer found, kept as examples. */
class CustomerRecordsApiTest {

    private static final Backbone BACKBONE = Backbone.get();
    private static final MockMvc API = Problems.mvc(new CustomerController(new CustomerRecordIntake(
            new InboundCustomerGateway(BACKBONE.connectionFactory(), BACKBONE.json()),
            ImportLimits.DEFAULT_MAX_FIELD_CHARS), null), BACKBONE.json());

    /** The id went unchecked into the message's headers, which the broker caps: the API answered 503. */
    @Test
    void aSourceIdLongerThanAnyFieldMayBeIsRefusedWithItsLengthAndQueuesNothing() throws Exception {
        byte[] body = ("{\"source_id\": \"" + "7".repeat(300_000) + "\", \"given_name\": \"Anna\"}")
                .getBytes(StandardCharsets.UTF_8);

        MockHttpServletResponse response = API.perform(post("/api/v1/customers/records").param("source", "crm")
                .contentType("application/json").content(body)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("source_id is 300000 characters long; the limit is " + ImportLimits.DEFAULT_MAX_FIELD_CHARS);
        assertThat(BACKBONE.depth(Queues.INBOUND_CUSTOMER)).isZero();
    }

    /** PostgreSQL stores an unpaired surrogate as '?': the record would be kept under another id than its answer named. */
    @Test
    void anIdOrValueThatIsNotTextIsRefusedWithWhereItIsAndQueuesNothing() throws Exception {
        for (String body : new String[] {"{\"source_id\": \"a\\ud800\"}", "{\"source_id\": \"W-1\", \"email\": \"x\\u0000y\"}"}) {
            MockHttpServletResponse response = API.perform(post("/api/v1/customers/records").param("source", "crm")
                    .contentType("application/json").content(body)).andReturn().getResponse();

            assertThat(response.getStatus()).as(body).isEqualTo(400);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(body).contains("at character 2");
        }
        String paired = "{\"source_id\": \"W-\\ud83d\\ude00\", \"given_name\": \"Anna\"}";
        assertThat(API.perform(post("/api/v1/customers/records").param("source", "crm").contentType("application/json")
                .content(paired)).andReturn().getResponse().getStatus()).as("an emoji is text").isEqualTo(202);
        BACKBONE.purge(Queues.INBOUND_CUSTOMER);
    }
}
