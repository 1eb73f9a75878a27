package io.rapport.app.broker;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tunes the embedded Artemis broker (the default backbone) beyond what Spring Boot's properties reach: JMX so the
 * queues appear in Hawtio's JMX tree, and a broker-level dead-letter address as the last line of defence for
 * messages whose handling kills the consumer before the route's own Dead Letter Channel can act.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.artemis.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedBrokerConfiguration {

    static final int BROKER_MAX_DELIVERY_ATTEMPTS = 10;

    @Bean
    ArtemisConfigurationCustomizer rapportBrokerCustomizer() {
        return configuration -> {
            configuration.setJMXManagementEnabled(true);
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
}
