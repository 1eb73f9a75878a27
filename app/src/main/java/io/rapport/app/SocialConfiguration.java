package io.rapport.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.social.SocialActionDispatcher;
import io.rapport.app.social.SocialActionHandler;
import io.rapport.app.social.SocialActionPlanner;
import io.rapport.app.resolve.CanonicalRecordCodec;
import io.rapport.app.social.CustomerCrmRecords;
import io.rapport.app.social.CustomerMembers;
import io.rapport.app.social.RulesActionPlanner;
import io.rapport.app.social.SocialActionStage;
import io.rapport.app.social.SocialRulesDryRun;
import io.rapport.app.social.TalkLedger;
import io.rapport.app.sync.JdbcWatermarkStore;
import io.rapport.app.social.rules.SocialRules;
import io.rapport.app.social.SocialHandleBackfill;
import io.rapport.app.social.SocialAuthorReview;
import io.rapport.app.social.SocialProfileMatching;
import io.rapport.app.social.SocialEnrichStage;
import io.rapport.app.social.SocialEventIntake;
import io.rapport.app.social.SocialEventQueries;
import io.rapport.app.social.SocialEventStore;
import io.rapport.app.social.SocialIdentityLinker;
import io.rapport.app.social.SocialInboundGateway;
import io.rapport.app.social.SocialPayloadReader;
import io.rapport.app.social.SocialProperties;
import io.rapport.core.social.SocialEventEnricher;
import io.rapport.core.social.TextEnricher;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assembles social listening: the webhook intake, the enrich stage on {@code inbound.social}, the action stage on
 * {@code social.action}, and the read side. routes/social-listening.yaml refers to the stage beans by name.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SocialProperties.class)
class SocialConfiguration {

    @Bean
    SocialPayloadReader socialPayloadReader(ObjectMapper json, SocialProperties properties) {
        return new SocialPayloadReader(json, properties.maxTextChars());
    }

    @Bean
    SocialInboundGateway socialInboundGateway(ConnectionFactory connectionFactory) {
        return new SocialInboundGateway(connectionFactory);
    }

    @Bean
    SocialEventIntake socialEventIntake(SocialPayloadReader reader, SocialInboundGateway gateway,
                                        SocialProperties properties, Clock clock) {
        return new SocialEventIntake(reader, gateway, properties.maxPayloadBytes(), clock);
    }

    @Bean
    SocialEventEnricher socialEventEnricher() {
        return new SocialEventEnricher(new TextEnricher());
    }

    @Bean
    SocialIdentityLinker socialIdentityLinker(JdbcTemplate jdbc) {
        return new SocialIdentityLinker(jdbc);
    }

    @Bean(SocialProfileMatching.BEAN_NAME)
    SocialProfileMatching socialProfileMatching(JdbcTemplate jdbc, CustomerMembers members,
                                                SocialProperties properties, Clock clock) {
        return new SocialProfileMatching(jdbc, members, properties.linking(), clock);
    }

    @Bean
    CustomerMembers customerMembers(JdbcTemplate jdbc, ObjectMapper json) {
        return new CustomerMembers(jdbc, json);
    }

    @Bean
    SocialHandleBackfill socialHandleBackfill(JdbcTemplate jdbc, CanonicalRecordCodec codec,
                                              PlatformTransactionManager transactions, Clock clock) {
        return new SocialHandleBackfill(jdbc, codec, new TransactionTemplate(transactions),
                new JdbcWatermarkStore(jdbc, clock));
    }

    @Bean
    SocialAuthorReview socialAuthorReview(JdbcTemplate jdbc, CustomerMembers members, Clock clock) {
        return new SocialAuthorReview(jdbc, members, clock);
    }

    @Bean
    SocialEventStore socialEventStore(JdbcTemplate jdbc, ObjectMapper json) {
        return new SocialEventStore(jdbc, json);
    }

    @Bean
    SocialEventQueries socialEventQueries(JdbcTemplate jdbc, ObjectMapper json, SocialPayloadReader reader) {
        return new SocialEventQueries(jdbc, json, reader);
    }

    @Bean
    SocialActionDispatcher socialActionDispatcher(ConnectionFactory connectionFactory) {
        return new SocialActionDispatcher(connectionFactory);
    }

    @Bean(destroyMethod = "close")
    SocialRules socialRules(RapportProperties properties) {
        return new SocialRules(properties.home().resolve("config").resolve("social-rules.yaml")).start();
    }

    @Bean
    CustomerCrmRecords customerCrmRecords(JdbcTemplate jdbc, CustomerMembers members) {
        return new CustomerCrmRecords(jdbc, members);
    }

    @Bean
    SocialActionPlanner socialActionPlanner(SocialRules rules, CustomerCrmRecords crm) {
        return new RulesActionPlanner(rules, crm);
    }

    @Bean
    SocialRulesDryRun socialRulesDryRun(SocialRules rules, SocialEventQueries events, CustomerCrmRecords crm) {
        return new SocialRulesDryRun(rules, events, crm);
    }

    @Bean
    TalkLedger talkLedger(JdbcTemplate jdbc, PlatformTransactionManager transactions, SocialRules rules) {
        return new TalkLedger(jdbc, new TransactionTemplate(transactions), () -> rules.current().guard());
    }

    @Bean(SocialEnrichStage.BEAN_NAME)
    SocialEnrichStage socialEnrichStage(SocialPayloadReader reader, SocialEventEnricher enricher,
                                        SocialIdentityLinker linker, SocialEventStore store,
                                        SocialActionPlanner planner, SocialActionDispatcher dispatcher,
                                        PlatformTransactionManager transactions, Clock clock) {
        return new SocialEnrichStage(reader, enricher, linker, store, planner, dispatcher,
                new TransactionTemplate(transactions), clock);
    }

    @Bean(SocialActionStage.BEAN_NAME)
    SocialActionStage socialActionStage(JdbcTemplate jdbc, ObjectMapper json, List<SocialActionHandler> handlers,
                                        Clock clock) {
        return new SocialActionStage(jdbc, json, handlers, clock);
    }
}
