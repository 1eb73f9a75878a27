package io.rapport.app.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import io.rapport.app.fuzz.Backbone;
import io.rapport.app.fuzz.FuzzPath;
import io.rapport.app.fuzz.FuzzReport;
import io.rapport.app.fuzz.FuzzTally;
import io.rapport.app.fuzz.Outcome;
import io.rapport.app.social.SocialEventIntake;
import io.rapport.app.social.SocialInboundGateway;
import io.rapport.app.social.SocialPayloadReader;
import jakarta.jms.TextMessage;
import java.time.Clock;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Fuzzes the social webhook, {@code POST /api/v1/social/events}: the real controller, {@link SocialEventIntake} and
 * {@link SocialPayloadReader} onto a real broker. A 202 must leave exactly one message on {@code inbound.social}; that
 * message is then read as the {@code social-enrich} stage reads it (same reader, body and source header), which either
 * yields a post (ACCEPTED) or marks it unprocessable, which the stage dead-letters (DEAD_LETTERED). Anything else is
 * a problem+json 4xx with nothing queued.
 */
@AddLifecycleHook(FuzzReport.class)
class SocialEventsFuzzTest {

    private static final Backbone BACKBONE = Backbone.get();
    private static final SocialPayloadReader READER = new SocialPayloadReader(BACKBONE.json(), 25_000);
    private static final MockMvc API = Problems.mvc(new SocialEventController(new SocialEventIntake(READER,
            new SocialInboundGateway(BACKBONE.connectionFactory()), 65_536, Clock.systemUTC()), null),
            BACKBONE.json());
    private static final JmsTemplate QUEUE = queue();

    @Property(tries = 10_000)
    @FuzzPath("social-webhook")
    void everyPostIsQueuedAndReadableOrRefusedWithAReason(@ForAll("bodies") byte[] body,
                                                           @ForAll("sources") String source) {
        FuzzTally tally = FuzzTally.current();
        tally.attempt(() -> send(source, body));
    }

    private static Outcome send(String source, byte[] body) throws Exception {
        CsvImportFuzzTest.check(BACKBONE.depth(Queues.INBOUND_SOCIAL) == 0, "messages queued after their input was answered");
        try {
            return answer(source, body);
        } finally {
            BACKBONE.purge(Queues.INBOUND_SOCIAL);
        }
    }

    private static Outcome answer(String source, byte[] body) throws Exception {
        MockHttpServletResponse response = API.perform(post("/api/v1/social/events").param("source", source)
                .contentType("application/json").content(body)).andReturn().getResponse();
        if (response.getStatus() != 202) {
            Outcome refused = Problems.rejected(response, BACKBONE.json());
            long queued = BACKBONE.depth(Queues.INBOUND_SOCIAL);
            CsvImportFuzzTest.check(queued == 0, "a refused post queued " + queued + " messages");
            return refused;
        }
        long queued = BACKBONE.awaitDepth(Queues.INBOUND_SOCIAL, 1);
        CsvImportFuzzTest.check(queued == 1, "an accepted post queued " + queued + " messages (lost or duplicated)");
        TextMessage message = (TextMessage) QUEUE.receive(Queues.INBOUND_SOCIAL);
        CsvImportFuzzTest.check(message != null, "the accepted post is not on the queue");
        String queuedSource = message.getStringProperty(MessageHeaders.SOURCE);
        try {
            // what SocialEnrichStage does with it
            READER.read(queuedSource == null ? "unknown" : queuedSource, message.getText(), null);
            return Outcome.ACCEPTED;
        } catch (IllegalArgumentException unreadable) {
            return Outcome.DEAD_LETTERED;
        }
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        return FuzzInputs.socialBodies();
    }

    @Provide
    Arbitrary<String> sources() {
        return FuzzInputs.socialSources();
    }

    private static JmsTemplate queue() {
        JmsTemplate template = new JmsTemplate(BACKBONE.connectionFactory());
        template.setReceiveTimeout(1_000);
        return template;
    }
}
