package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.internal.streaming.SubscriptionHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Camel Salesforce component's {@code salesforce:subscribe:} consumer (CometD long-polling, replay
 * extension, re-login and re-handshake) receives the sandbox's Change Data Capture events unchanged.
 */
class CamelStreamingAgainstSandboxTest {

    /** A received event: the headers the component sets and the body it makes of the payload. */
    private record Received(Map<String, Object> headers, Object body) {
        long replayId() {
            return ((Number) headers.get("CamelSalesforceReplayId")).longValue();
        }
    }

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private SalesforceSandbox sandbox;
    private SalesforceComponent salesforce;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        forgetReplayIds();
        sandbox = startSandbox(Duration.ofSeconds(1));
        SalesforceSandbox.Config config = SalesforceSandbox.Config.defaults();
        salesforce = new SalesforceComponent();
        salesforce.setLoginUrl(sandbox.baseUrl());
        salesforce.setClientId(config.clientId());
        salesforce.setClientSecret(config.clientSecret());
        salesforce.setUserName(config.username());
        salesforce.setPassword(config.password());
        // consumers refuse lazy login ("Lazy login is not supported by salesforce consumers")
        salesforce.setLazyLogin(false);
        camel = new DefaultCamelContext();
        camel.addComponent("salesforce", salesforce);
    }

    private SalesforceSandbox startSandbox(Duration longPoll) throws Exception {
        return SalesforceSandbox.start(SalesforceSandbox.Config.defaults().withStreamingTimeout(longPoll), 0, clock);
    }

    /** Before anything is subscribed: long polls answered after 30 s (unless events come) instead of 1 s. */
    private void useLongPolls() throws Exception {
        sandbox.close();
        sandbox = startSandbox(Duration.ofSeconds(30));
        salesforce.setLoginUrl(sandbox.baseUrl());
    }

    @AfterEach
    void stop() {
        camel.stop();
        sandbox.close();
    }

    @Test
    void aRecordWrittenArrivesWithTheChangeEventHeadersAndStreamingCostsNoApiCall() throws Exception {
        subscribe("salesforce:subscribe:/data/ChangeEvents?rawPayload=false&replayId=-1");

        String created = camel.createProducerTemplate().requestBodyAndHeader(
                "salesforce:createSObject?sObjectName=Account&rawPayload=true", "{\"Name\":\"Acme\"}",
                "Sforce-Call-Options", "client=rapport-sync", String.class);
        String restId = ApiClient.JSON.readTree(created).get("id").asText();
        String javaId = sandbox.insert("Contact", Map.of("LastName", "Berg"));
        await(() -> received.size() == 2);

        Received rest = received.get(0);
        assertThat(rest.headers()).containsEntry("CamelSalesforceChangeType", "CREATE")
                .containsEntry("CamelSalesforceEntityName", "Account")
                .containsEntry("CamelSalesforceRecordIds", List.of(restId))
                .containsEntry("CamelSalesforceChannel", "/data/ChangeEvents");
        assertThat((String) rest.headers().get("CamelSalesforceChangeOrigin")).contains("client=rapport-sync");
        assertThat(rest.replayId()).isEqualTo(1);
        assertThat(rest.body()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) rest.body()).get("Name")).isEqualTo("Acme");
        Received java = received.get(1);
        assertThat(java.headers()).containsEntry("CamelSalesforceEntityName", "Contact")
                .containsEntry("CamelSalesforceRecordIds", List.of(javaId));
        assertThat(java.replayId()).isEqualTo(2);

        assertThat(sandbox.apiCalls()).as("the create only").isEqualTo(1);
        assertThat(sandbox.requestCounts().get("cometd")).isGreaterThanOrEqualTo(3);
        // stopping the route is not enough (see warmUpAndSubscribe): stopping the component disconnects the client
        camel.stop();
        await(() -> sandbox.subscriberCount() == 0);
    }

    @Test
    void replayFromAnIdDeliversExactlyTheLaterEvents() throws Exception {
        List<String> ids = insertContacts(5);

        subscribe("salesforce:subscribe:/data/ContactChangeEvent?replayId=3");
        await(() -> received.size() == 2);
        ids.add(sandbox.insert("Contact", Map.of("LastName", "After")));
        await(() -> received.size() == 3);

        assertThat(received).extracting(Received::replayId).containsExactly(4L, 5L, 6L);
        assertThat(received).extracting(r -> r.headers().get("CamelSalesforceRecordIds"))
                .containsExactly(List.of(ids.get(3)), List.of(ids.get(4)), List.of(ids.get(5)));
    }

    @Test
    void replayMinusTwoDeliversEveryRetainedEvent() throws Exception {
        insertContacts(3);
        sandbox.insert("Account", Map.of("Name", "Acme"));

        subscribe("salesforce:subscribe:/data/ChangeEvents?replayId=-2");
        await(() -> received.size() == 4);

        assertThat(received).extracting(Received::replayId).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void anInvalidReplayIdIsRefusedAndTheComponentFallsBackToItsFallBackReplayId() throws Exception {
        useLongPolls();
        insertContacts(2);

        // 42 is unknown: "400::The replayId {42} you provided was invalid..." and the component resubscribes from -2
        warmUpAndSubscribe("salesforce:subscribe:/data/ChangeEvents?replayId=42&fallBackReplayId=-2");
        await(() -> received.size() == 2);

        assertThat(received).extracting(Received::replayId).containsExactly(1L, 2L);
    }

    @Test
    void aRevokedSessionMakesTheComponentLogInAgainAndResumeWithNoEventLost() throws Exception {
        subscribe("salesforce:subscribe:/data/ChangeEvents?replayId=-1");
        insertContacts(1);
        await(() -> received.size() == 1);

        sandbox.expireSessions();
        insertContacts(2);
        await(() -> received.size() == 3);

        assertThat(received).extracting(Received::replayId).containsExactly(1L, 2L, 3L);
        assertThat(sandbox.requestCounts()).containsEntry("oauth2/token", 2L);
        await(() -> sandbox.subscriberCount() == 1);
    }

    @Test
    void aServerRestartMakesTheClientHandshakeAgainAndResumeFromItsLastReplayId() throws Exception {
        subscribe("salesforce:subscribe:/data/ChangeEvents?replayId=-1");
        insertContacts(1);
        await(() -> received.size() == 1);

        sandbox.expireStreamingClients();
        insertContacts(2);
        await(() -> received.size() == 3);

        assertThat(received).extracting(Received::replayId).containsExactly(1L, 2L, 3L);
        assertThat(sandbox.requestCounts()).containsEntry("oauth2/token", 1L);
    }

    @Test
    void aMinuteOfServiceUnavailableIsRiddenOutWithNoEventLost() throws Exception {
        subscribe("salesforce:subscribe:/data/ChangeEvents?replayId=-1");
        insertContacts(1);
        await(() -> received.size() == 1);

        sandbox.failFor(Duration.ofSeconds(60), 503);
        await(() -> sandbox.requestCounts().getOrDefault("injected fault", 0L) >= 1);
        insertContacts(2);
        await(() -> sandbox.requestCounts().getOrDefault("injected fault", 0L) >= 2);
        // the minute passes: the outage ends, and the server has forgotten the client meanwhile
        clock.advance(Duration.ofSeconds(61));
        await(() -> received.size() == 3);

        assertThat(received).extracting(Received::replayId).containsExactly(1L, 2L, 3L);
    }

    @Test
    void gapEventsArriveAsTheirChangeType() throws Exception {
        String id = sandbox.insert("Account", Map.of("Name", "Acme"));
        subscribe("salesforce:subscribe:/data/AccountChangeEvent?replayId=-1");

        sandbox.emitGapEvents("Account", "GAP_UPDATE", id);
        await(() -> received.size() == 1);

        assertThat(received.get(0).headers()).containsEntry("CamelSalesforceChangeType", "GAP_UPDATE")
                .containsEntry("CamelSalesforceRecordIds", List.of(id))
                .containsEntry("CamelSalesforceChannel", "/data/AccountChangeEvent");
        assertThat(received.get(0).replayId()).isEqualTo(2);
    }

    private void subscribe(String uri) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(exchange -> received.add(new Received(new HashMap<>(exchange.getMessage()
                        .getHeaders()), exchange.getMessage().getBody())));
            }
        });
        camel.start();
        await(() -> sandbox.subscriberCount() == 1);
    }

    /**
     * Subscribes once the component's client is connected and idle. The component races itself: a connect reply
     * handled while a subscription is still unconfirmed subscribes the same listener again, which CometD counts as a
     * second subscriber without sending anything. From then on the component's unsubscribe sends nothing (the count
     * stays above zero) and, after a refused subscribe, its fall-back subscribe is counted and never sent. The very
     * first connect reply lands in that window about half the time, so this subscribes a first route to another
     * channel, lets the client settle into a long poll ({@link #useLongPolls()} first, so that no connect reply comes
     * back meanwhile), and only then subscribes the route under test.
     */
    private void warmUpAndSubscribe(String uri) throws Exception {
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("salesforce:subscribe:/data/LeadChangeEvent?replayId=-1").process(exchange -> { });
            }
        });
        camel.start();
        await(() -> sandbox.subscriberCount() == 1);
        Thread.sleep(500);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(exchange -> received.add(new Received(new HashMap<>(exchange.getMessage()
                        .getHeaders()), exchange.getMessage().getBody())));
            }
        });
        await(() -> sandbox.subscriberCount() == 2);
    }

    private List<String> insertContacts(int count) {
        List<String> ids = new CopyOnWriteArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(sandbox.insert("Contact", Map.of("LastName", "C" + i)));
        }
        return ids;
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }

    /**
     * The component keeps the replay ids it has seen in one static map for the whole JVM: a channel's id from an
     * earlier test (another sandbox) would win over this test's {@code replayId}. Forget them.
     */
    private static void forgetReplayIds() throws Exception {
        Field extensionField = SubscriptionHelper.class.getDeclaredField("REPLAY_EXTENSION");
        extensionField.setAccessible(true);
        Object extension = extensionField.get(null);
        Field map = extension.getClass().getDeclaredField("dataMap");
        map.setAccessible(true);
        ((Map<?, ?>) map.get(extension)).clear();
    }
}
