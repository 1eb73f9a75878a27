package io.rapport.app;

import io.rapport.app.broker.Queues;
import io.rapport.app.social.sources.JdbcSocialCursorStore;
import io.rapport.app.social.sources.SandboxConversation;
import io.rapport.app.social.sources.SocialSandboxProperties;
import io.rapport.app.social.sources.SocialSources;
import io.rapport.connector.x.XRoutes;
import io.rapport.connector.x.XSourceSettings;
import io.rapport.sim.social.SocialSandbox;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The social sources: the X connector (recent search, filtered stream, Camel Twitter) from {@code rapport.social.x.*},
 * pointed at the embedded X sandbox unless a real base URL is configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialSandboxProperties.class)
class SocialSourcesConfiguration {

    static final String X_PREFIX = "rapport.social.x";

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "rapport.social.sandbox", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    SocialSandbox socialSandbox(SocialSandboxProperties properties) throws IOException {
        return SocialSandbox.start(SocialSandbox.Config.defaults().withBrand(properties.brand()), properties.port());
    }

    @Bean(SandboxConversation.BEAN_NAME)
    org.apache.camel.Processor sandboxConversation(ObjectProvider<SocialSandbox> sandbox,
                                                    SocialSandboxProperties properties) {
        SocialSandbox available = sandbox.getIfAvailable();
        return available == null || properties.postsPerMinute() <= 0 ? exchange -> { }
                : new SandboxConversation(available, properties.postsPerMinute(), properties.tick());
    }

    @Bean
    XSourceSettings xSourceSettings(ConfigurableEnvironment environment, ObjectProvider<SocialSandbox> sandbox) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        ConfigurationPropertySources.get(environment).forEach(sources::add);
        SocialSandbox available = sandbox.getIfAvailable();
        if (available != null) {
            // the sandbox only fills in what is not configured: a real X wins
            Map<String, String> sandboxDefaults = new HashMap<>();
            sandboxDefaults.put(X_PREFIX + ".base-url", available.baseUrl());
            sandboxDefaults.put(X_PREFIX + ".bearer-token", available.config().bearerToken());
            sandboxDefaults.put(X_PREFIX + ".twitter.rest-base-url", available.v1BaseUrl());
            sandboxDefaults.put(X_PREFIX + ".twitter.consumer-key", available.config().consumerKey());
            sources.add(new MapConfigurationPropertySource(sandboxDefaults));
        }
        XSourceSettings settings = new Binder(sources).bind(X_PREFIX, XSourceSettings.class)
                .orElseGet(XSourceSettings::defaults);
        return settings.withDeadLetterUri("jms:queue:" + Queues.deadLetterQueueOf(Queues.INBOUND_SOCIAL));
    }

    @Bean
    XRoutes xRoutes(XSourceSettings settings, JdbcTemplate jdbc, Clock clock) {
        return XRoutes.create(settings, new JdbcSocialCursorStore(jdbc, clock), SocialSources.SINK);
    }

    @Bean
    SocialSources socialSources(XRoutes x) {
        return new SocialSources(x);
    }
}
