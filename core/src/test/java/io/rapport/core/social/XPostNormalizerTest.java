package io.rapport.core.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XPostNormalizerTest {

    private final XPostNormalizer normalizer = new XPostNormalizer();

    /** A reply in Spanish with an emoji, as recent search returns it with {@code expansions=author_id}. */
    private static Map<String, Object> reply() {
        return Map.of(
                "data", Map.of("id", "1861000000000000001", "text", "@AcmeSupport mi pedido no llegó 😡 #fail",
                        "author_id", "42", "created_at", "2026-11-24T10:15:00.000Z",
                        "conversation_id", "1860999999999999999", "lang", "es",
                        "public_metrics", Map.of("like_count", 3, "reply_count", 1, "retweet_count", 2,
                                "quote_count", 0),
                        "referenced_tweets", List.of(Map.of("type", "replied_to", "id", "1860999999999999999")),
                        "entities", Map.of("mentions", List.of(Map.of("username", "AcmeSupport")),
                                "hashtags", List.of(Map.of("tag", "FAIL")))),
                "includes", Map.of("users", List.of(Map.of("id", "7", "username", "someone"),
                        Map.of("id", "42", "username", "LuciaG", "name", "Lucía García", "verified", true,
                                "public_metrics", Map.of("followers_count", 1520, "following_count", 310)))));
    }

    @Test
    void aPostWithItsAuthorFromIncludesBecomesOneCanonicalEvent() {
        SocialEvent event = normalizer.normalize(reply(), "raw-1");

        assertThat(event.key()).isEqualTo("x:1861000000000000001");
        assertThat(event.text()).isEqualTo("@AcmeSupport mi pedido no llegó 😡 #fail");
        assertThat(event.language()).isEqualTo("es");
        assertThat(event.createdAt()).isEqualTo(Instant.parse("2026-11-24T10:15:00Z"));
        assertThat(event.conversationId()).isEqualTo("1860999999999999999");
        assertThat(event.isReply()).isTrue();
        assertThat(event.mentions()).containsExactly("acmesupport");
        assertThat(event.hashtags()).containsExactly("fail");
        assertThat(event.engagement()).isEqualTo(new Engagement(3, 1, 2, 0));
        assertThat(event.author()).isEqualTo(new SocialAuthor("42", "luciag", "Lucía García", 1520, 310, true));
        assertThat(event.url()).isEqualTo("https://x.com/luciag/status/1861000000000000001");
        assertThat(event.rawPayloadId()).isEqualTo("raw-1");
    }

    @Test
    void aPostWithoutItsAuthorsProfileKeepsTheAuthorIdAndAThreadOfItsOwn() {
        SocialEvent event = normalizer.normalize(Map.of("data", Map.of("id", "9", "text", "hello", "author_id", "1",
                "created_at", "2026-11-24T10:15:00Z", "lang", "und")), "raw-2");

        assertThat(event.author().handle()).isNull();
        assertThat(event.author().followers()).isZero();
        assertThat(event.conversationId()).isEqualTo("9");
        assertThat(event.language()).as("undetermined is no language").isNull();
        assertThat(event.url()).isNull();
    }

    @Test
    void everyMissingOrUnreadableFieldIsNamedByItsPath() {
        assertThatThrownBy(() -> normalizer.normalize(Map.of("text", "no envelope"), "raw-3"))
                .hasMessage("data: required");
        assertThatThrownBy(() -> normalizer.normalize(Map.of("data", Map.of("id", "1", "created_at", "yesterday",
                "referenced_tweets", List.of(Map.of("type", "liked", "id", "2")))), "raw-4"))
                .hasMessageContaining("data.text: required")
                .hasMessageContaining("data.author_id: required")
                .hasMessageContaining("data.created_at: 'yesterday' is not an ISO-8601 UTC timestamp")
                .hasMessageContaining("data.referenced_tweets[0]");
    }
}
