package io.rapport.connector.x;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.social.Engagement;
import io.rapport.core.social.PostReference;
import io.rapport.core.social.SocialAuthor;
import io.rapport.core.social.SocialEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsAndJsonTest {

    @Test
    void settingsNeverShowTheirSecrets() {
        XSourceSettings settings = XSourceSettings.defaults().withBearerToken("AAAA-bearer-secret")
                .withRecentSearch(XSourceSettings.RecentSearch.of("@acme"))
                .withTwitter(XSourceSettings.Twitter.withKeys("ck-secret", "cs-secret", "at-secret", "ats-secret")
                        .mentions());

        assertThat(settings.toString()).doesNotContain("AAAA-bearer-secret", "ck-secret", "cs-secret", "at-secret",
                "ats-secret").contains("bearerToken=****", "@acme");
    }

    @Test
    void settingsRefuseWhatCannotWork() {
        assertThatThrownBy(() -> XSourceSettings.defaults().withRecentSearch(XSourceSettings.RecentSearch.of("acme")))
                .hasMessageContaining("x.bearer-token is required");
        assertThatThrownBy(() -> XSourceSettings.RecentSearch.of("acme").pagesOf(500))
                .hasMessageContaining("x.recent-search.max-results: 10-100");
        assertThatThrownBy(() -> XSourceSettings.RecentSearch.of("acme").lookingBack(Duration.ofDays(8)))
                .hasMessageContaining("within X's 7 days");
        assertThatThrownBy(() -> XSourceSettings.FilteredStream.of(List.of()))
                .hasMessageContaining("at least one rule");
        assertThatThrownBy(() -> XSourceSettings.Twitter.withKeys("k", null, "t", "s").mentions())
                .hasMessageContaining("x.twitter.consumer-secret is required");
        assertThatThrownBy(() -> XSourceSettings.defaults().withBaseUrl("ftp://x"))
                .hasMessageContaining("http(s)");
        assertThat(XSourceSettings.defaults().withBaseUrl("http://127.0.0.1:1/").baseUrl())
                .isEqualTo("http://127.0.0.1:1");
    }

    @Test
    void theBackoffFollowsXsDocumentedSchedules() {
        XSourceSettings.Backoff x = XSourceSettings.Backoff.X_DOCUMENTED;
        assertThat(x.networkStep()).isEqualTo(Duration.ofMillis(250));
        assertThat(x.networkMax()).isEqualTo(Duration.ofSeconds(16));
        assertThat(x.httpInitial()).isEqualTo(Duration.ofSeconds(5));
        assertThat(x.httpMax()).isEqualTo(Duration.ofSeconds(320));
        assertThat(x.rateLimitInitial()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aSocialEventIsWrittenWithIsoInstantsAndEnumNamesAndReadBack() {
        SocialEvent event = new SocialEvent("x", "42", new SocialAuthor("7", "Emma", "Emma G", 10, 5, true),
                "@acme hi", "en", Instant.parse("2026-11-24T10:15:00Z"), "40",
                List.of(new PostReference(PostReference.Kind.REPLY, "40")), List.of("acme"), List.of(),
                new Engagement(1, 2, 3, 4), "https://x.com/emma/status/42", null);

        String json = SocialEventJson.write(event);

        assertThat(json).contains("\"createdAt\":\"2026-11-24T10:15:00Z\"").contains("\"kind\":\"REPLY\"")
                .doesNotContain("\"repost\"", "\"reply\":");
        assertThat(SocialEventJson.read(json)).isEqualTo(event);
    }
}
