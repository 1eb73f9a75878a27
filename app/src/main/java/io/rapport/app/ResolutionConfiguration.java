package io.rapport.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.rapport.app.activity.ActivityStore;
import io.rapport.app.camel.jmsbatch.JmsBatchComponent;
import io.rapport.connector.salesforce.SalesforceUnavailableException;
import io.rapport.app.resolve.CanonicalRecordCache;
import io.rapport.app.resolve.CanonicalRecordCodec;
import io.rapport.app.resolve.CustomerChangeListener;
import io.rapport.app.resolve.CustomerQueries;
import io.rapport.app.resolve.CustomerResolutionService;
import io.rapport.app.resolve.IntakeSuppression;
import io.rapport.app.resolve.ResolutionConfigFiles;
import io.rapport.app.resolve.ResolutionEngine;
import io.rapport.app.resolve.ResolutionPhases;
import io.rapport.app.resolve.ResolutionStateLoader;
import io.rapport.app.resolve.ResolutionStore;
import io.rapport.app.resolve.ResolutionTransactions;
import io.rapport.app.resolve.StewardService;
import io.rapport.app.routes.ResolveCustomerBatchStage;
import io.rapport.app.store.H2WriteBuffer;
import io.rapport.app.store.SourceRecordStore;
import io.rapport.core.normalize.NormalizationSettings;
import jakarta.jms.ConnectionFactory;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.CachingConnectionFactory;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assembles the single customer view: the core's Normalizer, matcher, resolver and survivorship configured from
 * config/, the stores around them, the batch stage the YAML route calls and the read and steward services.
 */
@Configuration(proxyBeanMethods = false)
class ResolutionConfiguration {

    @Bean
    ResolutionEngine resolutionEngine(RapportProperties properties) {
        ResolutionConfigFiles files = new ResolutionConfigFiles(properties.home().resolve("config"));
        return new ResolutionEngine(new NormalizationSettings(properties.resolution().defaultRegion()),
                files.matchSettings(), files.survivorshipRules());
    }

    @Bean
    CanonicalRecordCodec canonicalRecordCodec(ObjectMapper json) {
        return new CanonicalRecordCodec(json);
    }

    @Bean
    ResolutionPhases resolutionPhases(MeterRegistry meters) {
        return new ResolutionPhases(meters);
    }

    @Bean
    ResolutionTransactions resolutionTransactions(PlatformTransactionManager transactions, JdbcTemplate jdbc,
                                                  CanonicalRecordCodec codec, ResolutionEngine engine,
                                                  ResolutionPhases phases, RapportProperties properties) {
        H2WriteBuffer.apply(jdbc.getDataSource(), properties.resolution().h2WriteBufferMb());
        return new ResolutionTransactions(transactions, jdbc, new ResolutionStateLoader(jdbc, codec, engine), phases);
    }

    @Bean
    ResolutionStore resolutionStore(JdbcTemplate jdbc, CanonicalRecordCodec codec, ObjectMapper json) {
        return new ResolutionStore(jdbc, codec, json);
    }

    @Bean
    CustomerResolutionService customerResolutionService(SourceRecordStore sources, ResolutionStore store,
                                                        ResolutionTransactions transactions, ResolutionEngine engine,
                                                        Clock clock, ResolutionPhases phases,
                                                        RapportProperties properties,
                                                        ObjectProvider<CustomerChangeListener> changeListener,
                                                        ObjectProvider<IntakeSuppression> suppression) {
        return new CustomerResolutionService(sources, store, transactions, engine, clock, phases,
                new CanonicalRecordCache(properties.resolution().recordCacheSize()),
                changeListener.getIfAvailable(() -> CustomerChangeListener.NONE),
                suppression.getIfAvailable(() -> IntakeSuppression.NONE));
    }

    @Bean(ResolveCustomerBatchStage.BEAN_NAME)
    ResolveCustomerBatchStage resolveCustomerBatchStage(CustomerResolutionService resolution, ObjectMapper json) {
        return new ResolveCustomerBatchStage(resolution, json);
    }

    @Bean
    ActivityStore activityStore(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        return new ActivityStore(jdbc, new TransactionTemplate(transactions));
    }

    @Bean
    CustomerQueries customerQueries(JdbcTemplate jdbc, CanonicalRecordCodec codec, ObjectMapper json,
                                    ActivityStore activities) {
        return new CustomerQueries(jdbc, codec, json, activities);
    }

    @Bean
    StewardService stewardService(ResolutionTransactions transactions, ResolutionEngine engine,
                                  CustomerResolutionService resolution, JdbcTemplate jdbc, Clock clock) {
        return new StewardService(transactions, engine, resolution, jdbc, clock);
    }

    /**
     * The {@code jms-batch:} component of the YAML routes; a database or a Salesforce that cannot be reached is waited
     * out (the batch rolls back and comes again), never dead-lettered.
     */
    @Bean("jms-batch")
    JmsBatchComponent jmsBatchComponent(ConnectionFactory connectionFactory) {
        // long-lived sessions of their own: a caching factory would keep closed consumers (and their prefetched
        // messages) alive after a reconnect
        ConnectionFactory direct = connectionFactory instanceof CachingConnectionFactory caching
                && caching.getTargetConnectionFactory() != null ? caching.getTargetConnectionFactory() : connectionFactory;
        return new JmsBatchComponent(direct, ResolutionConfiguration::isTransient);
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException || t instanceof SalesforceUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
