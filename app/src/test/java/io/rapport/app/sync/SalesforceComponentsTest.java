package io.rapport.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.sim.salesforce.SalesforceSandbox;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's Salesforce settings make a component that logs in to an org (here the sandbox, standing alone as an org
 * would) with each OAuth flow the settings offer.
 */
class SalesforceComponentsTest {

    private static final String STORE_PASSWORD = "keystore-secret";
    private final SalesforceSandbox.Config org = SalesforceSandbox.Config.defaults();
    @TempDir
    Path keys;

    @Test
    void jwtBearerLogsInWithTheConnectedAppsKeyAndNoPasswordAnywhere() throws Exception {
        Path keystore = keytool(keys.resolve("connected-app.p12"));
        try (SalesforceSandbox sandbox = SalesforceSandbox.start(org.withJwtCertificate(certificate(keystore)), 0)) {
            SyncProperties.Salesforce settings = settings(sandbox, SyncProperties.Authentication.JWT, "", "",
                    keystore.toString());

            assertThat(createsAnAccount(settings)).isTrue();
            assertThat(sandbox.count("Account")).isEqualTo(1);
        }
    }

    @Test
    void clientCredentialsAndUsernamePasswordLogIn() throws Exception {
        try (SalesforceSandbox sandbox = SalesforceSandbox.start(org, 0)) {
            assertThat(createsAnAccount(settings(sandbox, SyncProperties.Authentication.CLIENT_CREDENTIALS,
                    org.clientSecret(), "", ""))).isTrue();
            assertThat(createsAnAccount(settings(sandbox, SyncProperties.Authentication.USERNAME_PASSWORD,
                    org.clientSecret(), org.password(), ""))).isTrue();
            assertThat(sandbox.count("Account")).isEqualTo(2);
        }
    }

    @Test
    void jwtWithoutAKeystoreIsAConfigurationErrorNamingTheSetting() throws Exception {
        try (SalesforceSandbox sandbox = SalesforceSandbox.start(org, 0)) {
            SyncProperties.Salesforce settings = settings(sandbox, SyncProperties.Authentication.JWT, "", "", "");

            assertThatThrownBy(() -> SalesforceComponents.create(settings, null))
                    .hasMessageContaining("rapport.sync.salesforce.jwt-keystore");
        }
    }

    private SyncProperties.Salesforce settings(SalesforceSandbox sandbox, SyncProperties.Authentication flow,
                                               String clientSecret, String password, String keystore) {
        return new SyncProperties.Salesforce(false, 0, sandbox.baseUrl(), org.clientId(), clientSecret,
                org.username(), password, 1000, Duration.ofMinutes(10), 1000, flow, keystore, STORE_PASSWORD,
                SyncProperties.ChangeCapture.POLLING, Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofMinutes(2));
    }

    private static boolean createsAnAccount(SyncProperties.Salesforce settings) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        try {
            camel.addComponent("salesforce", SalesforceComponents.create(settings, null));
            camel.start();
            String reply = camel.createProducerTemplate().requestBody(
                    "salesforce:createSObject?sObjectName=Account&rawPayload=true", "{\"Name\":\"Acme\"}",
                    String.class);
            return reply.contains("\"success\":true");
        } finally {
            camel.stop();
        }
    }

    private static X509Certificate certificate(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        return (X509Certificate) store.getCertificate("rapport");
    }

    /** The connected app's key pair and certificate, made as an administrator would: with the JDK's keytool. */
    private static Path keytool(Path keystore) throws Exception {
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
