package io.rapport.sim.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.v1.DirectMessageList;
import twitter4j.v1.Paging;
import twitter4j.v1.Query;
import twitter4j.v1.QueryResult;
import twitter4j.v1.ResponseList;
import twitter4j.v1.Status;
import twitter4j.v1.User;

/**
 * The real Twitter4J 4.1.2 client (what camel-twitter 4.17.0 uses), unchanged, parses what the sandbox's v1.1
 * endpoints answer: search with paging, the mentions timeline with since_id, direct message events, the user
 * look-ups, rate-limit headers and error codes.
 */
class Twitter4jAgainstSandboxTest {

    private SocialSandbox sandbox;
    private Twitter twitter;

    @BeforeEach
    void start() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        twitter = twitter(sandbox.config().consumerKey());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private Twitter twitter(String consumerKey) {
        Properties properties = new Properties();
        properties.setProperty("restBaseURL", sandbox.v1BaseUrl());  // Twitter4J 4.1 has no builder method for it
        return Twitter.newBuilder().load(properties)
                .oAuthConsumer(consumerKey, "consumer-secret")
                .oAuthAccessToken("access-token", "access-token-secret")
                .tweetModeExtended(true)
                .httpRetryCount(0)
                .build();
    }

    @Test
    void searchesAndPagesThroughResults() throws Exception {
        Post original = sandbox.post("emma", "Loving my @acme One 😍 #acme https://t.co/x1");
        Post retweet = sandbox.post(NewPost.by("noah").retweetOf(original.id()));
        Post quote = sandbox.post(NewPost.by("mia").quote(original.id()).text("this 👆 so true, acme"));
        List<Long> expected = new ArrayList<>(List.of(quote.id(), retweet.id(), original.id()));
        for (int i = 0; i < 7; i++) {
            expected.add(0, sandbox.post("user" + i, "acme number " + i).id());
        }

        QueryResult first = twitter.v1().search().search(Query.of("acme").count(4));
        assertThat(first.getTweets()).hasSize(4);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.getRateLimitStatus().getLimit()).isEqualTo(180);
        assertThat(first.getRateLimitStatus().getRemaining()).isEqualTo(179);
        List<Status> all = new ArrayList<>(first.getTweets());
        QueryResult page = first;
        while (page.hasNext()) {
            page = twitter.v1().search().search(page.nextQuery());
            all.addAll(page.getTweets());
        }
        assertThat(all).extracting(Status::getId).containsExactlyElementsOf(expected);

        Status parsedOriginal = all.get(all.size() - 1);
        assertThat(parsedOriginal.getText()).isEqualTo(original.text());
        assertThat(parsedOriginal.getUser().getScreenName()).isEqualTo("emma");
        assertThat(parsedOriginal.getUser().getFollowersCount()).isEqualTo(original.author().followers());
        assertThat(parsedOriginal.getCreatedAt()).isNotNull();
        assertThat(parsedOriginal.getLang()).isEqualTo("en");
        assertThat(parsedOriginal.getRetweetCount()).isEqualTo(1);
        assertThat(parsedOriginal.getUserMentionEntities()).extracting(e -> e.getScreenName()).containsExactly("acme");
        assertThat(parsedOriginal.getUserMentionEntities()[0].getStart()).isEqualTo(10);
        assertThat(parsedOriginal.getHashtagEntities()).extracting(e -> e.getText()).containsExactly("acme");
        assertThat(parsedOriginal.getURLEntities()).extracting(e -> e.getURL()).containsExactly("https://t.co/x1");
        Status parsedRetweet = all.get(all.size() - 2);
        assertThat(parsedRetweet.isRetweet()).isTrue();
        assertThat(parsedRetweet.getRetweetedStatus().getId()).isEqualTo(original.id());
        Status parsedQuote = all.get(all.size() - 3);
        assertThat(parsedQuote.getQuotedStatusId()).isEqualTo(original.id());
        assertThat(parsedQuote.getQuotedStatus().getUser().getScreenName()).isEqualTo("emma");

