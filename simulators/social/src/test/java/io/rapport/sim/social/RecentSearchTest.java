package io.rapport.sim.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /2/tweets/search/recent}: the query language, paging, since_id, expansions and X's errors. */
class RecentSearchTest {

    private SocialSandbox sandbox;
    private XClient x;

    @BeforeEach
    void start() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults(), 0);
        x = new XClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void keywordsPhrasesOrAndNegationMatchAsOnX() throws Exception {
        Post love = sandbox.post("emma", "I love my new Acme One 😍 #acme");
        Post late = sandbox.post("liam", "@acme my order is late AGAIN");
        Post spanish = sandbox.post(NewPost.by("lucia").text("¡Me encanta @acme!").lang("es"));
        Post retweet = sandbox.post(NewPost.by("noah").retweetOf(love.id()));
        Post reply = sandbox.post(NewPost.by("acme").replyTo(late.id()).text("Sorry! DM us your order number"));
        Post other = sandbox.post("mia", "nothing to see here");

        assertThat(ids("acme")).containsExactly(retweet.id(), spanish.id(), late.id(), love.id());
        assertThat(ids("\"order is late\"")).containsExactly(late.id());
        assertThat(ids("(love OR late) -is:retweet")).containsExactly(late.id(), love.id());
        assertThat(ids("love OR late -is:retweet")).containsExactly(retweet.id(), late.id(), love.id());
        assertThat(ids("(love OR encanta) lang:es")).containsExactly(spanish.id());
        assertThat(ids("@acme -is:reply")).containsExactly(spanish.id(), late.id());
        assertThat(ids("#acme")).containsExactly(retweet.id(), love.id());
        assertThat(ids("from:acme is:reply")).containsExactly(reply.id());
        assertThat(ids("to -acme")).containsExactly(other.id());
        assertThat(ids("see here")).containsExactly(other.id());
        assertThat(ids("😍 -is:retweet")).containsExactly(love.id());
        assertThat(ids("is:retweet")).containsExactly(retweet.id());
        assertThat(retweet.text()).isEqualTo("RT @emma: I love my new Acme One 😍 #acme");
        assertThat(reply.text()).startsWith("@liam ");
        assertThat(sandbox.post(love.id()).orElseThrow().metrics().retweets()).isEqualTo(1);
    }

    @Test
    void answersXsShapeWithFieldsAndExpansions() throws Exception {
        sandbox.addAuthor(new Author(42L, "bigfan", "Big Fan", true, 250_000, 300, 9_000, "en",
                Instant.parse("2012-05-01T10:00:00Z")));
        Post original = sandbox.post("bigfan", "Loving @acme today #blessed https://t.co/abc 😍");
        Post reply = sandbox.post(NewPost.by("emma").replyTo(original.id()).text("same!! @acme rocks"));

        XClient.Answer answer = x.search("acme", "tweet.fields=author_id,created_at,conversation_id,lang,"
                + "public_metrics,referenced_tweets,entities&expansions=author_id,referenced_tweets.id"
                + "&user.fields=verified,public_metrics");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode first = answer.body().get("data").get(0);
        assertThat(first.get("id").asText()).isEqualTo(String.valueOf(reply.id()));
        assertThat(first.get("conversation_id").asText()).isEqualTo(String.valueOf(original.id()));
        assertThat(first.get("referenced_tweets").get(0).get("type").asText()).isEqualTo("replied_to");
        assertThat(first.get("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        JsonNode second = answer.body().get("data").get(1);
        assertThat(second.get("public_metrics").get("reply_count").asInt()).isEqualTo(1);
        assertThat(second.get("lang").asText()).isEqualTo("en");
        JsonNode entities = second.get("entities");
        assertThat(entities.get("mentions").get(0).get("username").asText()).isEqualTo("acme");
        assertThat(entities.get("mentions").get(0).get("start").asInt()).isEqualTo(7);
        assertThat(entities.get("hashtags").get(0).get("tag").asText()).isEqualTo("blessed");
        assertThat(entities.get("urls").get(0).get("url").asText()).isEqualTo("https://t.co/abc");
        JsonNode users = answer.body().get("includes").get("users");
        assertThat(users).hasSize(2);
        JsonNode fan = users.get(1);
        assertThat(fan.get("username").asText()).isEqualTo("bigfan");
        assertThat(fan.get("verified").asBoolean()).isTrue();
        assertThat(fan.get("public_metrics").get("followers_count").asInt()).isEqualTo(250_000);
        assertThat(answer.body().get("includes").get("tweets").get(0).get("id").asText())
                .isEqualTo(String.valueOf(original.id()));
        JsonNode meta = answer.body().get("meta");
        assertThat(meta.get("newest_id").asText()).isEqualTo(String.valueOf(reply.id()));
        assertThat(meta.get("oldest_id").asText()).isEqualTo(String.valueOf(original.id()));
        assertThat(meta.get("result_count").asInt()).isEqualTo(2);
        assertThat(meta.has("next_token")).isFalse();

        JsonNode plain = x.search("acme", "").body().get("data").get(0);
        assertThat(plain.fieldNames()).toIterable().containsExactly("id", "text", "edit_history_tweet_ids");
    }

    @Test
    void pagesWithNextTokenAndPicksUpWithSinceId() throws Exception {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(sandbox.post("user" + i, "acme post number " + i).id());
        }
        List<Long> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            XClient.Answer page = x.search("acme", "max_results=10" + (token == null ? "" : "&next_token=" + token));
            page.body().get("data").forEach(t -> seen.add(t.get("id").asLong()));
            JsonNode next = page.body().get("meta").get("next_token");
            token = next == null ? null : next.asText();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        List<Long> newestFirst = new ArrayList<>(all);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        Post newer = sandbox.post("late", "acme one more");
        XClient.Answer since = x.search("acme", "since_id=" + all.get(all.size() - 1));
        assertThat(since.body().get("data")).hasSize(1);
        assertThat(since.body().get("data").get(0).get("id").asLong()).isEqualTo(newer.id());

        XClient.Answer nothing = x.search("acme", "since_id=" + newer.id());
        assertThat(nothing.body().has("data")).isFalse();
        assertThat(nothing.body().get("meta").get("result_count").asInt()).isZero();
    }

    @Test
    void refusesWhatXRefuses() throws Exception {
        XClient.Answer tooFew = x.search("acme", "max_results=5");
        assertThat(tooFew.status()).isEqualTo(400);
        assertThat(tooFew.body().get("title").asText()).isEqualTo("Invalid Request");
        assertThat(tooFew.body().get("errors").get(0).get("message").asText()).contains("between 10 and 100");

        assertThat(x.search("acme foo:bar", "").status()).isEqualTo(400);
        assertThat(x.search("(acme", "").status()).isEqualTo(400);
        assertThat(x.search("acme", "tweet.fields=nonsense").status()).isEqualTo(400);
        assertThat(x.get("/2/tweets/search/recent").status()).isEqualTo(400);
        assertThat(x.get("/2/tweets/nope").status()).isEqualTo(404);
    }

    private List<Long> ids(String query) throws Exception {
        XClient.Answer answer = x.search(query, "max_results=100");
        assertThat(answer.status()).as(query + ": " + answer.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        if (answer.body().has("data")) {
            answer.body().get("data").forEach(t -> ids.add(t.get("id").asLong()));
        }
        return ids;
    }
}
