package io.rapport.app.social.sources;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rapport.social.sandbox.*}: the embedded X (simulators/social) that the embedded run, the tests
 * and the benchmarks listen to instead of the real X.
 *
 * @param enabled        start it, and point the X connectors at it unless {@code rapport.social.x.base-url} is set
 * @param port           0 for any free port
 * @param brand          the brand account whose conversation it generates
 * @param postsPerMinute how many posts of the generated brand conversation appear per minute (0: none; tests and
 *                       benchmarks post their own)
 * @param tick           how often the generator adds its share of posts
 */
@ConfigurationProperties(prefix = "rapport.social.sandbox")
public record SocialSandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0") int port,
        @DefaultValue("acme") String brand,
        @DefaultValue("12") int postsPerMinute,
        @DefaultValue("PT10S") Duration tick) {
}
