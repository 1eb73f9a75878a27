package io.rapport.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.rapport.app.privacy.ErasurePropagator;
import io.rapport.app.privacy.ErasureRequests;
import io.rapport.app.privacy.ErasureService;
import io.rapport.app.privacy.ErasureTarget;
import io.rapport.app.privacy.ErasureTargets;
import io.rapport.app.privacy.PrivacyProperties;
import io.rapport.app.privacy.SuppressionList;
import io.rapport.app.resolve.ResolutionTransactions;
import io.rapport.app.sync.ErpDatabase;
import io.rapport.app.sync.ErpStore;
import io.rapport.app.sync.SalesforceStore;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assembles the right to be forgotten (docs/privacy.md): the erasure of a customer in the hub, the suppression list
 * the resolve stage consults, and the propagation of the deletion to the stores the hub reaches (Salesforce and the
 * ERP when store sync is on) on route {@code erasure-propagation}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class ErasureConfiguration {

    @Bean
    ErasureRequests erasureRequests(JdbcTemplate jdbc, ObjectMapper json) {
        return new ErasureRequests(jdbc, json);
    }

    @Bean
    SuppressionList erasureSuppressionList(JdbcTemplate jdbc, MeterRegistry meters) {
        return new SuppressionList(jdbc, meters);
    }

    /** The stores this hub can tell: those store sync connects to. */
    @Bean
    ErasureTargets erasureTargets(ObjectProvider<SalesforceStore> salesforce, ObjectProvider<ErpDatabase> erp,
                                  PrivacyProperties properties) {
        return ErasureTargets.of(salesforce.getIfAvailable(), erp.getIfAvailable(), properties.erpErasure());
    }

    @Bean
    ErasureService erasureService(ResolutionTransactions transactions, JdbcTemplate jdbc, ErasureRequests requests,
                                  ErasureTargets targets, Clock clock) {
        return new ErasureService(transactions, jdbc, requests, Set.of(SalesforceStore.NAME, ErpStore.NAME),
                targets.byStore(), clock);
    }

    @Bean
    ErasurePropagator erasurePropagator(ErasureRequests requests, ErasureTargets targets,
                                        PrivacyProperties properties, Clock clock) {
        Map<String, ErasureTarget> byStore = targets.byStore();
        return new ErasurePropagator(requests, byStore, properties.maxRefusals(), properties.maxBackoff(), clock);
    }

    @Bean
    RouteBuilder erasurePropagationRoute(ErasurePropagator propagator, PrivacyProperties properties) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("timer:erasure-propagation?delay=" + properties.periodMs() + "&period=" + properties.periodMs())
                        .routeId("erasure-propagation")
                        .process(exchange -> propagator.propagate());
            }
        };
    }
}
