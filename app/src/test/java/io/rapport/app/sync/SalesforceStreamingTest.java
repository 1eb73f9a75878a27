package io.rapport.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.rapport.connector.erp.InMemoryWatermarkStore;
import io.rapport.connector.salesforce.SalesforceChange;
import io.rapport.sim.salesforce.SalesforceSandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub's change subscription, with the real component's {@code subscribe} consumer against the sandbox: started
 * again after it stopped receiving without saying so, it replays from the replay id saved last, so the events it
 * missed arrive after all.
 */
class SalesforceStreamingTest {

    private SalesforceSandbox sandbox;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        // the component's CometD client throws harmless "Invalid state" errors on its own threads while reconnecting
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults()
                .withStreamingTimeout(Duration.ofSeconds(2)), 0);
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        sandbox.close();
    }

    @Test
    void aSubscriptionThatStoppedReceivingIsStartedAgainAndReplaysTheEventsItMissed() throws Exception {
        InMemoryWatermarkStore watermarks = new InMemoryWatermarkStore();
        List<String> heard = new CopyOnWriteArrayList<>();
        SalesforceStreaming streaming = new SalesforceStreaming(camel, () -> SalesforceComponents.create(settings(),
                sandbox), exchange -> {
                    SalesforceChange change = SalesforceChangeListener.toChange(exchange.getMessage());
                    heard.addAll(change.recordIds());
                    watermarks.save(SalesforceChangeListener.REPLAY_FEED, Long.toString(change.replayId()));
                }, watermarks);
        streaming.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> sandbox.subscriberCount() == 1);
        String first = sandbox.insert("Account", Map.of("Name", "Heard"));
        await().atMost(Duration.ofSeconds(30)).until(() -> heard.contains(first));

        sandbox.muteStreamingSubscriptions();
        String missed = sandbox.insert("Account", Map.of("Name", "Missed"));
        Thread.sleep(2_500);
        assertThat(heard).as("the muted subscription hears nothing").doesNotContain(missed);
        assertThat(streaming.active()).as("and its route still looks started").isTrue();

        streaming.restart();

        await().atMost(Duration.ofSeconds(30)).until(() -> heard.contains(missed));
        assertThat(streaming.active()).isTrue();
        String later = sandbox.insert("Account", Map.of("Name", "Later"));
        await().atMost(Duration.ofSeconds(30)).until(() -> heard.contains(later));
    }

    private static SyncProperties.Salesforce settings() {
        return new SyncProperties.Salesforce(true, 0, "", "", "", "", "", 1000, Duration.ofMinutes(10), 1000,
                SyncProperties.Authentication.USERNAME_PASSWORD, "", "", SyncProperties.ChangeCapture.STREAMING,
                Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(2));
    }
}
