package io.rapport.app;

import static org.awaitility.Awaitility.await;

import io.rapport.app.pipeline.PipelineStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub on a random port with its real configuration (config/, routes/), the embedded broker and the
 * database of the active profile (H2 by default, PostgreSQL under -Ppostgres). One hub serves every test class;
 * tests keep apart by using a source name of their own.
 */
// Spring Boot turns JMX off in tests; Hawtio depends on it, so it is turned back on as in production.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.jmx.enabled=true")
@AutoConfigureObservability
public abstract class HubIntegrationTest {

    protected static final String ADMIN = "admin";
    protected static final String ADMIN_PASSWORD = "rapport-admin";
    protected static final String VIEWER = "viewer";
    protected static final String VIEWER_PASSWORD = "rapport-viewer";

    static {
        // Waits assert what the hub did, not what its threads threw: after a failed CometD handshake (a Salesforce
        // outage) the Salesforce component's SubscriptionHelper asks a client that is already re-handshaking to
        // handshake again, which throws IllegalStateException "Invalid state REHANDSHAKING" on a Camel thread while
        // the client's own re-handshake goes on. Awaitility would fail whichever wait happened to be running.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    protected static final Path DATA_DIR = tempDir("rapport-it-");
    /** One PostgreSQL schema per test JVM (postgres profile only). */
    protected static final String PG_SCHEMA = "rapport_it_" + java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_" + ProcessHandle.current().pid();
    /** A copy of the repository's routes/, loaded and hot-reloaded as the real folder is; tests may edit it. */
    protected static final Path ROUTES_DIR = copyOfRoutes();
    /** Logging starts before the test context, so its location comes from the build (RAPPORT_LOG_DIR). */
    protected static final Path LOG_FILE = Path.of(System.getProperty("RAPPORT_LOG_DIR", "logs"), "rapport.log");

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected JdbcTemplate jdbc;

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        registry.add("rapport.data-dir", DATA_DIR::toString);
        registry.add("camel.main.routes-include-pattern", () -> "file:" + ROUTES_DIR + "/*.yaml");
        registry.add("camel.main.routes-reload-directory", ROUTES_DIR::toString);
        registry.add("rapport.pipeline.redelivery-delay-ms", () -> "10");
        // the embedded X keeps quiet: tests post what they need, and its posts would become Leads in Salesforce
        registry.add("rapport.social.sandbox.posts-per-minute", () -> "0");
        // store sync on, against the embedded Salesforce sandbox and an embedded ERP that tests fill themselves
        registry.add("rapport.sync.enabled", () -> "true");
        registry.add("rapport.sync.erp.seed-customers", () -> "0");
        registry.add("rapport.sync.period-ms", () -> "100");
        registry.add("rapport.sync.erp.period-ms", () -> "200");
        // a subscription that stops receiving is noticed 10 s after the hub's own write does not come back
        registry.add("rapport.sync.salesforce.echo-timeout", () -> "PT10S");
        if (System.getProperty("spring.profiles.active", "").contains("postgres")) {
            // the shared database outlives every run: a schema of its own keeps this run's customers from matching
            // (correctly, but unexpectedly) the same test people imported by earlier runs
            registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + PG_SCHEMA);
            registry.add("spring.flyway.schemas", () -> PG_SCHEMA);
            registry.add("spring.flyway.default-schema", () -> PG_SCHEMA);
        }
    }

    protected TestRestTemplate admin() {
        return http.withBasicAuth(ADMIN, ADMIN_PASSWORD);
    }

    protected TestRestTemplate viewer() {
        return http.withBasicAuth(VIEWER, VIEWER_PASSWORD);
    }

    protected static String uniqueSource(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected ResponseEntity<String> importCsv(String source, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv"));
        return admin().postForEntity("/api/v1/customers/import?source=" + source, new HttpEntity<>(csv, headers), String.class);
    }

    protected PipelineStatus awaitIdle() {
        PipelineStatus[] last = new PipelineStatus[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = viewer().getForObject("/api/v1/pipeline/status", PipelineStatus.class);
            return last[0].idle();
        });
        return last[0];
    }

    protected long storedRecords(String source) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM source_record WHERE source = ?", Long.class, source);
    }

    private static Path copyOfRoutes() {
        Path copy = tempDir("rapport-routes-");
        Path routes = Path.of(System.getProperty("rapport.home", "."), "routes");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(routes, "*.yaml")) {
            for (Path file : files) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
