package io.rapport.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OAuth 2.0 JWT bearer flow: the real component signs an assertion with the connected app's private key (a
 * PKCS12 keystore, as an administrator makes it with keytool), the sandbox verifies it with the uploaded certificate
 * and issues a session; assertions it must refuse get Salesforce's OAuth errors and the component fails to log in.
 */
class JwtBearerLoginTest {

    private static final String STORE_PASSWORD = "keystore-secret";
    @TempDir
    static Path keys;
    private static Path appKeystore;
    private static X509Certificate appCertificate;
    private static Path otherKeystore;

    private final SalesforceSandbox.Config defaults = SalesforceSandbox.Config.defaults();
    private final MutableClock clock = new MutableClock(Instant.now());
    private SalesforceSandbox sandbox;
    private CamelContext camel;

    @BeforeAll
    static void makeKeys() throws Exception {
        appKeystore = keytool("connected-app.p12");
        otherKeystore = keytool("someone-else.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(appKeystore.toFile())) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        appCertificate = (X509Certificate) store.getCertificate("rapport");
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        sandbox.close();
    }

    @Test
    void anAssertionSignedWithTheConnectedAppsKeyLogsInAndTheSessionWorks() throws Exception {
        start(defaults.withJwtCertificate(appCertificate));

        String created = camel.createProducerTemplate().requestBody(
                "salesforce:createSObject?sObjectName=Account&rawPayload=true", "{\"Name\":\"Acme\"}", String.class);

        assertThat(ApiClient.JSON.readTree(created).get("success").asBoolean()).isTrue();
        assertThat(sandbox.count("Account")).isEqualTo(1);
        assertThat(sandbox.requestCounts()).containsEntry("oauth2/token", 1L);
    }

    @Test
    void anAssertionSignedWithAnotherKeyIsRefusedAsAnInvalidAssertion() throws Exception {
        start(defaults.withJwtCertificate(appCertificate), otherKeystore, defaults.username());

        assertLoginRefused("invalid_grant", "invalid assertion");
    }

    @Test
    void aUserOtherThanTheConnectedAppsIsRefused() throws Exception {
        start(defaults.withJwtCertificate(appCertificate), appKeystore, "someone@elsewhere.example");

        assertLoginRefused("invalid_grant", "user hasn't approved this consumer");
    }

    @Test
    void anExpiredAssertionIsRefused() throws Exception {
        start(defaults.withJwtCertificate(appCertificate));
        // the component's assertions are valid for 270 s; the sandbox's clock is ahead by ten minutes
        clock.advance(Duration.ofMinutes(10));

        assertLoginRefused("invalid_grant", "expired authorization code");
    }

    @Test
    void withoutAnUploadedCertificateTheFlowIsRefused() throws Exception {
        start(defaults);

        assertLoginRefused("invalid_grant", "invalid assertion");
    }

    private void start(SalesforceSandbox.Config config) throws Exception {
        start(config, appKeystore, defaults.username());
    }

    private void start(SalesforceSandbox.Config config, Path keystore, String username) throws Exception {
        sandbox = SalesforceSandbox.start(config, 0, clock);
        SalesforceComponent salesforce = new SalesforceComponent();
        salesforce.setAuthenticationType(AuthenticationType.JWT);
        salesforce.setLoginUrl(sandbox.baseUrl());
        salesforce.setClientId(defaults.clientId());
        salesforce.setUserName(username);
        KeyStoreParameters parameters = new KeyStoreParameters();
        parameters.setResource("file:" + keystore);
        parameters.setType("PKCS12");
        parameters.setPassword(STORE_PASSWORD);
        salesforce.setKeystore(parameters);
        salesforce.setLazyLogin(true);
        camel = new DefaultCamelContext();
        camel.addComponent("salesforce", salesforce);
        camel.start();
    }

    private void assertLoginRefused(String error, String description) {
        assertThatThrownBy(() -> camel.createProducerTemplate().requestBody(
                "salesforce:createSObject?sObjectName=Account&rawPayload=true", "{\"Name\":\"Acme\"}", String.class))
                .hasStackTraceContaining(error).hasStackTraceContaining(description);
        assertThat(sandbox.count("Account")).isZero();
    }

    /** An RSA key pair and self-signed certificate in a PKCS12 keystore, made by the JDK's keytool. */
    private static Path keytool(String file) throws Exception {
        Path keystore = keys.resolve(file);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "rapport", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=Rapport integration", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(process.exitValue()).as("keytool: " + output).isZero();
        return keystore;
    }
}
