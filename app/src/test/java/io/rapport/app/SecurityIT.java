package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Roles, CSRF and the Jolokia access policy over real HTTP (docs/security.md). A plain JDK client, so that
 * cookies, redirects and headers are exactly what a browser or script would send and get.
 */
class SecurityIT extends HubIntegrationTest {

    private static final String OPERATOR = "operator";
    private static final String OPERATOR_PASSWORD = "rapport-operator";

    @LocalServerPort
    int port;

    private final HttpClient anonymous = HttpClient.newHttpClient();

    @Test
    void unauthenticatedRequestsToApiHawtioAndJolokiaAreRefused() throws Exception {
        assertThat(send(anonymous, get("/api/v1/pipeline/status")).statusCode()).isEqualTo(401);
        assertThat(send(anonymous, post("/api/v1/customers/import?source=anon", "source_id\na-1\n", "text/csv"))
                .statusCode()).isEqualTo(401);

        assertThat(send(anonymous, get("/actuator/hawtio/")).statusCode()).isEqualTo(401);
        HttpResponse<String> console = send(anonymous, get("/actuator/hawtio/").header("Accept", "text/html"));
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(send(anonymous, get("/actuator/hawtio/auth/config")).statusCode()).isIn(302, 401);

        assertThat(send(anonymous, get("/actuator/jolokia/version")).statusCode()).isEqualTo(401);
        assertThat(send(anonymous, post("/actuator/jolokia", "{\"type\":\"version\"}", "application/json"))
                .statusCode()).isIn(401, 403);
        assertThat(send(anonymous, get("/actuator/jolokia/read/java.lang:type=Memory")).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongPasswordsAreRefused() throws Exception {
        assertThat(send(anonymous, basic(get("/api/v1/pipeline/status"), OPERATOR, "guess")).statusCode())
                .isEqualTo(401);
        assertThat(send(anonymous, basic(get("/actuator/jolokia/version"), ADMIN, "guess")).statusCode())
                .isEqualTo(401);
    }

    /** Each role against each kind of API operation; an allowed request gets past security (2xx, 400 or 404). */
    @ParameterizedTest(name = "{0} {1}: viewer {2}, operator {3}, admin {4}")
    @CsvSource({
            "GET,  /api/v1/pipeline/status,                              allowed, allowed, allowed",
            "GET,  /api/v1/stewardship/review,                           allowed, allowed, allowed",
            "POST, /api/v1/customers/records?source=roles,               refused, allowed, allowed",
            "POST, /api/v1/social/events,                                refused, allowed, allowed",
            "POST, /api/v1/social/replies/00000000-0000-0000-0000-000000000000/dismiss, refused, allowed, allowed",
            "POST, /api/v1/social/rules/dry-run,                         refused, allowed, allowed",
            "POST, /api/v1/pipeline/dead-letters/dlq.no-such-queue/replay, refused, allowed, allowed",
            "POST, /api/v1/stewardship/merge,                            refused, refused, allowed",
            "POST, /api/v1/stewardship/split,                            refused, refused, allowed",
            "POST, /api/v1/stewardship/keep-apart,                       refused, refused, allowed",
            "POST, /api/v1/social/authors/x:nobody/link,                 refused, refused, allowed",
            "POST, /api/v1/social/authors/x:nobody/reject,               refused, refused, allowed",
            "POST, /api/v1/customers/00000000-0000-0000-0000-000000000000/erase, refused, refused, allowed",
            "DELETE, /api/v1/pipeline/status,                            refused, refused, allowed",
    })
    void apiRolesFollowTheMatrix(String method, String path, String viewer, String operator, String admin)
            throws Exception {
        assertThat(outcome(method, path, VIEWER, VIEWER_PASSWORD)).as("viewer").isEqualTo(viewer);
        assertThat(outcome(method, path, OPERATOR, OPERATOR_PASSWORD)).as("operator").isEqualTo(operator);
        assertThat(outcome(method, path, ADMIN, ADMIN_PASSWORD)).as("admin").isEqualTo(admin);
    }

    @Test
    void operatorsImportAndViewersDoNot() throws Exception {
        String source = uniqueSource("operator");
        HttpRequest.Builder importCsv = post("/api/v1/customers/import?source=" + source, "source_id\nop-1\n", "text/csv");
        HttpResponse<String> refused = send(anonymous, basic(importCsv, VIEWER, VIEWER_PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("needs the operator role");
        assertThat(send(anonymous, basic(post("/api/v1/stewardship/merge", "{}", "application/json"), OPERATOR,
                OPERATOR_PASSWORD)).body()).contains("needs the admin role");
        assertThat(send(anonymous, basic(importCsv, OPERATOR, OPERATOR_PASSWORD)).statusCode()).isBetween(200, 299);
    }

    @Test
    void aConsoleSessionPostsToJolokiaOnlyWithTheXsrfTokenEchoed() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        String loginPage = send(browser, get("/login")).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(csrf.find()).as("login form carries a CSRF token").isTrue();
        HttpResponse<String> login = send(browser, post("/login", "username=" + VIEWER + "&password="
                + URLEncoder.encode(VIEWER_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8), "application/x-www-form-urlencoded"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/actuator/hawtio/");
        assertThat(send(browser, get("/actuator/hawtio/")).statusCode()).isEqualTo(200);
        String token = cookie(cookies, "XSRF-TOKEN");

        String read = "[{\"type\":\"read\",\"mbean\":\"java.lang:type=Memory\",\"attribute\":\"HeapMemoryUsage\"}]";
        HttpResponse<String> withToken = send(browser, post("/actuator/jolokia", read, "application/json")
                .header("X-XSRF-TOKEN", token));
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("\"used\"");

        assertThat(send(browser, post("/actuator/jolokia", read, "application/json")).statusCode()).isEqualTo(403);
        assertThat(send(browser, post("/actuator/jolokia", read, "application/json")
                .header("X-XSRF-TOKEN", "forged-" + token)).statusCode()).isEqualTo(403);

        // the session never authorizes the API: it is stateless HTTP Basic, so a forged cross-site call gets nothing
        assertThat(send(browser, get("/api/v1/pipeline/status")).statusCode()).isEqualTo(401);
        // and Basic calls need no token at all
        assertThat(send(anonymous, basic(post("/actuator/jolokia", read, "application/json"), VIEWER, VIEWER_PASSWORD))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void hawtiosProxyToOtherAgentsIsClosed() throws Exception {
        assertThat(send(anonymous, basic(get("/actuator/hawtio/proxy/http/localhost/" + port + "/actuator/jolokia"),
                ADMIN, ADMIN_PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(jolokia(ADMIN, ADMIN_PASSWORD, "{\"type\":\"version\",\"target\":{\"url\":"
                + "\"service:jmx:rmi:///jndi/rmi://localhost:9999/jmxrmi\"}}").statusCode()).isEqualTo(403);
    }

    @Test
    void viewersOnlyReadAndQueryThroughJolokia() throws Exception {
        assertThat(jolokia(VIEWER, VIEWER_PASSWORD, exec("io.rapport:type=DeadLetters", "list", "\"dlq.inbound.customer\"", "1"))
                .body()).contains("\"status\":200");
        HttpResponse<String> replay = jolokia(VIEWER, VIEWER_PASSWORD,
                exec("io.rapport:type=DeadLetters", "replay", "\"dlq.no-such-queue\"", "0"));
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(replay.body()).contains("exec replay needs the operator role");
        assertThat(jolokia(VIEWER, VIEWER_PASSWORD, "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\","
                + "\"attribute\":\"Verbose\",\"value\":false}").statusCode()).isEqualTo(403);
    }

    @Test
    void operatorsRunCamelRouteArtemisQueueAndDeadLetterOperationsOnly() throws Exception {
        String route = firstMBean("org.apache.camel:type=routes,name=\\\"customer-resolve\\\",*");
        String queue = firstMBean("org.apache.activemq.artemis:subcomponent=queues,queue=\\\"dlq.inbound.customer\\\",*");

        assertThat(jolokia(OPERATOR, OPERATOR_PASSWORD, exec(route, "reset()")).body()).contains("\"status\":200");
        assertThat(jolokia(OPERATOR, OPERATOR_PASSWORD, exec(queue, "resetMessageCounter")).body())
                .contains("\"status\":200");
        assertThat(jolokia(OPERATOR, OPERATOR_PASSWORD,
                exec("io.rapport:type=DeadLetters", "replay", "\"dlq.no-such-queue\"", "0")).statusCode()).isEqualTo(200);
        assertThat(jolokia(VIEWER, VIEWER_PASSWORD, exec(route, "reset()")).statusCode()).isEqualTo(403);
        assertThat(jolokia(VIEWER, VIEWER_PASSWORD, exec(queue, "resetMessageCounter")).statusCode()).isEqualTo(403);

        HttpResponse<String> gc = jolokia(OPERATOR, OPERATOR_PASSWORD, exec("java.lang:type=Memory", "gc"));
        assertThat(gc.statusCode()).isEqualTo(403);
        assertThat(gc.body()).contains("exec gc needs the admin role");
        assertThat(jolokia(OPERATOR, OPERATOR_PASSWORD, "{\"type\":\"write\",\"mbean\":\"java.lang:type=Memory\","
                + "\"attribute\":\"Verbose\",\"value\":false}").statusCode()).isEqualTo(403);
        assertThat(jolokia(ADMIN, ADMIN_PASSWORD, exec("java.lang:type=Memory", "gc")).body()).contains("\"status\":200");
    }

    /** Operations that reach past the hub into the JVM are refused to admins too, in POSTed batches and GET paths. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=HotSpotDiagnostic\",\"operation\":\"dumpHeap\",\"arguments\":[\"/tmp/rapport-heap.hprof\",true]}",
            "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=DiagnosticCommand\",\"operation\":\"vmSystemProperties\"}",
            "{\"type\":\"exec\",\"mbean\":\"com.sun.management:type=DiagnosticCommand\",\"operation\":\"getMBeanInfo\"}",
            "{\"type\":\"exec\",\"mbean\":\"jdk.management.jfr:type=FlightRecorder\",\"operation\":\"newRecording\"}",
            "{\"type\":\"exec\",\"mbean\":\"java.util.logging:type=Logging\",\"operation\":\"setLoggerLevel\",\"arguments\":[\"\",\"OFF\"]}",
            "{\"type\":\"exec\",\"mbean\":\"DefaultDomain:type=MLet\",\"operation\":\"getMBeansFromURL\",\"arguments\":[\"http://localhost/x\"]}",
            "{\"type\":\"exec\",\"mbean\":\"org.springframework.boot:type=Admin,name=SpringApplication\",\"operation\":\"shutdown\"}",
            "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"SystemProperties\"}",
            "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":[\"Uptime\",\"InputArguments\"]}",
            "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\"}",
            "[{\"type\":\"version\"},{\"type\":\"write\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"x\",\"value\":1}]",
    })
    void dangerousJvmOperationsAreRefusedToEveryone(String request) throws Exception {
        HttpResponse<String> answer = jolokia(ADMIN, ADMIN_PASSWORD, request);
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("not allowed");
    }

    @Test
    void theGetFormOfJolokiaIsHeldToTheSamePolicy() throws Exception {
        assertThat(send(anonymous, basic(get("/actuator/jolokia/exec/com.sun.management:type=HotSpotDiagnostic/dumpHeap/"
                + "rapport-heap.hprof/true"), ADMIN, ADMIN_PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(send(anonymous, basic(get("/actuator/jolokia/read/java.lang:type=Runtime/SystemProperties"),
                ADMIN, ADMIN_PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(send(anonymous, basic(get("/actuator/jolokia/read/java.lang:type=Runtime/Uptime"),
                VIEWER, VIEWER_PASSWORD)).body()).contains("\"status\":200");
        assertThat(send(anonymous, basic(get("/actuator/jolokia/exec/java.lang:type=Memory/gc"),
                OPERATOR, OPERATOR_PASSWORD)).statusCode()).isEqualTo(403);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void personalDataIsMaskedInTheJsonLogAndOnTheConsole(CapturedOutput console) throws Exception {
        String marker = uniqueSource("masking");
        Logger log = LoggerFactory.getLogger("io.rapport.test.Masking");
        log.info("{} customer anna.berg@example.com, phone +47 912 34 567, ssn 123-45-6789", marker);
        log.warn(marker + " failed", new IllegalStateException("no match for ola@example.no / 01018012345"));

        List<String> lines;
        try (Stream<String> all = Files.lines(LOG_FILE)) {
            lines = all.filter(line -> line.contains(marker)).toList();
        }
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("a***@example.com", "+** *** ** *67", "***-**-****")
                .doesNotContain("anna.berg", "912 34", "45-6789");
        assertThat(lines.get(1)).contains("o***@example.no", "***********", "stack_trace")
                .doesNotContain("ola@", "01018012345");
        assertThat(console.getOut()).contains(marker + " customer a***@example.com, phone +** *** ** *67, ssn ***-**-****")
                .contains("no match for o***@example.no / ***********")
                .doesNotContain("anna.berg@", "912 34 567", "123-45-6789", "ola@example.no", "01018012345");
    }

    private String outcome(String method, String path, String user, String password) throws Exception {
        HttpRequest.Builder request = request(path).method(method.strip(), HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        int status = send(anonymous, basic(request, user, password)).statusCode();
        assertThat(status).as(method + " " + path + " as " + user).isNotEqualTo(401).isLessThan(500);
        return status == 403 ? "refused" : "allowed";
    }

    private String firstMBean(String pattern) throws Exception {
        String found = jolokia(VIEWER, VIEWER_PASSWORD, "{\"type\":\"search\",\"mbean\":\"" + pattern + "\"}").body();
        Matcher name = Pattern.compile("\"value\":\\[\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(found);
        assertThat(name.find()).as(found).isTrue();
        return name.group(1);
    }

    /** {@code mbean} as it stands in a JSON string (search answers are taken over as they come). */
    private static String exec(String mbean, String operation, String... arguments) {
        return "{\"type\":\"exec\",\"mbean\":\"" + mbean + "\",\"operation\":\"" + operation + "\",\"arguments\":[" + String.join(",", arguments) + "]}";
    }

    private HttpResponse<String> jolokia(String user, String password, String body) throws Exception {
        return send(anonymous, basic(post("/actuator/jolokia", body, "application/json"), user, password));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private HttpRequest.Builder get(String path) {
        return request(path).GET();
    }

    private HttpRequest.Builder post(String path, String body, String contentType) {
        return request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
    }

    private static HttpRequest.Builder basic(HttpRequest.Builder request, String user, String password) {
        return request.copy().header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(CookieManager cookies, String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }
}
