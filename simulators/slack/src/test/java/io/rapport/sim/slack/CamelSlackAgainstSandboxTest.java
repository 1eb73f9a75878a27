package io.rapport.sim.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.methods.SlackApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Camel Slack component (camel-slack 4.17.0, Slack's Java SDK) sending through the sandbox, unchanged. */
class CamelSlackAgainstSandboxTest {

    private SlackSandbox slack;
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeEach
    void start() throws Exception {
        slack = SlackSandbox.start(SlackSandbox.Config.defaults(), 0);
        camel = new DefaultCamelContext();
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        slack.close();
    }

    @Test
    void aMessageSentThroughAnIncomingWebhookArrivesInItsChannel() {
        String webhook = slack.createWebhook("alerts");

        Exchange sent = producer.send("slack:#alerts?webhookUrl=" + webhook, exchange -> exchange.getIn()
                .setBody("Negative post from @bigvoice (120k followers): https://x.com/bigvoice/status/1"));

        assertThat(sent.getException()).isNull();
        List<SlackMessage> messages = slack.messages("alerts");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).text())
                .isEqualTo("Negative post from @bigvoice (120k followers): https://x.com/bigvoice/status/1");
        assertThat(messages.get(0).via()).isEqualTo("webhook");
        assertThat(messages.get(0).channelId()).isEqualTo(slack.createChannel("alerts"));
    }

    @Test
    void aMessageSentWithABotTokenArrivesInTheNamedChannelWithItsUsername() {
        Exchange sent = producer.send(tokenUri("#alerts") + "&username=Rapport", exchange -> exchange.getIn()
                .setBody("Complaint from a known customer: case 00001042"));

        assertThat(sent.getException()).isNull();
        SlackMessage message = slack.messages("alerts").get(0);
        assertThat(message.text()).isEqualTo("Complaint from a known customer: case 00001042");
        assertThat(message.via()).isEqualTo("chat.postMessage");
        assertThat(message.username()).isEqualTo("Rapport");
        assertThat(message.ts()).matches("\\d{10}\\.\\d{6}");
        assertThat(slack.requestCounts()).containsEntry("chat.postMessage", 1L);
    }

    @Test
    void slacksRefusalsSurfaceAsExceptionsNamingTheError() {
        Exchange unknownChannel = producer.send(tokenUri("#nowhere"), exchange -> exchange.getIn().setBody("hi"));
        Exchange badToken = producer.send("slack:#alerts?token=xoxb-revoked&serverUrl=" + slack.baseUrl(),
                exchange -> exchange.getIn().setBody("hi"));
        String webhook = slack.createWebhook("alerts");
        slack.removeWebhook(webhook);
        Exchange removedWebhook = producer.send("slack:#alerts?webhookUrl=" + webhook,
                exchange -> exchange.getIn().setBody("hi"));
        slack.archiveChannel("general");
        Exchange archived = producer.send(tokenUri("#general"), exchange -> exchange.getIn().setBody("hi"));

        assertThat(unknownChannel.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContaining("channel_not_found");
        assertThat(badToken.getException()).hasMessageContaining("invalid_auth");
        assertThat(removedWebhook.getException()).isInstanceOf(CamelExchangeException.class)
                .hasMessageContaining("404").hasMessageContaining("no_service");
        assertThat(archived.getException()).hasMessageContaining("is_archived");
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void aRateLimitedTokenPostFailsWithSlacksRetryAfterAndTheComponentDoesNotRetry() {
        slack.rateLimitNext(1, Duration.ofSeconds(30));

        Exchange limited = producer.send(tokenUri("#alerts"), exchange -> exchange.getIn().setBody("hi"));

        assertThat(limited.getException()).isInstanceOf(SlackApiException.class);
        SlackApiException e = (SlackApiException) limited.getException();
        assertThat(e.getResponse().code()).isEqualTo(429);
        assertThat(e.getResponse().header("Retry-After")).isEqualTo("30");
        assertThat(e.getError().getError()).isEqualTo("ratelimited");
        assertThat(slack.requestCounts()).containsEntry("chat.postMessage", 1L);
        assertThat(slack.messages()).isEmpty();

        Exchange later = producer.send(tokenUri("#alerts"), exchange -> exchange.getIn().setBody("hi"));
        assertThat(later.getException()).isNull();
        assertThat(slack.messages()).hasSize(1);
    }

    @Test
    void aRateLimitedWebhookPostFailsWith429AndIsNotRetried() {
        String webhook = slack.createWebhook("alerts");
        slack.rateLimitNext(1, Duration.ofSeconds(5));

        Exchange limited = producer.send("slack:#alerts?webhookUrl=" + webhook,
                exchange -> exchange.getIn().setBody("hi"));

        assertThat(limited.getException()).isInstanceOf(CamelExchangeException.class).hasMessageContaining("429");
        assertThat(slack.requestCounts()).containsEntry("webhook", 1L);
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void aChannelsPostingLimitRefusesTheBurstBeyondItPerChannel() throws Exception {
        Clock stopped = Clock.fixed(Instant.parse("2026-03-02T10:00:00.250Z"), ZoneOffset.UTC);
        try (SlackSandbox limited = SlackSandbox.start(SlackSandbox.Config.defaults()
                .withMessagesPerSecondPerChannel(1), 0, stopped)) {
            String uri = "slack:#alerts?token=" + limited.config().botToken() + "&serverUrl=" + limited.baseUrl();
            Exchange first = producer.send(uri, exchange -> exchange.getIn().setBody("one"));
            Exchange second = producer.send(uri, exchange -> exchange.getIn().setBody("two"));
            Exchange elsewhere = producer.send(uri.replace("#alerts", "#general"),
                    exchange -> exchange.getIn().setBody("three"));

            assertThat(first.getException()).isNull();
            assertThat(((SlackApiException) second.getException()).getResponse().code()).isEqualTo(429);
            assertThat(elsewhere.getException()).isNull();
            assertThat(limited.messages()).extracting(SlackMessage::text).containsExactly("one", "three");
        }
    }

    private String tokenUri(String channel) {
        return "slack:" + channel + "?token=" + slack.config().botToken() + "&serverUrl=" + slack.baseUrl();
    }
}
