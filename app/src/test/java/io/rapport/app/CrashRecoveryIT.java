package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged hub (the jar users run) during a 10,000-row import, then a restart on the same broker
 * journal and database: no accepted row is lost and none is stored twice.
 */
class CrashRecoveryIT {

    private static final int ROWS = 10_000;
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("admin:rapport-admin".getBytes(StandardCharsets.UTF_8));

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
    /** A schema of its own on the shared PostgreSQL database, dropped afterwards (postgres profile only). */
    private final String schema = "rapport_crash_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
    private final Path data = tempDir();
    private final int port = freePort();
    private final List<Process> hubs = new ArrayList<>();

    @AfterEach
    void stopHubs() throws Exception {
        hubs.forEach(Process::destroyForcibly);
        for (Process hub : hubs) {
            hub.waitFor();
        }
        if (postgres) {
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                db.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void rowsAcceptedBeforeAKillAreAllStoredOnceAfterRestart() throws Exception {
        String source = "crash-accepted-" + UUID.randomUUID().toString().substring(0, 8);
        Process hub = start();
        // `done` counts every row the stage ever applied; a shared PostgreSQL database already holds earlier runs'.
        long doneBeforeImport = stageDone();

        JsonNode report = json.readTree(importCsv(source, csv(ROWS)).body());
        assertThat(report.get("accepted").asLong()).isEqualTo(ROWS);
        long storedBeforeKill = stageDone() - doneBeforeImport;
        kill(hub);
        assertThat(storedBeforeKill).as("the kill must land while rows are still being stored").isLessThan(ROWS);

        start();
        awaitIdle();
        assertThat(stageDone() - doneBeforeImport).as("the status counts each row once, as its receipts do")
                .isEqualTo(ROWS);
        stopGracefully();

        assertThat(count("SELECT COUNT(*) FROM source_record WHERE source = ?", source)).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(*) FROM inbound_receipt WHERE message_key LIKE ?", report.get("importId").asText() + ":%"))
                .as("each accepted row applied exactly once across the crash").isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(*) FROM customer_record WHERE source = ?", source)).isEqualTo(ROWS);
        assertThat(count("SELECT COUNT(*) FROM golden_record g WHERE g.customer_id IN"
                + " (SELECT customer_id FROM customer_record WHERE source = ?)", source))
                .as("every customer has its golden record, also those whose rebuild was queued when the hub died")
                .isEqualTo(count("SELECT COUNT(DISTINCT customer_id) FROM customer_record WHERE source = ?", source));
    }

    @Test
    void aKillDuringTheImportItselfLosesNothingOnceTheClientResends() throws Exception {
        String source = "crash-importing-" + UUID.randomUUID().toString().substring(0, 8);
        String file = csv(ROWS);
        Process hub = start();

        CompletableFuture<HttpResponse<String>> interrupted = CompletableFuture.supplyAsync(() -> {
            try {
                return importCsv(source, file);
            } catch (Exception e) {
                return null;
            }
        });
        awaitImportRunning();
        kill(hub);
        assertThat(interrupted.get()).as("the interrupted request gets no report").isNull();

        start();
        HttpResponse<String> resent = importCsv(source, file);
        assertThat(json.readTree(resent.body()).get("accepted").asLong()).isEqualTo(ROWS);
        awaitIdle();
        stopGracefully();

        assertThat(count("SELECT COUNT(*) FROM source_record WHERE source = ?", source)).isEqualTo(ROWS);
    }

    private static String csv(int rows) {
        String[] given = {"Anna", "Bjørn", "Chloé", "Dmitri", "Eve", "François", "Grace", "Hiro"};
        String[] family = {"Berg", "Ødegård", "Dubois", "Ivanov", "O'Neil", "Müller", "Hopper", "Tanaka"};
        StringBuilder csv = new StringBuilder("source_id,given_name,family_name,email,phone,birth_date\n");
        for (int i = 1; i <= rows; i++) {
            String g = given[i % given.length];
            String f = family[(i / given.length) % family.length];
            csv.append("id-").append(i).append(',').append(g).append(',').append('"').append(f).append('"').append(',')
                    .append(g.toLowerCase()).append('.').append(i).append("@example.com,+47 9").append(1000000 + i)
                    .append(',').append(1950 + i % 50).append("-0").append(1 + i % 9).append("-1").append(i % 9).append('\n');
        }
        return csv.toString();
    }

    private Process start() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx768m", "-jar", System.getProperty("rapport.jar"),
                "--server.port=" + port,
                "--rapport.home=" + System.getProperty("rapport.home"),
                "--rapport.data-dir=" + data,
                "--logging.file.name=" + data.resolve("logs/hub.log"),
                "--spring.profiles.active=" + System.getProperty("spring.profiles.active", "default"),
                // one consumer keeps storing slower than importing, so a kill right after the import lands mid-way
                "--rapport.pipeline.consumers=1"));
        if (postgres) {
            command.addAll(List.of("--spring.datasource.url=" + pgUrl(), "--spring.flyway.schemas=" + schema,
                    "--spring.flyway.default-schema=" + schema));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("hub-console.log").toFile()));
        Process hub = builder.start();
        hubs.add(hub);
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!hub.isAlive()) {
                throw new IllegalStateException("hub exited with " + hub.exitValue() + "; see " + data.resolve("hub-console.log"));
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return hub;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("hub did not become healthy within 120 s");
    }

    private void kill(Process hub) throws InterruptedException {
        hub.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
        hub.waitFor();
    }

    private void stopGracefully() throws InterruptedException {
        for (Process hub : hubs) {
            hub.destroy();
            hub.waitFor();
        }
    }

    private HttpResponse<String> importCsv(String source, String csv) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri("/api/v1/customers/import?source=" + source))
                .header("Authorization", AUTH).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode status() throws IOException, InterruptedException {
        return json.readTree(get("/api/v1/pipeline/status").body());
    }

    private long stageDone() throws IOException, InterruptedException {
        return status().get("stages").get(0).get("done").asLong();
    }

    private void awaitImportRunning() throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (status().get("importsInProgress").asInt() == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the import never showed as running");
            }
            Thread.sleep(10);
        }
    }

    private void awaitIdle() throws Exception {
        Instant deadline = Instant.now().plusSeconds(300);
        while (!status().get("idle").asBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("pipeline not idle after 300 s: " + status());
            }
            Thread.sleep(200);
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection db = postgres
                ? DriverManager.getConnection(pgUrl(), "postgres", "")
                : DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/rapport"), "rapport", "");
             PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String pgUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rapport-crash-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
