package io.rapport.sim.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /2/tweets}: replies in the brand's name, X's refusals, user-context auth and the rate limit. */
class CreatePostTest {

    private SocialSandbox sandbox;
    private XClient brand;

    @BeforeEach
    void start() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        brand = new XClient(sandbox.baseUrl(), sandbox.config().userAccessToken());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aReplyBecomesTheBrandsPostInTheParentsConversation() throws Exception {
        Post question = sandbox.post("emma", "@acme where is my order?");
        Post followUp = sandbox.post(NewPost.by("emma").text("@acme hello??").replyTo(question.id()));

        XClient.Answer answer = brand.post("/2/tweets", "{\"text\":\"Sorry Emma, we are on it\","
                + "\"reply\":{\"in_reply_to_tweet_id\":\"" + followUp.id() + "\"}}");

        assertThat(answer.status()).isEqualTo(201);
        long id = answer.body().get("data").get("id").asLong();
        assertThat(answer.body().get("data").get("edit_history_tweet_ids").get(0).asText()).isEqualTo("" + id);
        Post reply = sandbox.post(id).orElseThrow();
        assertThat(reply.author().username()).isEqualTo("acme");
        assertThat(reply.isReply()).isTrue();
        assertThat(reply.reference().postId()).isEqualTo(followUp.id());
        assertThat(reply.conversationId()).isEqualTo(question.id());
        assertThat(reply.text()).isEqualTo("@emma Sorry Emma, we are on it");
        assertThat(answer.body().get("data").get("text").asText()).isEqualTo(reply.text());
        assertThat(sandbox.post(followUp.id()).orElseThrow().metrics().replies()).isEqualTo(1);
        XClient.Answer found = new XClient(sandbox).search("conversation_id:" + question.id(),
                "tweet.fields=author_id");
        assertThat(found.body().get("data")).extracting(p -> p.get("id").asLong()).contains(id);
    }

    @Test
    void refusesWhatXRefusesWithXsShapes() throws Exception {
        Post post = sandbox.post("emma", "@acme hi");

        XClient.Answer tooLong = brand.post("/2/tweets", "{\"text\":\"" + "a".repeat(281) + "\"}");
        assertThat(tooLong.status()).isEqualTo(403);
        assertThat(tooLong.body().get("detail").asText()).startsWith("Your Tweet text is too long: 281");
        String emoji = "😡".repeat(140);
        assertThat(brand.post("/2/tweets", "{\"text\":\"" + emoji + "\"}").status()).as("140 emoji weigh 280")
                .isEqualTo(201);

        XClient.Answer unknown = brand.post("/2/tweets", "{\"text\":\"thanks\",\"reply\":"
                + "{\"in_reply_to_tweet_id\":\"" + (post.id() + 999) + "\"}}");
        assertThat(unknown.status()).isEqualTo(403);
        assertThat(unknown.body().get("detail").asText())
                .isEqualTo("You attempted to reply to a Tweet that is deleted or not visible to you.");

        XClient.Answer noTarget = brand.post("/2/tweets", "{\"text\":\"thanks\",\"reply\":{}}");
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.body().get("title").asText()).isEqualTo("Invalid Request");
        assertThat(noTarget.body().get("errors").get(0).get("message").asText())
                .isEqualTo("$.reply.in_reply_to_tweet_id: is missing but it is required");
        assertThat(brand.post("/2/tweets", "{\"reply\":{\"in_reply_to_tweet_id\":\"1\"}}").status()).isEqualTo(400);
        assertThat(brand.post("/2/tweets", "not json").status()).isEqualTo(400);

        assertThat(sandbox.posts()).as("nothing refused was posted").hasSize(2);
    }

    @Test
    void wantsTheUsersTokenAndCountsItsOwnRateLimit() throws Exception {
        sandbox.close();
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withRateLimit(XEndpoint.CREATE_POST, RateLimit.of(3, Duration.ofMinutes(15))), 0);
        brand = new XClient(sandbox.baseUrl(), sandbox.config().userAccessToken());
        Post post = sandbox.post("emma", "@acme hi");
        String reply = "{\"text\":\"hello %d\",\"reply\":{\"in_reply_to_tweet_id\":\"" + post.id() + "\"}}";

        XClient.Answer appOnly = new XClient(sandbox).post("/2/tweets", reply.formatted(0));
        assertThat(appOnly.status()).isEqualTo(403);
        assertThat(appOnly.body().get("title").asText()).isEqualTo("Unsupported Authentication");
        assertThat(new XClient(sandbox.baseUrl(), "nope").post("/2/tweets", reply.formatted(0)).status())
                .isEqualTo(401);

        for (int i = 1; i <= 3; i++) {
            XClient.Answer ok = brand.post("/2/tweets", reply.formatted(i));
            assertThat(ok.status()).isEqualTo(201);
            assertThat(ok.header("x-rate-limit-remaining")).isEqualTo(String.valueOf(3 - i));
        }
        assertThat(brand.post("/2/tweets", reply.formatted(4)).status()).isEqualTo(429);
        assertThat(brand.post("/2/tweets", reply.formatted(4)).header("x-rate-limit-reset")).isNotNull();

        XClient.Answer duplicate = brand.post("/2/tweets", "{\"text\":\"hello 1\"}");
        assertThat(duplicate.status()).as("rate limited before anything else").isEqualTo(429);
        sandbox.resetRateLimits();
        duplicate = brand.post("/2/tweets", reply.formatted(1));
        assertThat(duplicate.status()).isEqualTo(403);
        assertThat(duplicate.body().get("detail").asText())
                .isEqualTo("You are not allowed to create a Tweet with duplicate content.");
        assertThat(sandbox.requestCounts()).containsEntry("POST /2/tweets", 9L);
    }
}
