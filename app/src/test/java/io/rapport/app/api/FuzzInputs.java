package io.rapport.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.fuzz.JsonValues;
import io.rapport.app.fuzz.Mutations;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The generated inputs of the HTTP paths, shared by their fuzz harnesses (10,000 each, on the components) and
 * {@code IntakeFuzzIT} (a few hundred each, through the running hub).
 */
final class FuzzInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FuzzInputs() {
    }

    // ---- CSV import

    private static final List<byte[]> CSV_VALID = List.of(
            Mutations.utf8("""
                    source_id,given_name,family_name,email,loyalty_tier
                    c-1,Anna,Berg,anna@example.com,gold
                    c-2,"Bob ""the"" Builder",Ek,bob@example.com,
                    c-3,Carl,"Dahl, Jr.",carl@example.com,silver
                    """),
            Mutations.utf8("source_id,email,phone\r\n1,a@example.com,+47 22 00 00 00\r\n2,b@example.com,\r\n"),
            Mutations.utf8("""
                    "source_id","given_name","street","city"
                    "x-1","Åse","Storgata 1
                    2. etasje","Oslo"
                    "x-2","Zoë","Rue de l'Été","Genève"
                    """),
            Mutations.utf8("sourceId,givenName,familyName\n9,Jürgen,Müller\n10,李,小龙\n11,\uD83D\uDE00,Émoji\n"),
            Mutations.utf8("source_id\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n"));

    static Arbitrary<byte[]> csvFiles() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(7, Mutations.of(CSV_VALID, 6)),
                net.jqwik.api.Tuple.of(3, generatedFiles()));
    }

    static Arbitrary<String> csvSources() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.just("crm")),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "../etc", "a b", "CRM", "crm;drop", "x".repeat(300),
                        "ünïcode", "crm\n", "null")));
    }

    /** Files built from awkward values, with random quoting, separators and line endings. */
    private static Arbitrary<byte[]> generatedFiles() {
        Arbitrary<String> value = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.strings().alpha().numeric().ofMaxLength(12)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("", " ", "\"", "\"\"", "a,b", "line\nbreak", "cr\rlf",
                        "\u0000", "\u001b[31m", "=cmd|' /C calc'!A0", "\uFEFF", "\u202Eevil", "x".repeat(1_025),
                        "y".repeat(1_024), "NULL", "-0", "1e309", "c-1", "c-1 ")));
        Arbitrary<String> header = Arbitraries.of("source_id", "given_name", "family_name", "email", "phone",
                "street", "city", "postcode", "country", "birth_date", "sourceId", "loyalty_tier", "", "SOURCE_ID",
                "source_id ", "x").list().ofMinSize(1).ofMaxSize(7).map(columns -> String.join(",", columns));
        Arbitrary<String> field = Combinators.combine(value, Arbitraries.integers().between(0, 3))
                .as((v, quoting) -> switch (quoting) {
                    case 0 -> "\"" + v.replace("\"", "\"\"") + "\"";
                    case 1 -> "\"" + v + "\"";
                    default -> v;
                });
        Arbitrary<String> row = field.list().ofMaxSize(8).map(fields -> String.join(",", fields));
        Arbitrary<String> newline = Arbitraries.of("\n", "\r\n", "\r", "\n\n");
        return Combinators.combine(header, row.list().ofMaxSize(30), newline, Arbitraries.of(true, false))
                .as((h, rows, nl, idFirst) -> {
                    StringBuilder csv = new StringBuilder(idFirst ? "source_id," + h : h).append(nl);
                    for (String r : rows) {
                        csv.append(r).append(nl);
                    }
                    return csv.toString().getBytes(StandardCharsets.UTF_8);
                });
    }

    // ---- JSON records

    private static final Map<String, Object> RECORD = record();
    private static final List<String> RECORD_KEYS = List.of("source_id", "sourceId", "given_name", "givenName", "email",
            "phone", "family_name", "SOURCE_ID", " source_id ", "source__id", "", "unknown", "birth_date", "street",
            "given name", "GivenName", "\u0000", "ﬁeld");

    static Arbitrary<byte[]> recordBodies() {
        List<byte[]> seeds = List.of(json(RECORD), Mutations.utf8("{\"sourceId\": 7, \"givenName\": \"Zoë\","
                + " \"familyName\": \"Ærø\", \"vip\": true, \"score\": 1.5, \"phone\": null}"));
        return Arbitraries.frequencyOf(
                Tuple.of(5, Mutations.of(seeds, 4)),
                Tuple.of(4, JsonValues.mutate(RECORD, RECORD_KEYS).map(FuzzInputs::json)),
                Tuple.of(1, Arbitraries.of(Mutations.utf8("{\"source_id\": \"a\", \"source_id\": \"b\"}"),
                        Mutations.utf8("{\"source_id\": \"a\", \"email\": \"x@y\", \"email\": \"z@y\"}"),
                        Mutations.utf8("{\"source_id\": \"a\", \"givenName\": \"A\", \"given_name\": \"B\"}"),
                        Mutations.utf8("[" + json(RECORD).length + "]"), Mutations.utf8("\"text\""),
                        Mutations.utf8("{\"source_id\": \"a\"} {\"source_id\": \"b\"}"), new byte[0])));
    }

    static Arbitrary<String> recordSources() {
        return Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.just("web")),
                Tuple.of(1, Arbitraries.of("", "../x", "a b", "x".repeat(300), "ünï", "web\n")));
    }

    private static Map<String, Object> record() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("source_id", "W-1");
        record.put("given_name", "Anna");
        record.put("family_name", "Berg");
        record.put("email", "anna@example.com");
        record.put("phone", "+47 22 00 00 00");
        record.put("loyalty_tier", "gold");
        return record;
    }


    // ---- social webhook

    private static final Map<String, Object> CANONICAL = canonical();
    private static final Map<String, Object> X_POST = xPost();
    private static final List<String> CANONICAL_KEYS = List.of("platform", "postId", "author", "text", "language",
            "createdAt", "conversationId", "references", "mentions", "hashtags", "engagement", "url", "rawPayloadId",
            "data", "includes", "unknown", "");
    private static final List<String> X_KEYS = List.of("data", "includes", "matching_rules", "errors", "meta", "text",
            "extra");

    static Arbitrary<byte[]> socialBodies() {
        List<byte[]> seeds = List.of(json(CANONICAL), json(X_POST));
        return Arbitraries.frequencyOf(
                Tuple.of(5, Mutations.of(seeds, 4)),
                Tuple.of(2, JsonValues.mutate(CANONICAL, CANONICAL_KEYS).map(FuzzInputs::json)),
                Tuple.of(2, JsonValues.mutate(X_POST, X_KEYS).map(FuzzInputs::json)),
                Tuple.of(1, nested()));
    }

    /** Mutations inside the nested objects (author, engagement, the X post and its users). */
    private static Arbitrary<byte[]> nested() {
        @SuppressWarnings("unchecked")
        Map<String, Object> author = (Map<String, Object>) CANONICAL.get("author");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) X_POST.get("data");
        return Arbitraries.oneOf(
                JsonValues.mutate(author, List.of("id", "handle", "displayName", "followers", "verified", "x"))
                        .map(a -> with(CANONICAL, "author", a)),
                JsonValues.mutate(data, List.of("id", "text", "author_id", "created_at", "lang", "entities",
                        "referenced_tweets", "public_metrics", "bogus")).map(d -> with(X_POST, "data", d)))
                .map(FuzzInputs::json);
    }

    static Arbitrary<String> socialSources() {
        return Arbitraries.frequencyOf(Tuple.of(20, Arbitraries.of("x", "webhook")),
                Tuple.of(1, Arbitraries.of("", "../x", "a b", "x".repeat(300), "ünï")));
    }

    private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> canonical() {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("id", "u-1");
        author.put("handle", "anna_b");
        author.put("displayName", "Anna Berg");
        author.put("followers", 120);
        author.put("verified", false);
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("platform", "x");
        post.put("postId", "1001");
        post.put("author", author);
        post.put("text", "@rapport my order #123 never arrived \uD83D\uDE20");
        post.put("language", "en");
        post.put("createdAt", "2026-11-24T10:15:00Z");
        post.put("mentions", List.of("@rapport"));
        post.put("hashtags", List.of("#help"));
        post.put("references", List.of(Map.of("kind", "REPLY", "postId", "1000")));
        post.put("engagement", Map.of("likes", 3, "replies", 1, "reposts", 0, "quotes", 0));
        return post;
    }

    private static Map<String, Object> xPost() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", "1850000000000000001");
        data.put("text", "Love the new app from @rapport \u2764\uFE0F");
        data.put("author_id", "42");
        data.put("created_at", "2026-11-24T10:15:00.000Z");
        data.put("lang", "en");
        data.put("conversation_id", "1850000000000000001");
        data.put("public_metrics", Map.of("like_count", 5, "reply_count", 0, "retweet_count", 1, "quote_count", 0));
        data.put("entities", Map.of("mentions", List.of(Map.of("start", 22, "end", 30, "username", "rapport"))));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("data", data);
        doc.put("includes", Map.of("users", List.of(Map.of("id", "42", "name", "Ola Nordmann", "username", "ola_n"))));
        return doc;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
