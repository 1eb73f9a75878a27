package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Streaming API's Bayeux messages as a plain HTTP client sees them: shapes, replay, errors, timeouts. */
class StreamingApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-03-15T12:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private SalesforceSandbox sandbox;
    private ApiClient api;
    private int messageId;

    @BeforeEach
    void start() throws Exception {
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults()
                .withStreamingTimeout(Duration.ofMillis(400)), 0, clock);
        api = new ApiClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aSubscriberReceivesChangeEventsInTheLongPollAndStreamingIsNoApiCall() throws Exception {
        JsonNode handshake = send(message("/meta/handshake", null, "\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"],\"ext\":{\"replay\":true}")).get(0);
        assertThat(handshake.get("successful").asBoolean()).isTrue();
        assertThat(handshake.get("version").asText()).isEqualTo("1.0");
        assertThat(handshake.get("supportedConnectionTypes").toString()).isEqualTo("[\"long-polling\"]");
        assertThat(handshake.get("advice").toString()).isEqualTo("{\"reconnect\":\"retry\",\"interval\":0,"
                + "\"timeout\":400}");
        assertThat(handshake.get("ext").get("replay").asBoolean()).isTrue();
        assertThat(handshake.get("ext").get("payload.format").asBoolean()).isTrue();
        String client = handshake.get("clientId").asText();
        assertThat(client).matches("[a-z0-9]{27}");

        assertThat(send(connect(client, 0)).get(0).get("successful").asBoolean()).isTrue();
        JsonNode subscribed = send(subscribe(client, "/data/ChangeEvents", -1)).get(0);
        assertThat(subscribed.get("successful").asBoolean()).isTrue();
        assertThat(subscribed.get("subscription").asText()).isEqualTo("/data/ChangeEvents");
        assertThat(sandbox.subscriberCount()).isEqualTo(1);

        CompletableFuture<JsonNode> poll = sendAsync(connect(client, -1));
        Thread.sleep(100);
        assertThat(poll).isNotDone();
        String id = api.create("Account", "{\"Name\":\"Acme\"}");

        JsonNode reply = poll.get(5, TimeUnit.SECONDS);
        assertThat(reply).hasSize(2);
        JsonNode event = reply.get(0);
        assertThat(event.get("channel").asText()).isEqualTo("/data/ChangeEvents");
        assertThat(event.get("data").get("event").get("replayId").asLong()).isEqualTo(1);
        assertThat(event.get("data").get("schema").asText()).isNotEmpty();
        JsonNode header = event.get("data").get("payload").get("ChangeEventHeader");
        assertThat(header.get("changeType").asText()).isEqualTo("CREATE");
        assertThat(header.get("recordIds").get(0).asText()).isEqualTo(id);
        assertThat(event.get("data").get("payload").get("Name").asText()).isEqualTo("Acme");
        assertThat(reply.get(1).get("channel").asText()).isEqualTo("/meta/connect");
        assertThat(reply.get(1).get("successful").asBoolean()).isTrue();

        // only the REST create was an API call; the streaming requests were counted apart
        assertThat(sandbox.apiCalls()).isEqualTo(1);
        assertThat(sandbox.remainingApiRequests()).isEqualTo(14_999);
        assertThat(sandbox.requestCounts()).containsEntry("cometd", 4L);
    }

    @Test
    void aMutedSubscriptionHearsNothingMoreWhileAClientThatHandshakesAgainReplaysWhatItMissed() throws Exception {
        String client = handshake();
        send(subscribe(client, "/data/ChangeEvents", -1));
        sandbox.insert("Account", Map.of("Name", "Heard"));
        assertThat(replayIds(send(connect(client, 0)))).containsExactly(1L);

        sandbox.muteStreamingSubscriptions();
        sandbox.insert("Account", Map.of("Name", "Missed"));

        JsonNode muted = send(connect(client, 0));
        assertThat(replayIds(muted)).isEmpty();
        assertThat(muted.get(0).get("successful").asBoolean()).as("nothing tells the client").isTrue();
        String again = handshake();
        send(subscribe(again, "/data/ChangeEvents", 1));
        assertThat(replayIds(send(connect(again, 0)))).containsExactly(2L);
    }

    @Test
    void aConnectWithNothingToSayIsHeldForTheTimeoutThenAnswered() throws Exception {
        String client = handshake();
        send(subscribe(client, "/data/AccountChangeEvent", -1));

        long started = System.nanoTime();
        JsonNode reply = send(connect(client, -1));
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(waited).isBetween(350L, 3_000L);
        assertThat(reply).hasSize(1);
        assertThat(reply.get(0).get("successful").asBoolean()).isTrue();
        assertThat(reply.get(0).get("advice").get("reconnect").asText()).isEqualTo("retry");
    }

    @Test
    void replayIdsPickTheStartingPointAndAnUnknownOneIsRefusedAsSalesforceDoes() throws Exception {
        for (int i = 1; i <= 4; i++) {
            sandbox.insert(i % 2 == 0 ? "Contact" : "Account", i % 2 == 0 ? Map.of("LastName", "C" + i)
                    : Map.of("Name", "A" + i));
        }
        String client = handshake();

        assertThat(send(subscribe(client, "/data/ChangeEvents", 2)).get(0).get("successful").asBoolean()).isTrue();
        assertThat(replayIds(send(connect(client, 0)))).containsExactly(3L, 4L);

        String all = handshake();
        send(subscribe(all, "/data/ChangeEvents", -2));
        send(subscribe(all, "/data/ContactChangeEvent", -2));
        JsonNode both = send(connect(all, 0));
        // in replay order, an event on two subscribed channels once for each
        assertThat(replayIds(both)).containsExactly(1L, 2L, 2L, 3L, 4L, 4L);
        assertThat(both.get(1).get("channel").asText()).isEqualTo("/data/ChangeEvents");
        assertThat(both.get(2).get("channel").asText()).isEqualTo("/data/ContactChangeEvent");

        String tip = handshake();
        send(subscribe(tip, "/data/ChangeEvents", -1));
        assertThat(replayIds(send(connect(tip, 0)))).isEmpty();

        JsonNode invalid = send(subscribe(handshake(), "/data/ChangeEvents", 99)).get(0);
        assertThat(invalid.get("successful").asBoolean()).isFalse();
        assertThat(invalid.get("error").asText()).isEqualTo("400::The replayId {99} you provided was invalid.  Please"
                + " provide a valid ID, -2 to replay all events, or -1 to replay only new events.");
        assertThat(invalid.get("error").asText()).matches("400::The replayId \\{.*} you provided was invalid.*");
        JsonNode noSuchChannel = send(subscribe(client, "/data/OpportunityChangeEvent", -1)).get(0);
        assertThat(noSuchChannel.get("error").asText()).isEqualTo("400::The channel you requested to subscribe to"
                + " does not exist {/data/OpportunityChangeEvent}");
    }

    @Test
    void replayIdsOlderThanTheRetainedEventsAreInvalid() throws Exception {
        sandbox.close();
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults()
                .withEventRetention(Duration.ofHours(72), 3), 0, clock);
        api = new ApiClient(sandbox);
        for (int i = 0; i < 6; i++) {
            sandbox.insert("Task", Map.of("Subject", "T" + i));
        }
        String client = handshake();

        assertThat(send(subscribe(client, "/data/TaskChangeEvent", 1)).get(0).get("error").asText())
                .startsWith("400::The replayId {1} you provided was invalid.");
        assertThat(send(subscribe(client, "/data/TaskChangeEvent", 3)).get(0).get("successful").asBoolean()).isTrue();
        assertThat(replayIds(send(connect(client, 0)))).containsExactly(4L, 5L, 6L);
    }

    @Test
    void unknownClientsAreToldToHandshakeAndRevokedSessionsGetAuthenticationInvalid() throws Exception {
        JsonNode unknown = send(connect("nosuchclient", 0)).get(0);
        assertThat(unknown.get("successful").asBoolean()).isFalse();
        assertThat(unknown.get("error").asText()).isEqualTo("403::Unknown client");
        assertThat(unknown.get("advice").get("reconnect").asText()).isEqualTo("handshake");

        String client = handshake();
        send(subscribe(client, "/data/ChangeEvents", -1));
        CompletableFuture<JsonNode> held = sendAsync(connect(client, -1));
        Thread.sleep(100);
        sandbox.expireSessions();

        // the held connect is answered at once, not at the end of the long poll
        JsonNode revoked = held.get(300, TimeUnit.MILLISECONDS).get(0);
        assertThat(revoked.get("successful").asBoolean()).isFalse();
        assertThat(revoked.get("error").asText()).isEqualTo("401::Authentication invalid");
        assertThat(revoked.get("advice").get("reconnect").asText()).isEqualTo("none");

        JsonNode denied = send(message("/meta/handshake", null, "\"version\":\"1.0\"")).get(0);
        assertThat(denied.get("successful").asBoolean()).isFalse();
        assertThat(denied.get("error").asText()).isEqualTo("403::Handshake denied");
        assertThat(denied.get("ext").get("sfdc").get("failureReason").asText())
                .isEqualTo("401::Authentication invalid");
        assertThat(denied.get("advice").get("reconnect").asText()).isEqualTo("none");

        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/cometd/62.0")).POST(HttpRequest.BodyPublishers.ofString("[" + message("/meta/handshake",
                        null, "\"version\":\"1.0\"") + "]")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ApiClient.JSON.readTree(anonymous.body()).get(0).get("ext").get("sfdc").get("failureReason")
                .asText()).isEqualTo("401::Request requires authentication");
        assertThat(sandbox.subscriberCount()).isZero();
    }

    @Test
    void clientsThatDoNotComeBackWithinTheReconnectTimeoutAreForgotten() throws Exception {
        String client = handshake();
        send(subscribe(client, "/data/ChangeEvents", -1));
        clock.advance(Duration.ofSeconds(39));
        assertThat(send(connect(client, 0)).get(0).get("successful").asBoolean()).isTrue();
        assertThat(sandbox.subscriberCount()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(41));

        assertThat(sandbox.subscriberCount()).isZero();
        assertThat(send(connect(client, 0)).get(0).get("error").asText()).isEqualTo("403::Unknown client");
    }

    @Test
    void faultsBelowTheCometdPrefixHitStreamingOnly() throws Exception {
        String client = handshake();
        sandbox.failNext(1, 503, "/cometd");

        assertThat(api.query("SELECT Id FROM Account").statusCode()).isEqualTo(200);
        assertThat(post(connect(client, 0)).statusCode()).isEqualTo(503);
        assertThat(post(connect(client, 0)).statusCode()).isEqualTo(200);
        assertThat(sandbox.requestCounts()).containsEntry("injected fault", 1L);
    }

    @Test
    void disconnectAndCloseReleaseHeldConnectsAtOnce() throws Exception {
        String first = handshake();
        CompletableFuture<JsonNode> held = sendAsync(connect(first, -1));
        Thread.sleep(100);
        JsonNode disconnected = send(message("/meta/disconnect", first, null)).get(0);
        assertThat(disconnected.get("successful").asBoolean()).isTrue();
        JsonNode last = held.get(300, TimeUnit.MILLISECONDS).get(0);
        assertThat(last.get("successful").asBoolean()).isTrue();
        assertThat(last.get("advice").get("reconnect").asText()).isEqualTo("none");

        sandbox.close();
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults(), 0, clock);
        api = new ApiClient(sandbox);
        String second = handshake();
        CompletableFuture<HttpResponse<String>> longPoll = http.sendAsync(request(connect(second, -1)),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        long started = System.nanoTime();
        sandbox.close();

        assertThat(longPoll).failsWithin(Duration.ofSeconds(2));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    private String handshake() throws Exception {
        JsonNode reply = send(message("/meta/handshake", null, "\"version\":\"1.0\","
                + "\"supportedConnectionTypes\":[\"long-polling\"]")).get(0);
        return reply.get("clientId").asText();
    }

    private String connect(String client, int timeout) {
        return message("/meta/connect", client, "\"connectionType\":\"long-polling\""
                + (timeout >= 0 ? ",\"advice\":{\"timeout\":" + timeout + "}" : ""));
    }

    private String subscribe(String client, String channel, long replayId) {
        return message("/meta/subscribe", client, "\"subscription\":\"" + channel + "\",\"ext\":{\"replay\":{\""
                + channel + "\":" + replayId + "}}");
    }

    private String message(String channel, String client, String fields) {
        return "{\"id\":\"" + ++messageId + "\",\"channel\":\"" + channel + "\""
                + (client == null ? "" : ",\"clientId\":\"" + client + "\"")
                + (fields == null ? "" : "," + fields) + "}";
    }

    private JsonNode send(String message) throws Exception {
        HttpResponse<String> response = post(message);
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiClient.JSON.readTree(response.body());
    }

    private HttpResponse<String> post(String message) throws Exception {
        return http.send(request(message), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<JsonNode> sendAsync(String message) throws Exception {
        return http.sendAsync(request(message), HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            try {
                return ApiClient.JSON.readTree(response.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private HttpRequest request(String message) throws Exception {
        return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/cometd/62.0"))
                .header("Authorization", "OAuth " + api.session()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("[" + message + "]")).build();
    }

    private static List<Long> replayIds(JsonNode reply) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode message : reply) {
            if (message.has("data")) {
                ids.add(message.get("data").get("event").get("replayId").asLong());
            }
        }
        return ids;
    }
}
