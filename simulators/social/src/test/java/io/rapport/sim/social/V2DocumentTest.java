package io.rapport.sim.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class V2DocumentTest {

    @Test
    void aPostIsOneV2DocumentWithTheFieldsAskedForItsAuthorAndThePostItAnswers() throws Exception {
        try (SocialSandbox sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0)) {
            Post question = sandbox.post("emma", "@acme is the X2 in stock?");
            Post answer = sandbox.post(NewPost.by("acme").text("@emma yes, in every store").replyTo(question.id()));

            JsonNode document = ApiCall.JSON.readTree(sandbox.v2Document(answer,
                    "author_id,conversation_id,public_metrics,referenced_tweets", "verified",
                    "author_id,referenced_tweets.id,referenced_tweets.id.author_id"));

            assertThat(document.at("/data/id").asText()).isEqualTo(Long.toString(answer.id()));
            assertThat(document.at("/data/author_id").asText()).isEqualTo(Long.toString(answer.author().id()));
            assertThat(document.at("/data/conversation_id").asText()).isEqualTo(Long.toString(question.id()));
            assertThat(document.at("/data/referenced_tweets/0/type").asText()).isEqualTo("replied_to");
            assertThat(document.at("/data/public_metrics").isObject()).isTrue();
            assertThat(document.at("/includes/users").findValuesAsText("username")).contains("acme", "emma");
            assertThat(document.at("/includes/tweets/0/id").asText()).isEqualTo(Long.toString(question.id()));
            assertThat(document.at("/data/created_at").isMissingNode()).as("not asked for").isTrue();
            assertThat(document.has("matching_rules")).as("only the stream adds the rules a post matched").isFalse();
        }
    }

    @Test
    void aFieldXDoesNotHaveIsRefused() throws Exception {
        try (SocialSandbox sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0)) {
            Post post = sandbox.post("emma", "hello");
            assertThatThrownBy(() -> sandbox.v2Document(post, "follower_count", null, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("follower_count");
        }
    }
}
