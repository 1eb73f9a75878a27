package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Chatter feed items through the Connect REST API: posting to a record's feed, mentions, reading feeds, errors. */
class ChatterResourceTest {

    private static final String FEED_ELEMENTS = "/services/data/v62.0/chatter/feed-elements";

    private SalesforceSandbox sandbox;
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        sandbox = SalesforceSandbox.start(SalesforceSandbox.Config.defaults(), 0);
        api = new ApiClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aPostToARecordsFeedIsAFeedItemWithItsTextAndMention() throws Exception {
        String lead = sandbox.insert("Lead", Map.of("LastName", "Berg", "Company", "Acme"));
        String owner = sandbox.addUser("Maria", "Lind");

        HttpResponse<String> posted = api.call("POST", FEED_ELEMENTS, """
                {"body":{"messageSegments":[{"type":"Mention","id":"%s"},
                  {"type":"Text","text":" angry post from a big account"}]},
                 "feedElementType":"FeedItem","subjectId":"%s"}""".formatted(owner, lead));

        assertThat(posted.statusCode()).isEqualTo(201);
        JsonNode element = ApiClient.JSON.readTree(posted.body());
        assertThat(element.get("id").asText()).startsWith("0D5").hasSize(18);
        assertThat(element.get("feedElementType").asText()).isEqualTo("FeedItem");
        assertThat(element.at("/body/text").asText()).isEqualTo("@Maria Lind angry post from a big account");
        assertThat(element.at("/body/messageSegments/0/type").asText()).isEqualTo("Mention");
        assertThat(element.at("/body/messageSegments/0/record/id").asText()).isEqualTo(owner);
        assertThat(element.at("/parent/id").asText()).isEqualTo(lead);
        assertThat(element.at("/parent/type").asText()).isEqualTo("Lead");
        assertThat(element.at("/parent/name").asText()).isEqualTo("Berg");
        assertThat(element.at("/actor/id").asText()).isEqualTo(sandbox.apiUserId());
        assertThat(element.get("createdDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(element.has("capabilities")).isTrue();
        assertThat(element.get("url").asText()).isEqualTo(FEED_ELEMENTS + "/" + element.get("id").asText());

        JsonNode read = api.json("GET", FEED_ELEMENTS + "/" + element.get("id").asText(), null);
        assertThat(read.at("/body/text").asText()).isEqualTo(element.at("/body/text").asText());
        assertThat(api.queryJson("SELECT Id, Body FROM FeedItem WHERE ParentId = '" + lead + "'")
                .at("/records/0/Body").asText()).isEqualTo("@Maria Lind angry post from a big account");
        assertThat(sandbox.requestCounts()).containsEntry("chatter", 2L);
    }

    @Test
    void aRecordFeedListsItsPostsNewestFirstInPages() throws Exception {
        String account = sandbox.insert("Account", Map.of("Name", "Acme"));
        String other = sandbox.insert("Account", Map.of("Name", "Other"));
        for (int i = 1; i <= 3; i++) {
            post(account, "post " + i);
        }
        post(other, "elsewhere");
        post("me", "to my own feed");

        JsonNode page = api.json("GET", "/services/data/v62.0/chatter/feeds/record/" + account
                + "/feed-elements?pageSize=2", null);

        assertThat(page.get("elements")).extracting(e -> e.at("/body/text").asText())
                .containsExactly("post 3", "post 2");
        JsonNode next = api.json("GET", page.get("nextPageUrl").asText(), null);
        assertThat(next.get("elements")).extracting(e -> e.at("/body/text").asText()).containsExactly("post 1");
        assertThat(next.get("nextPageUrl").isNull()).isTrue();
        assertThat(sandbox.chatterFeed(sandbox.apiUserId())).extracting(e -> (Object) ((Map<?, ?>) e.get("body")).get("text"))
                .containsExactly("to my own feed");
    }

    @Test
    void badInputIsRefusedWithSalesforcesErrors() throws Exception {
        String lead = sandbox.insert("Lead", Map.of("LastName", "Berg", "Company", "Acme"));

        HttpResponse<String> noSubject = api.call("POST", FEED_ELEMENTS,
                "{\"body\":{\"messageSegments\":[{\"type\":\"Text\",\"text\":\"hi\"}]},\"feedElementType\":\"FeedItem\"}");
        HttpResponse<String> unknownSubject = api.call("POST", FEED_ELEMENTS, body("00Q5g00000ZZZZZZZZ", "hi"));
        HttpResponse<String> noText = api.call("POST", FEED_ELEMENTS,
                "{\"body\":{\"messageSegments\":[]},\"feedElementType\":\"FeedItem\",\"subjectId\":\"" + lead + "\"}");
        HttpResponse<String> tooLong = api.call("POST", FEED_ELEMENTS, body(lead, "x".repeat(10_001)));
        HttpResponse<String> mentionOfALead = api.call("POST", FEED_ELEMENTS, """
                {"body":{"messageSegments":[{"type":"Mention","id":"%s"}]},"feedElementType":"FeedItem",
                 "subjectId":"%s"}""".formatted(lead, lead));
        HttpResponse<String> notJson = api.call("POST", FEED_ELEMENTS, "{body");

        assertThat(noSubject.statusCode()).isEqualTo(400);
        assertThat(ApiClient.errorCode(noSubject)).isEqualTo("INVALID_API_INPUT");
        assertThat(unknownSubject.statusCode()).isEqualTo(404);
        assertThat(ApiClient.errorCode(unknownSubject)).isEqualTo("NOT_FOUND");
        assertThat(ApiClient.errorCode(noText)).isEqualTo("INVALID_API_INPUT");
        assertThat(ApiClient.JSON.readTree(tooLong.body()).get(0).get("message").asText()).contains("10000");
        assertThat(ApiClient.errorCode(mentionOfALead)).isEqualTo("INVALID_API_INPUT");
        assertThat(ApiClient.errorCode(notJson)).isEqualTo("JSON_PARSER_ERROR");
        assertThat(sandbox.count("FeedItem")).isZero();
    }

    private void post(String subject, String text) throws Exception {
        assertThat(api.call("POST", FEED_ELEMENTS, body(subject, text)).statusCode()).isEqualTo(201);
    }

    private static String body(String subject, String text) {
        return "{\"body\":{\"messageSegments\":[{\"type\":\"Text\",\"text\":\"" + text + "\"}]},"
                + "\"feedElementType\":\"FeedItem\",\"subjectId\":\"" + subject + "\"}";
    }
}
