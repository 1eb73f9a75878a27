package io.rapport.app.broker;

import java.util.HashMap;
import java.util.Map;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.TransportConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptorFactory;
import org.apache.activemq.artemis.core.remoting.impl.netty.TransportConstants;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Tunes the embedded Artemis broker (the default backbone) beyond what Spring Boot's properties reach: JMX so the
 * queues appear in Hawtio's JMX tree, and a broker-level dead-letter address as the last line of defence for
 * messages whose handling kills the consumer before the route's own Dead Letter Channel can act; and, when
 * {@code rapport.broker.tls.enabled}, a TLS acceptor for JMS clients outside the hub ({@link BrokerTlsProperties}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedBrokerConfiguration {

    static final int BROKER_MAX_DELIVERY_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(EmbeddedBrokerConfiguration.class);

    @Bean
    ArtemisConfigurationCustomizer rapportBrokerCustomizer(BrokerTlsProperties tls, Environment environment) {
        // with the rest of the hub's JMX: off, a second hub in the same JVM (a test) leaves the first one's MBeans be
        boolean jmx = environment.getProperty("spring.jmx.enabled", Boolean.class, false);
        return configuration -> {
            if (tls.enabled()) {
                configuration.addAcceptorConfiguration(tlsAcceptor(tls));
            }
            configuration.setJMXManagementEnabled(jmx);
            configuration.setJMXUseBrokerName(true);
            configuration.addAddressSetting("#", new AddressSettings()
                    .setDeadLetterAddress(SimpleString.of(Queues.BROKER_DLQ))
                    .setExpiryAddress(SimpleString.of(Queues.EXPIRY))
                    .setMaxDeliveryAttempts(BROKER_MAX_DELIVERY_ATTEMPTS)
                    .setRedeliveryDelay(1_000)
                    .setRedeliveryMultiplier(2.0)
                    .setMaxRedeliveryDelay(60_000));
        };
    }

    /** Parameters as a map rather than an acceptor URI, so a password may hold any character. */
    private static TransportConfiguration tlsAcceptor(BrokerTlsProperties tls) {
        if (tls.keyStorePath() == null || tls.keyStorePath().isBlank()) {
            throw new IllegalStateException("rapport.broker.tls.enabled needs rapport.broker.tls.key-store-path");
        }
        Map<String, Object> params = new HashMap<>();
        params.put(TransportConstants.HOST_PROP_NAME, tls.host());
        params.put(TransportConstants.PORT_PROP_NAME, tls.port());
        params.put(TransportConstants.SSL_ENABLED_PROP_NAME, true);
        params.put(TransportConstants.KEYSTORE_PATH_PROP_NAME, tls.keyStorePath());
        params.put(TransportConstants.KEYSTORE_PASSWORD_PROP_NAME, tls.keyStorePassword());
        params.put(TransportConstants.KEYSTORE_TYPE_PROP_NAME, tls.keyStoreType());
        if (tls.trustStorePath() != null && !tls.trustStorePath().isBlank()) {
            params.put(TransportConstants.TRUSTSTORE_PATH_PROP_NAME, tls.trustStorePath());
            params.put(TransportConstants.TRUSTSTORE_PASSWORD_PROP_NAME, tls.trustStorePassword());
            params.put(TransportConstants.TRUSTSTORE_TYPE_PROP_NAME, tls.trustStoreType());
        }
        params.put(TransportConstants.NEED_CLIENT_AUTH_PROP_NAME, tls.needClientAuth());
        if (!tls.needClientAuth()) {
            log.warn("the embedded broker's TLS acceptor on {}:{} does not ask for client certificates: anyone who"
                    + " reaches it may use the broker", tls.host(), tls.port());
        }
        return new TransportConfiguration(NettyAcceptorFactory.class.getName(), params, "tls");
    }
}
