package io.rapport.sim.social;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filtered stream's rules endpoint and the long-lived NDJSON stream, read as a client reads it: line by line. */
class FilteredStreamTest {

    private SocialSandbox sandbox;
    private XClient x;

    @BeforeEach
    void start() throws Exception {
        sandbox = SocialSandbox.start(SocialSandbox.Config.defaults().withStreamHeartbeat(Duration.ofMillis(200)), 0);
        x = new XClient(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void addsListsAndDeletesRulesInXsShapes() throws Exception {
        XClient.Answer empty = x.get("/2/tweets/search/stream/rules");
        assertThat(empty.body().has("data")).isFalse();
        assertThat(empty.body().get("meta").get("result_count").asInt()).isZero();
        assertThat(empty.body().get("meta").get("sent").asText()).endsWith("Z");

        XClient.Answer added = x.post("/2/tweets/search/stream/rules", """
                {"add":[{"value":"@acme -is:retweet","tag":"mentions"},{"value":"#acmefail"}]}""");
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("data")).hasSize(2);
        assertThat(added.body().get("data").get(0).get("tag").asText()).isEqualTo("mentions");
        assertThat(added.body().get("meta").get("summary").toString())
                .isEqualTo("{\"created\":2,\"not_created\":0,\"valid\":2,\"invalid\":0}");
        String firstId = added.body().get("data").get(0).get("id").asText();

        XClient.Answer duplicate = x.post("/2/tweets/search/stream/rules", """
                {"add":[{"value":"#acmefail"}]}""");
        assertThat(duplicate.body().get("errors").get(0).get("title").asText()).isEqualTo("DuplicateRule");
        assertThat(duplicate.body().get("meta").get("summary").get("not_created").asInt()).isEqualTo(1);

        XClient.Answer invalid = x.post("/2/tweets/search/stream/rules", """
                {"add":[{"value":"acme"},{"value":"nope:x"}]}""");
        assertThat(invalid.body().get("errors").get(0).get("title").asText()).isEqualTo("Invalid Rule");
        assertThat(invalid.body().get("meta").get("summary").get("created").asInt()).isZero();
        assertThat(invalid.body().get("meta").get("summary").get("invalid").asInt()).isEqualTo(1);

        XClient.Answer dryRun = x.post("/2/tweets/search/stream/rules?dry_run=true", """
                {"add":[{"value":"acme lang:de"}]}""");
        assertThat(dryRun.body().get("meta").get("summary").get("valid").asInt()).isEqualTo(1);
        assertThat(sandbox.streamRules()).containsExactly("@acme -is:retweet", "#acmefail");

        XClient.Answer listed = x.get("/2/tweets/search/stream/rules");
        assertThat(listed.body().get("data")).hasSize(2);
        assertThat(listed.body().get("meta").get("result_count").asInt()).isEqualTo(2);

        XClient.Answer deleted = x.post("/2/tweets/search/stream/rules",
                "{\"delete\":{\"ids\":[\"" + firstId + "\",\"123\"]}}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("meta").get("summary").toString())
                .isEqualTo("{\"deleted\":1,\"not_deleted\":1}");
        assertThat(deleted.body().get("errors").get(0).get("value").asText()).isEqualTo("123");
        assertThat(sandbox.streamRules()).containsExactly("#acmefail");
    }

    @Test
    void streamsOnlyMatchingPostsAsNdjsonWithHeartbeatsAndOneConnectionPerApp() throws Exception {
        String ruleId = sandbox.addStreamRule("@acme -is:retweet", "brand mentions");
        sandbox.addStreamRule("#acmefail", "angry");

        HttpResponse<InputStream> response = x.http.send(x.request("/2/tweets/search/stream"
                + "?tweet.fields=author_id,lang,entities&expansions=author_id&user.fields=public_metrics").GET()
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("x-rate-limit-limit")).hasValue("50");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception ignored) {
                // the stream ended
            }
            lines.add("<end>");
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(5, TimeUnit.SECONDS)).as("a heartbeat").isEmpty();
        assertThat(sandbox.streamConnected()).isTrue();

        XClient.Answer second = x.get("/2/tweets/search/stream");
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.body().get("connection_issue").asText()).isEqualTo("TooManyConnections");

        Post mention = sandbox.post("emma", "hey @acme where is my parcel");
        sandbox.post("liam", "nothing about brands");
        sandbox.post(NewPost.by("noah").retweetOf(mention.id()));
        Post both = sandbox.post("mia", "@acme broke again #acmefail");

        List<JsonNode> messages = new ArrayList<>();
        while (messages.size() < 2) {
            String line = lines.poll(5, TimeUnit.SECONDS);
            assertThat(line).as("a message").isNotNull().isNotEqualTo("<end>");
            if (!line.isEmpty()) {
                messages.add(XClient.JSON.readTree(line));
            }
        }
        assertThat(messages.get(0).get("data").get("id").asLong()).isEqualTo(mention.id());
        assertThat(messages.get(0).get("data").get("author_id").asText())
                .isEqualTo(String.valueOf(mention.author().id()));
        assertThat(messages.get(0).get("includes").get("users").get(0).get("username").asText()).isEqualTo("emma");
        assertThat(messages.get(0).get("matching_rules").get(0).get("id").asText()).isEqualTo(ruleId);
        assertThat(messages.get(0).get("matching_rules").get(0).get("tag").asText()).isEqualTo("brand mentions");
        assertThat(messages.get(1).get("data").get("id").asLong()).isEqualTo(both.id());
        assertThat(messages.get(1).get("matching_rules")).hasSize(2);

        String next = lines.poll(5, TimeUnit.SECONDS);
        assertThat(next).as("heartbeats keep coming while nothing matches").isEmpty();

        sandbox.disconnectStream();
        String end;
        do {
            end = lines.poll(5, TimeUnit.SECONDS);
        } while (end != null && end.isEmpty());
        assertThat(end).isEqualTo("<end>");
        for (int i = 0; i < 50 && sandbox.streamConnected(); i++) {
            Thread.sleep(20);
        }
        assertThat(sandbox.streamConnected()).isFalse();
        assertThat(sandbox.requestCounts()).containsEntry("GET /2/tweets/search/stream", 2L);
    }
}
