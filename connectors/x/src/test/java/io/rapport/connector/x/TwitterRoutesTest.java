package io.rapport.connector.x;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.social.Engagement;
import io.rapport.core.social.PostReference;
import io.rapport.core.social.SocialEvent;
import io.rapport.sim.social.DirectMessage;
import io.rapport.sim.social.NewPost;
import io.rapport.sim.social.Post;
import io.rapport.sim.social.RateLimit;
import io.rapport.sim.social.SocialSandbox;
import io.rapport.sim.social.XEndpoint;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real Camel Twitter consumers (camel-twitter 4.17.0, Twitter4J 4.1.2) against the sandbox, through the routes
 * {@link XRoutes} builds: canonical events out, a persisted since_id per consumer in.
 */
class TwitterRoutesTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private SocialSandbox sandbox;
    private CamelContext camel;
    private final InMemorySocialCursorStore cursors = new InMemorySocialCursorStore();
    private final Sink sink = new Sink("social");

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        System.clearProperty("twitter4j.restBaseURL");
        sandbox.close();
    }

    private XSourceSettings.Twitter keys() {
        return XSourceSettings.Twitter.withKeys(sandbox.config().consumerKey(), "consumer-secret", "token",
                "token-secret").restBaseUrl(sandbox.v1BaseUrl()).every(Duration.ofMillis(100));
    }

    private XRoutes run(XSourceSettings.Twitter twitter) throws Exception {
        XRoutes routes = XRoutes.create(XSourceSettings.defaults().withTwitter(twitter), cursors, sink.uri());
        camel = XCamel.start(routes, sink);
        return routes;
    }

    private static List<SocialEvent> events(List<Sink.Message> messages) {
        return messages.stream().map(m -> SocialEventJson.read(m.body())).toList();
    }

    @Test
    void searchAndMentionsAcrossARestartNeitherSkipNorRepeat() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        List<Post> first = IntStream.range(0, 4).mapToObj(i -> sandbox.post("u" + i, "@acme first " + i)).toList();
        run(keys().search("acme").mentions());
        sink.await(8, WAIT);
        List<Sink.Message> got = sink.drain(Duration.ofMillis(800));
        assertThat(got).as("several polls, each re-reading every search match, delivered each post once per route")
                .hasSize(8);
        assertThat(sandbox.requestCounts().get("GET /1.1/search/tweets.json")).isGreaterThan(2);
        camel.stop();

        List<Post> second = IntStream.range(0, 3).mapToObj(i -> sandbox.post("v" + i, "@acme second " + i))
                .toList();
        Post own = sandbox.post("acme", "acme news: found by search, not a mention of the brand");
        run(keys().search("acme").mentions());
        sink.await(8 + 7, WAIT);
        got = sink.drain(Duration.ofMillis(800));

        List<String> expected = new ArrayList<>();
        first.forEach(p -> expected.add("x:" + p.id()));
        second.forEach(p -> expected.add("x:" + p.id()));
        expected.add("x:" + own.id());
        assertThat(Sink.keys(got)).containsAll(expected);
        assertThat(got.stream().filter(m -> m.key().equals("x:" + second.get(0).id())).count())
                .as("once from search, once from mentions").isEqualTo(2);
        assertThat(got).hasSize(2 * (4 + 3) + 1);
        // the cursors move at the end of the poll that delivered the posts, a moment after the sink has them
        XCamel.await("cursors at the newest posts", WAIT, () -> ("" + own.id()).equals(cursors.snapshot()
                .get("x.v1.search")) && ("" + second.get(2).id()).equals(cursors.snapshot().get("x.v1.mentions")));
        assertThat(got).allSatisfy(m -> assertThat(m.headers()).containsEntry(XHeaders.SOURCE, "x")
                .containsEntry(XHeaders.PAYLOAD_FORMAT, XHeaders.FORMAT_SOCIAL_EVENT)
                .containsEntry(XHeaders.VISIBILITY, "public"));
    }

    @Test
    void retweetsQuotesAndRepliesBecomeCanonicalEventsWithTheirReferences() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        Post original = sandbox.post(NewPost.by("emma").text("@acme the new #Blue line is " + "great ".repeat(25)
                + "😍").lang("en"));
        Post retweet = sandbox.post(NewPost.by("liam").retweetOf(original.id()));
        Post quote = sandbox.post(NewPost.by("mia").text("¿De verdad? #acme").lang("es").quote(original.id()));
        Post reply = sandbox.post(NewPost.by("acme").text("thank you! acme support").replyTo(original.id()));
        run(keys().search("acme"));

        List<SocialEvent> events = events(sink.await(4, WAIT));

        assertThat(events).extracting(SocialEvent::postId).containsExactly("" + original.id(), "" + retweet.id(),
                "" + quote.id(), "" + reply.id());
        SocialEvent first = events.get(0);
        assertThat(first.platform()).isEqualTo("x");
        assertThat(first.author().handle()).isEqualTo("emma");
        assertThat(first.author().followers()).isEqualTo(sandbox.author("emma").orElseThrow().followers());
        assertThat(first.text()).isEqualTo(original.text()).hasSizeGreaterThan(140);
        assertThat(first.language()).isEqualTo("en");
        assertThat(first.createdAt()).isEqualTo(original.createdAt().truncatedTo(ChronoUnit.SECONDS));
        assertThat(first.conversationId()).isEqualTo("" + original.id());
        assertThat(first.mentions()).containsExactly("acme");
        assertThat(first.hashtags()).containsExactly("blue");
        assertThat(first.url()).isEqualTo("https://x.com/emma/status/" + original.id());
        assertThat(first.engagement()).as("counted when read: one retweet").isEqualTo(new Engagement(0, 0, 1, 0));

        SocialEvent rt = events.get(1);
        assertThat(rt.isRepost()).isTrue();
        assertThat(rt.reference(PostReference.Kind.REPOST).orElseThrow().postId()).isEqualTo("" + original.id());
        assertThat(rt.text()).as("the full original, not v1.1's 140 cut").isEqualTo("RT @emma: " + original.text());
        assertThat(rt.author().handle()).isEqualTo("liam");

        SocialEvent q = events.get(2);
        assertThat(q.reference(PostReference.Kind.QUOTE).orElseThrow().postId()).isEqualTo("" + original.id());
        assertThat(q.language()).isEqualTo("es");
        assertThat(q.isRepost()).isFalse();

        SocialEvent r = events.get(3);
        assertThat(r.isReply()).isTrue();
        assertThat(r.reference(PostReference.Kind.REPLY).orElseThrow().postId()).isEqualTo("" + original.id());
        assertThat(r.conversationId()).isEqualTo("" + original.id());
        assertThat(r.text()).isEqualTo("@emma thank you! acme support");
        assertThat(r.author().verified()).isTrue();
    }

    @Test
    void directMessagesBecomePrivateEventsAndARestartDoesNotRepeatThem() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        DirectMessage first = sandbox.directMessage("emma", "Where is my parcel? #help");
        DirectMessage second = sandbox.directMessage("liam", "I want to buy 20 units @acme");
        XRoutes routes = run(keys().directMessages());

        List<Sink.Message> got = sink.await(2, WAIT);
        assertThat(Sink.keys(got)).containsExactlyInAnyOrder("x:dm:" + first.id(), "x:dm:" + second.id());
        assertThat(got).allSatisfy(m -> assertThat(m.headers()).containsEntry(XHeaders.VISIBILITY, "private"));
        SocialEvent event = events(got).stream().filter(e -> e.postId().equals("dm:" + first.id())).findFirst()
                .orElseThrow();
        long emma = sandbox.author("emma").orElseThrow().id();
        long brand = sandbox.brand().id();
        assertThat(event.text()).isEqualTo("Where is my parcel? #help");
        assertThat(event.author().id()).isEqualTo("" + emma);
        assertThat(event.author().handle()).as("looked up with users/show").isEqualTo("emma");
        assertThat(event.conversationId()).isEqualTo("dm:" + Math.min(emma, brand) + "-" + Math.max(emma, brand));
        assertThat(event.url()).as("private: no link").isNull();
        assertThat(event.hashtags()).containsExactly("help");
        assertThat(event.createdAt()).isEqualTo(first.createdAt().truncatedTo(ChronoUnit.MILLIS));
        XCamel.await("cursor stored", WAIT, () -> ("" + second.id()).equals(
                cursors.snapshot().get("x.v1.direct-messages")));
        assertThat(routes.status(XRoutes.ROUTE_TWITTER_DIRECT_MESSAGES).delivered()).isEqualTo(2);
        camel.stop();

        DirectMessage third = sandbox.directMessage("mia", "hello?");
        run(keys().directMessages());
        sink.await(3, WAIT);
        assertThat(Sink.keys(sink.drain(Duration.ofMillis(600)))).hasSize(3).endsWith("x:dm:" + third.id());
    }

    @Test
    void a429SkipsPollsWithoutFailingTheRouteOrLosingMentions() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults()
                .withRateLimit(XEndpoint.V1_MENTIONS_TIMELINE, RateLimit.of(3, Duration.ofSeconds(2))), 0);
        Post before = sandbox.post("emma", "@acme one");
        XRoutes routes = run(keys().mentions().backingOffFor(3));
        sink.await(1, WAIT);
        XCamel.await("rate limited", WAIT, () -> String.valueOf(routes.status(XRoutes.ROUTE_TWITTER_MENTIONS)
                .backoffReason()).startsWith("429"));
        Post during = sandbox.post("liam", "@acme two");

        List<Sink.Message> got = sink.await(2, WAIT);

        assertThat(Sink.keys(got)).containsExactly("x:" + before.id(), "x:" + during.id());
        assertThat(camel.getRouteController().getRouteStatus(XRoutes.ROUTE_TWITTER_MENTIONS).isStarted()).isTrue();
    }
}
