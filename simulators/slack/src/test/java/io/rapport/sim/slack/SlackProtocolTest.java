package io.rapport.sim.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The wire protocol as Slack documents it, for clients other than the Camel component. */
class SlackProtocolTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private SlackSandbox slack;

    @BeforeEach
    void start() throws Exception {
        slack = SlackSandbox.start(SlackSandbox.Config.defaults(), 0);
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    @Test
    void aWebhookAnswersOkAndPostsToItsOwnChannelWhateverThePayloadAsks() throws Exception {
        String webhook = slack.createWebhook("alerts");

        HttpResponse<String> posted = post(webhook, "application/json",
                "{\"text\":\"hello\",\"channel\":\"#general\",\"username\":\"someone\"}", null);
        HttpResponse<String> asForm = post(webhook, "application/x-www-form-urlencoded",
                "payload=" + URLEncoder.encode("{\"text\":\"from a form\"}", StandardCharsets.UTF_8), null);

        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).isEqualTo("ok");
        assertThat(asForm.body()).isEqualTo("ok");
        assertThat(slack.messages("alerts")).extracting(SlackMessage::text).containsExactly("hello", "from a form");
        assertThat(slack.messages("alerts").get(0).username()).isNull();
        assertThat(slack.messages("general")).isEmpty();
    }

    @Test
    void aWebhookRefusesWithSlacksStatusesAndErrors() throws Exception {
        String webhook = slack.createWebhook("alerts");
        HttpResponse<String> notJson = post(webhook, "application/json", "{text", null);
        HttpResponse<String> noText = post(webhook, "application/json", "{\"text\":\"\"}", null);
        HttpResponse<String> unknown = post(slack.baseUrl() + "/services/T0RAPPORT1/B000/nothing", "application/json",
                "{\"text\":\"x\"}", null);
        slack.archiveChannel("alerts");
        HttpResponse<String> archived = post(webhook, "application/json", "{\"text\":\"x\"}", null);

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).isEqualTo("invalid_payload");
        assertThat(noText.body()).isEqualTo("no_text");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("no_service");
        assertThat(archived.statusCode()).isEqualTo(410);
        assertThat(archived.body()).isEqualTo("channel_is_archived");
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void chatPostMessageTakesJsonOrFormAndAnswersWithTheMessage() throws Exception {
        String token = slack.config().botToken();
        String alerts = slack.createChannel("alerts");

        JsonNode asJson = json(post(slack.baseUrl() + "/api/chat.postMessage", "application/json; charset=utf-8",
                "{\"channel\":\"" + alerts + "\",\"text\":\"hi\",\"blocks\":[{\"type\":\"section\"}]}", token));
        JsonNode asForm = json(post(slack.baseUrl() + "/api/chat.postMessage", "application/x-www-form-urlencoded",
                "channel=alerts&text=there&token=" + token, null));

        assertThat(asJson.get("ok").asBoolean()).isTrue();
        assertThat(asJson.get("channel").asText()).isEqualTo(alerts);
        assertThat(asJson.at("/message/text").asText()).isEqualTo("hi");
        assertThat(asJson.at("/message/ts").asText()).isEqualTo(asJson.get("ts").asText());
        assertThat(asJson.at("/message/blocks/0/type").asText()).isEqualTo("section");
        assertThat(asForm.get("ok").asBoolean()).isTrue();
        assertThat(asForm.get("ts").asText()).isGreaterThan(asJson.get("ts").asText());
        assertThat(slack.messages("#alerts")).extracting(SlackMessage::text).containsExactly("hi", "there");
    }

    @Test
    void chatPostMessageRefusalsAreOkFalseWithSlacksErrors() throws Exception {
        String url = slack.baseUrl() + "/api/chat.postMessage";
        String token = slack.config().botToken();

        HttpResponse<String> noToken = post(url, "application/json", "{\"channel\":\"alerts\",\"text\":\"x\"}", null);
        assertThat(noToken.statusCode()).isEqualTo(200);
        assertThat(json(noToken).get("error").asText()).isEqualTo("not_authed");
        assertThat(error(post(url, "application/json", "{\"channel\":\"alerts\",\"text\":\"x\"}", "xoxb-wrong")))
                .isEqualTo("invalid_auth");
        assertThat(error(post(url, "application/json", "{\"channel\":\"C000NOPE\",\"text\":\"x\"}", token)))
                .isEqualTo("channel_not_found");
        assertThat(error(post(url, "application/json", "{\"channel\":\"alerts\"}", token))).isEqualTo("no_text");
        assertThat(error(post(url, "application/json", "{\"channel\":\"alerts\",\"text\":\"" + "x".repeat(40_001)
                + "\"}", token))).isEqualTo("msg_too_long");
        assertThat(error(post(url, "application/json", "{oops", token))).isEqualTo("invalid_json");
        HttpResponse<String> unknownMethod = post(slack.baseUrl() + "/api/chat.postEverything", "application/json",
                "{}", token);
        assertThat(unknownMethod.statusCode()).isEqualTo(404);
        assertThat(json(unknownMethod).get("error").asText()).isEqualTo("unknown_method");
        assertThat(slack.messages()).isEmpty();
    }

    @Test
    void authTestNamesTheBotAndItsTeam() throws Exception {
        JsonNode answer = json(post(slack.baseUrl() + "/api/auth.test", "application/x-www-form-urlencoded", "",
                slack.config().botToken()));

        assertThat(answer.get("ok").asBoolean()).isTrue();
        assertThat(answer.get("team_id").asText()).isEqualTo("T0RAPPORT1");
        assertThat(answer.get("bot_id").asText()).startsWith("B");
    }

    private HttpResponse<String> post(String url, String contentType, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return SandboxHttp.JSON.readTree(response.body());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode answer = json(response);
        assertThat(answer.get("ok").asBoolean()).isFalse();
        return answer.get("error").asText();
    }
}
