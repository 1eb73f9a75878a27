package io.rapport.connector.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.sim.social.Post;
import io.rapport.sim.social.RateLimit;
import io.rapport.sim.social.SocialSandbox;
import io.rapport.sim.social.XEndpoint;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link XReplyClient} over camel-http against the sandbox's {@code POST /2/tweets}. */
class XReplyClientTest {

    private SocialSandbox sandbox;
    private CamelContext camel;
    private XReplyClient client;

    @BeforeEach
    void start() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withRateLimit(XEndpoint.CREATE_POST, RateLimit.of(4, Duration.ofMinutes(15))), 0);
        camel = new DefaultCamelContext();
        camel.start();
        client = new XReplyClient(camel, sandbox.baseUrl(), sandbox.config().userAccessToken());
    }

    @AfterEach
    void stop() {
        client.close();
        camel.stop();
        sandbox.close();
    }

    @Test
    void postsTheReplyInThePostsConversation() throws Exception {
        Post question = sandbox.post("emma", "@acme do you ship to Spain?");

        PostedReply reply = client.reply("" + question.id(), "Yes, in 3-5 days!");

        Post posted = sandbox.post(Long.parseLong(reply.id())).orElseThrow();
        assertThat(posted.author().username()).isEqualTo("acme");
        assertThat(posted.reference().postId()).isEqualTo(question.id());
        assertThat(posted.conversationId()).isEqualTo(question.id());
        assertThat(reply.text()).isEqualTo(posted.text()).endsWith("Yes, in 3-5 days!");
        assertThat(reply.inReplyToPostId()).isEqualTo("" + question.id());
    }

    @Test
    void saysWhyXRefusedAndWhetherTryingAgainCanHelp() throws Exception {
        Post question = sandbox.post("emma", "@acme hi");

        assertThatThrownBy(() -> client.reply("" + (question.id() + 1), "hello")).isInstanceOfSatisfying(
                XApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.detail()).contains("deleted or not visible");
                    assertThat(e.retriable()).isFalse();
                });
        assertThatThrownBy(() -> client.reply("" + question.id(), "x".repeat(300))).isInstanceOfSatisfying(
                XApiException.class, e -> assertThat(e.getMessage()).contains("too long"));
        // refusals count against the window as on X: two refused, two posted, the fifth is over the limit of 4
        client.reply("" + question.id(), "one");
        client.reply("" + question.id(), "two");
        assertThatThrownBy(() -> client.reply("" + question.id(), "three")).isInstanceOfSatisfying(
                XApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.retryAt()).isAfter(Instant.now());
                });
        assertThatThrownBy(() -> client.reply("not-an-id", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theAppOnlyBearerTokenCannotPost() throws Exception {
        Post question = sandbox.post("emma", "@acme hi");
        try (XReplyClient appOnly = new XReplyClient(camel, sandbox.baseUrl(), sandbox.config().bearerToken())) {
            assertThatThrownBy(() -> appOnly.reply("" + question.id(), "hello")).isInstanceOfSatisfying(
                    XApiException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.title()).isEqualTo("Unsupported Authentication");
                        assertThat(e.getMessage()).doesNotContain(sandbox.config().bearerToken());
                    });
        }
    }
}
