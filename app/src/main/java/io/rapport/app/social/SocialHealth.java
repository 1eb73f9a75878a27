package io.rapport.app.social;

import io.rapport.app.social.rules.SocialRules;
import io.rapport.connector.x.XRoutes;
import io.rapport.connector.x.XStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code /actuator/health/social}: the rules in force and the problems of a refused edit of config/social-rules.yaml,
 * and what each X source is doing (polling, connected, backing off from a 429 and until when). A source backing off
 * or a refused rules edit does not take the hub down: the status stays UP, and the details say what to look at.
 */
public class SocialHealth implements HealthIndicator {

    private final SocialRules rules;
    private final XRoutes sources;

    public SocialHealth(SocialRules rules, XRoutes sources) {
        this.rules = rules;
        this.sources = sources;
    }

    @Override
    public Health health() {
        Map<String, Object> ruleDetails = new LinkedHashMap<>();
        ruleDetails.put("version", rules.version());
        ruleDetails.put("loadedAt", rules.loadedAt().toString());
        rules.lastError().ifPresent(error -> ruleDetails.put("refusedEdit", error));
        Map<String, Object> sourceDetails = new LinkedHashMap<>();
        for (XStatus status : sources.status()) {
            sourceDetails.put(status.name(), status);
        }
        return Health.up().withDetail("rules", ruleDetails).withDetail("sources", sourceDetails).build();
    }
}
