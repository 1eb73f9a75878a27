package io.rapport.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * The packaged hub (the jar users run) as a separate process, for tests that kill it with SIGKILL and start it again on
 * the same broker journal and database: its own data directory under {@code target/}, so that its logs are part of
 * what the CI log scan reads, and, under the postgres profile, its own PostgreSQL schema, dropped by {@link #close()}.
 */
final class HubProcess implements AutoCloseable {

    static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("admin:rapport-admin".getBytes(StandardCharsets.UTF_8));

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final boolean postgres = System.getProperty("spring.profiles.active", "").contains("postgres");
    private final String schema;
    private final Path data;
    private final int port = freePort();
    private final List<String> arguments;
    private final List<Process> processes = new ArrayList<>();
    private Process running;

    /**
     * @param name      names the data directory ({@code target/hub-processes/<name>-<time>}) and the schema
     * @param arguments extra command-line arguments of the hub, given at every start
     */
    HubProcess(String name, List<String> arguments) {
        String id = name + "_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
        this.schema = "rapport_" + id.replace('-', '_');
        this.data = Path.of(System.getProperty("rapport.hub-process.dir", "target/hub-processes")).toAbsolutePath()
                .resolve(id);
        this.arguments = List.copyOf(arguments);
    }

    Path dataDir() {
        return data;
    }

    boolean onPostgres() {
        return postgres;
    }

    /** Starts the hub and waits until it is healthy. */
    void start() throws IOException, InterruptedException {
        Files.createDirectories(data);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx1g", "-jar", System.getProperty("rapport.jar"),
                "--server.port=" + port,
                "--rapport.home=" + System.getProperty("rapport.home"),
                "--rapport.data-dir=" + data,
                "--logging.file.name=" + data.resolve("logs/hub.log"),
                "--spring.profiles.active=" + System.getProperty("spring.profiles.active", "default")));
        if (postgres) {
            command.addAll(List.of("--spring.datasource.url=" + pgUrl(), "--spring.flyway.schemas=" + schema,
                    "--spring.flyway.default-schema=" + schema));
        }
        command.addAll(arguments);
        Process hub = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("hub-console.log").toFile()))
                .start();
        processes.add(hub);
        running = hub;
        // a hub outliving an interrupted test run would hold its port and data directory, and load the machine
        Runtime.getRuntime().addShutdownHook(new Thread(hub::destroyForcibly));
        Instant deadline = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(deadline)) {
            if (!hub.isAlive()) {
                throw new IllegalStateException("hub exited with " + hub.exitValue() + "; see "
                        + data.resolve("hub-console.log"));
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("hub did not become healthy within 180 s; see " + data.resolve("hub-console.log"));
    }

    /** SIGKILL: no shutdown hook, no graceful stop, nothing flushed that was not already committed. */
    void kill() throws InterruptedException {
        running.destroyForcibly();
        running.waitFor();
    }

    /** SIGTERM, and waits for the graceful shutdown (files and database closed before they are read directly). */
    void stop() throws InterruptedException {
        running.destroy();
        running.waitFor();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode getJson(String path) throws IOException, InterruptedException {
        return json.readTree(get(path).body());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("Authorization", AUTH)
                        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body))
                        .timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode pipelineStatus() throws IOException, InterruptedException {
        return getJson("/api/v1/pipeline/status");
    }

    void awaitIdle(Duration limit) throws Exception {
        await("pipeline idle", limit, () -> pipelineStatus().get("idle").asBoolean());
    }

    /** A single number from the hub's database; read it after {@link #stop()} on H2 (the file is the hub's alone). */
    long count(String sql, Object... parameters) throws SQLException {
        try (Connection db = connection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of every row, as text. */
    List<String> column(String sql, Object... parameters) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection db = connection(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    Connection connection() throws SQLException {
        return postgres ? DriverManager.getConnection(pgUrl(), "postgres", "")
                : DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/rapport"), "rapport", "");
    }

    @Override
    public void close() throws Exception {
        for (Process hub : processes) {
            hub.destroyForcibly();
            hub.waitFor();
        }
        if (postgres) {
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
                db.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    interface Check {
        boolean holds() throws Exception;
    }

    static void await(String what, Duration limit, Check check) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!check.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": not reached within " + limit);
            }
            Thread.sleep(200);
        }
    }

    private String pgUrl() {
        return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
