package io.rapport.app.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An optional TLS acceptor of the embedded broker ({@code rapport.broker.tls.*}), for JMS clients outside the hub
 * (docs/security.md, TLS). Off by default: the hub itself talks to its embedded broker in-VM. The embedded broker
 * has no accounts of its own, so clients must present a certificate the trust store holds
 * ({@code need-client-auth}, on by default); turning that off lets anyone who reaches the port use the broker.
 * Passwords come from the environment ({@code RAPPORT_BROKER_KEY_STORE_PASSWORD}, ...) or a mounted file.
 */
@ConfigurationProperties(prefix = "rapport.broker.tls")
public record BrokerTlsProperties(
        boolean enabled,
        @DefaultValue("localhost") String host,
        @DefaultValue("61617") int port,
        String keyStorePath,
        String keyStorePassword,
        @DefaultValue("PKCS12") String keyStoreType,
        String trustStorePath,
        String trustStorePassword,
        @DefaultValue("PKCS12") String trustStoreType,
        @DefaultValue("true") boolean needClientAuth) {

    @Override
    public String toString() {
        return "BrokerTlsProperties[enabled=" + enabled + ", host=" + host + ", port=" + port + ", keyStorePath="
                + keyStorePath + ", trustStorePath=" + trustStorePath + ", needClientAuth=" + needClientAuth + "]";
    }
}
