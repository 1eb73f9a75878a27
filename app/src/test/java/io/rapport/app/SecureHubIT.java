package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A second hub, hardened as in production (docs/security.md): HTTPS only, a TLS acceptor on the embedded broker,
 * a self-signed certificate made at test time with the JDK's keytool, and distinctive secrets set the way an
 * operator sets them, which must never show up in the logs nor through the actuator. Without JMX, so that it
 * does not take over the MBean names of the shared test hub of this JVM; closed after this class
 * ({@link DirtiesContext}) so it does not run beside the shared test hub for the rest of the suite.
 */
// JMX off: the shared test hub of this JVM owns the platform MBean server's names (io.rapport, Camel, Artemis)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.jmx.enabled=false", "camel.main.jmx-enabled=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SecureHubIT {

    private static final String ADMIN_PASSWORD = "Adm1n-Zq8vK3pW-secret";
    /** Every value that must stay out of the logs, whatever it protects. */
    private static final List<String> SECRETS = List.of(ADMIN_PASSWORD, "Op3r-Hx7mT2-secret", "V1ew-Rb4nJ9-secret",
            "Db-Pw-Kx93LmQ-secret", "Brk-Pw-Tf62Wd-secret", "xoxb-Slk-Tk-Ns41Vb-secret", "X-Bearer-Gq57Hc-secret",
            "X-User-Tk-Pe83Sd-secret", "X-Consumer-Sec-Lm29Qa-secret", "Ks-Pw-Jd74Re-secret", "Ts-Pw-Wc18Yn-secret");
    private static final String KEY_STORE_PASSWORD = "Ks-Pw-Jd74Re-secret";
    private static final String TRUST_STORE_PASSWORD = "Ts-Pw-Wc18Yn-secret";

    private static final Path DIR = tempDir();
    private static final Path KEY_STORE = DIR.resolve("hub.p12");
    private static final Path TRUST_STORE = DIR.resolve("trust.p12");
    private static final int BROKER_TLS_PORT = freePort();
    /** Logging starts before any test context, so every hub of this JVM writes here (RAPPORT_LOG_DIR). */
    private static final Path LOG_DIR = Path.of(System.getProperty("RAPPORT_LOG_DIR", "logs"));

    static {
        keytool("-genkeypair", "-alias", "rapport", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", KEY_STORE.toString(), "-storepass", KEY_STORE_PASSWORD, "-keypass", KEY_STORE_PASSWORD);
        keytool("-exportcert", "-alias", "rapport", "-rfc", "-keystore", KEY_STORE.toString(),
                "-storepass", KEY_STORE_PASSWORD, "-file", DIR.resolve("hub.pem").toString());
        keytool("-importcert", "-noprompt", "-alias", "rapport", "-file", DIR.resolve("hub.pem").toString(),
                "-storetype", "PKCS12", "-keystore", TRUST_STORE.toString(), "-storepass", TRUST_STORE_PASSWORD);
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hardenedHub(DynamicPropertyRegistry registry) {
        registry.add("rapport.data-dir", () -> DIR.resolve("data").toString());
        registry.add("rapport.social.sandbox.posts-per-minute", () -> "0");
        if (System.getProperty("spring.profiles.active", "").contains("postgres")) {
            String schema = "rapport_sec_" + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                    + "_" + ProcessHandle.current().pid();
            registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
            registry.add("spring.flyway.schemas", () -> schema);
            registry.add("spring.flyway.default-schema", () -> schema);
        }
        registry.add("rapport.security.admin.password", () -> ADMIN_PASSWORD);
        registry.add("rapport.security.operator.password", () -> SECRETS.get(1));
        registry.add("rapport.security.viewer.password", () -> SECRETS.get(2));
        registry.add("spring.datasource.password", () -> SECRETS.get(3));
        registry.add("spring.artemis.password", () -> SECRETS.get(4));
        registry.add("rapport.social.slack.token", () -> SECRETS.get(5));
        registry.add("rapport.social.x.bearer-token", () -> SECRETS.get(6));
        registry.add("rapport.social.reply.user-access-token", () -> SECRETS.get(7));
        registry.add("rapport.social.x.twitter.consumer-secret", () -> SECRETS.get(8));

        registry.add("server.ssl.enabled", () -> "true");
        registry.add("server.ssl.key-store", () -> KEY_STORE.toUri().toString());
        registry.add("server.ssl.key-store-type", () -> "PKCS12");
        registry.add("server.ssl.key-store-password", () -> KEY_STORE_PASSWORD);
        registry.add("server.ssl.key-alias", () -> "rapport");

        registry.add("rapport.broker.tls.enabled", () -> "true");
        registry.add("rapport.broker.tls.port", () -> Integer.toString(BROKER_TLS_PORT));
        registry.add("rapport.broker.tls.key-store-path", KEY_STORE::toString);
        registry.add("rapport.broker.tls.key-store-password", () -> KEY_STORE_PASSWORD);
        registry.add("rapport.broker.tls.trust-store-path", TRUST_STORE::toString);
        registry.add("rapport.broker.tls.trust-store-password", () -> TRUST_STORE_PASSWORD);
    }

    @Test
    void theHubAnswersOverHttpsWithItsCertificateAndNotInPlainHttp() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting()).build();
        // liveness, not health: the X bearer token set below is not the sandbox's, so the X consumer is rightly DOWN
        HttpResponse<String> health = trusting.send(HttpRequest.newBuilder(https("/actuator/health/liveness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(trusting.send(admin(https("/api/v1/pipeline/status")), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);

        HttpClient defaultTrust = HttpClient.newHttpClient();
        assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(https("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);

        HttpResponse<String> plain = defaultTrust.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/pipeline/status")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).doesNotContain("pipeline").containsIgnoringCase("TLS");
    }

    @Test
    void aJmsClientWithTheCertificateReachesTheEmbeddedBrokerOverTls() throws Exception {
        String tls = "tcp://localhost:" + BROKER_TLS_PORT + "?sslEnabled=true&trustStorePath=" + TRUST_STORE
                + "&trustStorePassword=" + TRUST_STORE_PASSWORD + "&trustStoreType=PKCS12";
        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(tls + "&keyStorePath=" + KEY_STORE
                + "&keyStorePassword=" + KEY_STORE_PASSWORD + "&keyStoreType=PKCS12&reconnectAttempts=0");
             Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            session.createProducer(session.createQueue("security.tls-check")).send(session.createTextMessage("over TLS"));
            connection.start();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue("security.tls-check"))) {
                assertThat(((TextMessage) consumer.receive(10_000)).getText()).isEqualTo("over TLS");
            }
        }
        // the embedded broker has no accounts: a client without a certificate it trusts is turned away
        try (ActiveMQConnectionFactory noCertificate = new ActiveMQConnectionFactory(tls + "&reconnectAttempts=0"
                + "&initialConnectAttempts=1")) {
            assertThatThrownBy(() -> noCertificate.createConnection().close()).isInstanceOf(JMSException.class);
        }
    }

    @Test
    void secretsStayOutOfTheLogsAndTheActuator() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(trusting()).build();
        for (String endpoint : List.of("/actuator/env", "/actuator/configprops", "/actuator/beans", "/actuator/heapdump",
                "/actuator/threaddump", "/actuator/loggers", "/actuator/mappings")) {
            assertThat(trusting.send(admin(https(endpoint)), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as(endpoint).isEqualTo(404);
        }
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(LOG_DIR)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f) && !f.toString().endsWith(".gz")).toList()) {
                String log = Files.readString(file, StandardCharsets.UTF_8);
                SECRETS.stream().filter(log::contains).forEach(secret -> leaks.add(file.getFileName() + ": " + secret));
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(Files.readString(LOG_DIR.resolve("rapport.log"))).as("this hub's start-up is in the log")
                .contains("(https)");
    }

    private URI https(String path) {
        return URI.create("https://localhost:" + port + path);
    }

    private static HttpRequest admin(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", basicAdmin()).build();
    }

    private static String basicAdmin() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static SSLContext trusting() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TRUST_STORE)) {
            trust.load(in, TRUST_STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        return context;
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rapport-secure-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
