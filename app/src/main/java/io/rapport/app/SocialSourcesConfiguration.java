package io.rapport.app;

import io.rapport.app.broker.Queues;
import io.rapport.app.social.SocialHealth;
import io.rapport.app.social.rules.SocialRules;
import io.rapport.app.social.sources.JdbcSocialCursorStore;
import io.rapport.app.sync.JdbcWatermarkStore;
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
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
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
        SocialSandbox available = sandbox.getIfAvailable();
        if (available != null && blank(environment, "base-url")) {
            // no X configured: the embedded sandbox, with its own credentials where none are given
            Map<String, String> sandboxSettings = new HashMap<>();
            sandboxSettings.put(X_PREFIX + ".base-url", available.baseUrl());
            fillIn(environment, sandboxSettings, "bearer-token", available.config().bearerToken());
            fillIn(environment, sandboxSettings, "twitter.rest-base-url", available.v1BaseUrl());
            fillIn(environment, sandboxSettings, "twitter.consumer-key", available.config().consumerKey());
            sources.add(new MapConfigurationPropertySource(sandboxSettings));
        }
        ConfigurationPropertySources.get(environment).forEach(sources::add);
        XSourceSettings settings = new Binder(sources, new PropertySourcesPlaceholdersResolver(environment))
                .bind(X_PREFIX, XSourceSettings.class)
                .orElseGet(XSourceSettings::defaults);
        return settings.withDeadLetterUri("jms:queue:" + Queues.deadLetterQueueOf(Queues.INBOUND_SOCIAL));
    }

    private static void fillIn(ConfigurableEnvironment environment, Map<String, String> settings, String key,
                               String value) {
        if (blank(environment, key)) {
            settings.put(X_PREFIX + "." + key, value);
        }
    }

    private static boolean blank(ConfigurableEnvironment environment, String key) {
        String value = environment.getProperty(X_PREFIX + "." + key);
        return value == null || value.isBlank();
    }

    @Bean
    XRoutes xRoutes(XSourceSettings settings, JdbcTemplate jdbc, Clock clock) {
        return XRoutes.create(settings, new JdbcSocialCursorStore(new JdbcWatermarkStore(jdbc, clock)),
                SocialSources.SINK);
    }

    @Bean("social")
    SocialHealth socialHealth(SocialRules rules, XRoutes x) {
        return new SocialHealth(rules, x);
    }

    @Bean
    SocialSources socialSources(XRoutes x) {
        return new SocialSources(x);
    }
}
