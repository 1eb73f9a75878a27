package io.rapport.connector.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.social.PostReference;
import io.rapport.core.social.SocialEvent;
import io.rapport.core.social.XPostNormalizer;
import io.rapport.sim.social.NewPost;
import io.rapport.sim.social.Post;
import io.rapport.sim.social.RateLimit;
import io.rapport.sim.social.SocialSandbox;
import io.rapport.sim.social.XEndpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The xv2:search consumer against the social sandbox, through the real camel-http component. */
class XRecentSearchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private SocialSandbox sandbox;
    private CamelContext camel;
    private final InMemorySocialCursorStore cursors = new InMemorySocialCursorStore();
    private final Sink sink = new Sink("social");

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        sandbox.close();
    }

    private XSourceSettings settings(XSourceSettings.RecentSearch search) {
        return XSourceSettings.defaults().withBaseUrl(sandbox.baseUrl())
                .withBearerToken(sandbox.config().bearerToken()).withRecentSearch(search)
                .withBackoff(new XSourceSettings.Backoff(Duration.ofMillis(50), Duration.ofMillis(200),
                        Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofMillis(200), Duration.ofSeconds(1)));
    }

    private XRoutes run(XSourceSettings settings) throws Exception {
        XRoutes routes = XRoutes.create(settings, cursors, sink.uri());
        camel = XCamel.start(routes, sink);
        return routes;
    }

    @Test
    void pagesThroughEveryMatchAndDeliversEachPostAloneOldestFirstInTheNormalizersShape() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        List<Post> posts = new ArrayList<>();
        IntStream.range(0, 23).forEach(i -> posts.add(sandbox.post("user" + i, "@acme post number " + i)));
        Post question = sandbox.post("emma", "@acme is the #blue one back in stock?");
        Post reply = sandbox.post(NewPost.by("liam").text("same question @acme").replyTo(question.id()));
        sandbox.post("noise", "nothing to see here");

        run(settings(XSourceSettings.RecentSearch.of("acme").pagesOf(10).every(Duration.ofMillis(200))));
        List<Sink.Message> got = sink.await(25, WAIT);

        assertThat(Sink.keys(got)).as("every match once, oldest first")
                .containsExactlyElementsOf(expectedKeys(posts, question, reply));
        assertThat(sandbox.requestCounts().get("GET /2/tweets/search/recent")).as("three pages in the first poll")
                .isGreaterThanOrEqualTo(3);
        Sink.Message last = got.get(24);
        assertThat(last.headers()).containsEntry(XHeaders.SOURCE, "x")
                .containsEntry(XHeaders.MESSAGE_KEY, "x:" + reply.id())
                .containsEntry(XHeaders.PAYLOAD_FORMAT, XHeaders.FORMAT_X_V2_POST)
                .doesNotContainKey("Authorization");
        Map<String, Object> document = last.json();
        assertThat(document).containsOnlyKeys("data", "includes");
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> includes = (Map<String, List<Map<String, Object>>>)
                document.get("includes");
        assertThat(includes.get("users")).extracting(u -> u.get("username")).as("only this post's users")
                .containsExactlyInAnyOrder("liam", "emma");
        assertThat(includes.get("tweets")).extracting(t -> t.get("id")).containsExactly("" + question.id());

        SocialEvent event = new XPostNormalizer().normalize(document, "raw-1");
        assertThat(event.key()).isEqualTo("x:" + reply.id());
        assertThat(event.author().handle()).isEqualTo("liam");
        assertThat(event.author().followers()).isPositive();
        assertThat(event.isReply()).isTrue();
        assertThat(event.reference(PostReference.Kind.REPLY).orElseThrow().postId()).isEqualTo("" + question.id());
        assertThat(event.conversationId()).isEqualTo("" + question.id());
        assertThat(event.createdAt()).isEqualTo(reply.createdAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(new XPostNormalizer().normalize(got.get(23).json(), "raw-2").hashtags()).containsExactly("blue");
        // the cursor moves once the sink has returned, a moment after the sink has the post
        XCamel.await("cursor at the newest post", WAIT, () -> ("" + reply.id()).equals(
                cursors.snapshot().get("x.v2.recent-search")));
    }

    private static List<String> expectedKeys(List<Post> posts, Post question, Post reply) {
        List<String> keys = new ArrayList<>(posts.stream().map(p -> "x:" + p.id()).toList());
        keys.add("x:" + question.id());
        keys.add("x:" + reply.id());
        return keys;
    }

    @Test
    void aRestartWithTheSameCursorStoreNeitherSkipsNorRepeats() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        List<Post> before = IntStream.range(0, 12).mapToObj(i -> sandbox.post("a" + i, "acme " + i)).toList();
        XSourceSettings settings = settings(XSourceSettings.RecentSearch.of("acme").pagesOf(10)
                .every(Duration.ofMillis(100)));
        run(settings);
        sink.await(12, WAIT);
        Post duringFirstRun = sandbox.post("late", "acme while running");
        sink.await(13, WAIT);
        camel.stop();

        List<Post> whileDown = IntStream.range(0, 15).mapToObj(i -> sandbox.post("b" + i, "acme down " + i))
                .toList();
        run(settings);
        List<Sink.Message> got = sink.await(28, WAIT);
        got = sink.drain(Duration.ofMillis(600));

        List<String> expected = new ArrayList<>();
        before.forEach(p -> expected.add("x:" + p.id()));
        expected.add("x:" + duringFirstRun.id());
        whileDown.forEach(p -> expected.add("x:" + p.id()));
        assertThat(Sink.keys(got)).containsExactlyElementsOf(expected);
    }

    @Test
    void aUsedUpRateLimitWaitsForTheResetAndLosesNothing() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withRateLimit(XEndpoint.RECENT_SEARCH, RateLimit.of(2, Duration.ofSeconds(2))), 0);
        List<Post> posts = IntStream.range(0, 35).mapToObj(i -> sandbox.post("u" + i, "acme " + i)).toList();
        XRoutes routes = run(settings(XSourceSettings.RecentSearch.of("acme").pagesOf(10)
                .every(Duration.ofMillis(50))));

        XCamel.await("the poller waits for the window to reset", WAIT, () -> {
            XStatus status = routes.status(XRoutes.ROUTE_RECENT_SEARCH);
            return status.state() == XStatus.State.BACKING_OFF && status.backoffReason() != null
                    && status.backoffReason().contains("x-rate-limit-reset") && status.rateLimitRemaining() == 0;
        });
        List<Sink.Message> got = sink.await(35, WAIT);
        Post later = sandbox.post("late", "acme after the limit");
        got = sink.await(36, WAIT);

        List<String> expected = new ArrayList<>(posts.stream().map(p -> "x:" + p.id()).toList());
        expected.add("x:" + later.id());
        assertThat(Sink.keys(got)).containsExactlyElementsOf(expected);
        assertThat(sandbox.requestCounts().get("GET /2/tweets/search/recent"))
                .as("never called while remaining was 0: 4 pages and a poll need 3 windows of 2 requests")
                .isLessThanOrEqualTo(8);
    }

    @Test
    void a429OrA503SlowsPollingWithoutFailingTheRouteOrLosingPosts() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        sandbox.failNext(3, 429, "/2/");
        Post first = sandbox.post("emma", "acme one");
        XRoutes routes = run(settings(XSourceSettings.RecentSearch.of("acme").every(Duration.ofMillis(50))));

        XCamel.await("backing off after a 429", WAIT, () -> {
            XStatus status = routes.status(XRoutes.ROUTE_RECENT_SEARCH);
            return status.backoffReason() != null && status.backoffReason().startsWith("429");
        });
        sink.await(1, WAIT);
        sandbox.failNext(2, 503, "/2/");
        Post second = sandbox.post("liam", "acme two");
        XCamel.await("backing off after a 503", WAIT, () -> {
            String reason = routes.status(XRoutes.ROUTE_RECENT_SEARCH).backoffReason();
            return reason != null && reason.contains("503");
        });
        List<Sink.Message> got = sink.await(2, WAIT);

        assertThat(Sink.keys(got)).containsExactly("x:" + first.id(), "x:" + second.id());
        assertThat(camel.getRouteController().getRouteStatus(XRoutes.ROUTE_RECENT_SEARCH).isStarted()).isTrue();
        XCamel.await("healthy again", WAIT, () -> routes.status(XRoutes.ROUTE_RECENT_SEARCH).healthy());
    }

    @Test
    void aRefusingSinkKeepsTheCursorBeforeThePostItRefused() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        List<Post> posts = IntStream.range(0, 5).mapToObj(i -> sandbox.post("u" + i, "acme " + i)).toList();
        String refused = "x:" + posts.get(2).id();
        sink.refuse(m -> m.key().equals(refused) && sink.refused.get() < 3);
        XRoutes routes = run(settings(XSourceSettings.RecentSearch.of("acme").every(Duration.ofMillis(50))));

        List<Sink.Message> got = sink.await(5, WAIT);
        got = sink.drain(Duration.ofMillis(500));

        assertThat(sink.refused.get()).isEqualTo(3);
        assertThat(Sink.keys(got)).containsExactlyElementsOf(posts.stream().map(p -> "x:" + p.id()).toList());
        assertThat(routes.status(XRoutes.ROUTE_RECENT_SEARCH).delivered()).isEqualTo(5);
    }
}
