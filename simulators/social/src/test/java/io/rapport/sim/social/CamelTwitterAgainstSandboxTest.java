package io.rapport.sim.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import twitter4j.v1.DirectMessage;
import twitter4j.v1.Status;

/**
 * The real Camel Twitter component (camel-twitter 4.17.0, Twitter4J 4.1.2), unchanged, polls the sandbox: it is
 * pointed there only by the {@code twitter4j.restBaseURL} system property, as a deployment would do it.
 */
class CamelTwitterAgainstSandboxTest {

    private static final String CREDENTIALS = "consumerKey=rapport-sandbox-consumer-key&consumerSecret=s"
            + "&accessToken=t&accessTokenSecret=ts";

    private SocialSandbox sandbox;
    private CamelContext camel;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        System.setProperty("twitter4j.restBaseURL", sandbox.v1BaseUrl());
        camel = new DefaultCamelContext();
    }

    @AfterEach
    void stop() {
        camel.stop();
        System.clearProperty("twitter4j.restBaseURL");
        sandbox.close();
    }

    @Test
    void searchMentionsAndDirectMessageConsumersPollTheSandbox() throws Exception {
        Post complaint = sandbox.post("emma", "@acme my order is late 😡");
        Post praise = sandbox.post("liam", "acme is great");
        sandbox.directMessage("mia", "Where is my parcel?");
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("twitter-search://acme?" + CREDENTIALS + "&count=10&delay=100").routeId("search")
                        .process(e -> received.add(e.getMessage().getBody(Status.class)));
                from("twitter-timeline://mentions?" + CREDENTIALS + "&delay=100").routeId("mentions")
                        .process(e -> received.add("mention:" + e.getMessage().getBody(Status.class).getId()));
                from("twitter-directmessage://inbox?" + CREDENTIALS + "&delay=100").routeId("dm")
                        .process(e -> received.add(e.getMessage().getBody(DirectMessage.class)));
            }
        });
        camel.start();

        // the three consumers poll on their own schedules: collect until each has delivered (the search consumer may
        // deliver its matches several times meanwhile, see below)
        List<Object> got = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!(got.contains("mention:" + complaint.id()) && got.stream().anyMatch(DirectMessage.class::isInstance)
                && statusIds(got).containsAll(List.of(complaint.id(), praise.id())))) {
            assertThat(System.nanoTime()).as("every consumer delivered within 30 s, got " + got).isLessThan(deadline);
            Object next = received.poll(1, TimeUnit.SECONDS);
            if (next != null) {
                got.add(next);
            }
        }
        assertThat(statusIds(got)).containsOnly(complaint.id(), praise.id());
        assertThat(got).filteredOn(String.class::isInstance).containsExactly("mention:" + complaint.id());
        assertThat(got).filteredOn(DirectMessage.class::isInstance)
                .extracting(m -> ((DirectMessage) m).getText()).containsExactly("Where is my parcel?");

        Post later = sandbox.post("noah", "@acme thanks for the quick fix!");
        List<Object> afterwards = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3000);
        for (Object next; System.nanoTime() < until; ) {
            next = received.poll(100, TimeUnit.MILLISECONDS);
            if (next != null) {
                afterwards.add(next);
            }
        }
        assertThat(afterwards).as("mentions honour since_id: the new post, once")
                .filteredOn(String.class::isInstance).containsExactly("mention:" + later.id());
        assertThat(afterwards).filteredOn(DirectMessage.class::isInstance).as("DMs are filtered by id").isEmpty();
        // camel-twitter 4.17.0's search consumer calls Query.sinceId/count/lang and drops the result (Twitter4J 4.1's
        // Query is immutable), so it never sends since_id: every poll delivers every match again.
        assertThat(afterwards).filteredOn(Status.class::isInstance).extracting(s -> ((Status) s).getId())
                .contains(later.id(), complaint.id(), praise.id());
        assertThat(sandbox.requestCounts()).containsKeys("GET /1.1/search/tweets.json",
                "GET /1.1/statuses/mentions_timeline.json", "GET /1.1/direct_messages/events/list.json");
    }

    private static List<Long> statusIds(List<Object> messages) {
        return messages.stream().filter(Status.class::isInstance).map(s -> ((Status) s).getId()).toList();
    }
}