        QueryResult since = twitter.v1().search().search(Query.of("acme").sinceId(expected.get(1)));
        assertThat(since.getTweets()).extracting(Status::getId).containsExactly(expected.get(0));
        QueryResult spanish = twitter.v1().search().search(Query.of("acme").lang("es"));
        assertThat(spanish.getTweets()).isEmpty();
    }

    @Test
    void readsTheMentionsTimelineSinceAnId() throws Exception {
        Post first = sandbox.post("emma", "@acme where is my order?");
        sandbox.post("liam", "no brand here");
        Post reply = sandbox.post(NewPost.by("acme").replyTo(first.id()).text("Sorry! DM us please"));
        Post second = sandbox.post(NewPost.by("lucia").text("@ACME ¡gracias!").lang("es"));

        ResponseList<Status> mentions = twitter.v1().timelines().getMentionsTimeline();
        assertThat(mentions).extracting(Status::getId).containsExactly(second.id(), first.id());
        ResponseList<Status> newer = twitter.v1().timelines()
                .getMentionsTimeline(Paging.ofPage(1).count(5).sinceId(first.id()));
        assertThat(newer).extracting(Status::getId).containsExactly(second.id());
        assertThat(newer.get(0).getLang()).isEqualTo("es");

        Status parsedReply = twitter.v1().search().search(Query.of("from:acme")).getTweets().get(0);
        assertThat(parsedReply.getId()).isEqualTo(reply.id());
        assertThat(parsedReply.getInReplyToStatusId()).isEqualTo(first.id());
        assertThat(parsedReply.getInReplyToScreenName()).isEqualTo("emma");
    }

    @Test
    void readsDirectMessagesAndUsers() throws Exception {
        sandbox.directMessage("emma", "Hi, my order #123 never arrived");
        sandbox.directMessage("liam", "Can I change my delivery address?");

        DirectMessageList messages = twitter.v1().directMessages().getDirectMessages(20);
        assertThat(messages).extracting(m -> m.getText())
                .containsExactly("Can I change my delivery address?", "Hi, my order #123 never arrived");
        assertThat(messages.get(0).getSenderId()).isEqualTo(sandbox.author("liam").orElseThrow().id());
        assertThat(messages.get(0).getRecipientId()).isEqualTo(sandbox.brand().id());
        assertThat(messages.get(0).getCreatedAt()).isNotNull();
        assertThat(messages.getNextCursor()).isNull();
        DirectMessageList paged = twitter.v1().directMessages().getDirectMessages(1);
        assertThat(paged).hasSize(1);
        assertThat(twitter.v1().directMessages().getDirectMessages(1, paged.getNextCursor()))
                .extracting(m -> m.getText()).containsExactly("Hi, my order #123 never arrived");

        User me = twitter.v1().users().verifyCredentials();
        assertThat(me.getScreenName()).isEqualTo("acme");
        assertThat(me.isVerified()).isTrue();
        User emma = twitter.v1().users().showUser("emma");
        assertThat(emma.getId()).isEqualTo(sandbox.author("emma").orElseThrow().id());
        assertThat(emma.getCreatedAt()).isNotNull();
        assertThatThrownBy(() -> twitter.v1().users().showUser("nobody_here"))
                .isInstanceOfSatisfying(TwitterException.class, e -> assertThat(e.getErrorCode()).isEqualTo(50));
    }

    @Test
    void surfacesRateLimitsAndCredentialsAsTwitterExceptions() {
        sandbox.exhaustRateLimit(XEndpoint.V1_SEARCH);
        assertThatThrownBy(() -> twitter.v1().search().search(Query.of("acme")))
                .isInstanceOfSatisfying(TwitterException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getErrorCode()).isEqualTo(88);
                    assertThat(e.exceededRateLimitation()).isTrue();
                });
        assertThatThrownBy(() -> twitter("someone-else").v1().timelines().getMentionsTimeline())
                .isInstanceOfSatisfying(TwitterException.class, e -> assertThat(e.getErrorCode()).isEqualTo(32));
    }
}
