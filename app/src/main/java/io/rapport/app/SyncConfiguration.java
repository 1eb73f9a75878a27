package io.rapport.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.rapport.app.activity.ActivityStore;
import io.rapport.app.config.ConfigFiles;
import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.app.sync.ConflictLog;
import io.rapport.app.sync.ConsistencyReporter;
import io.rapport.app.sync.EchoWatch;
import io.rapport.app.sync.ErpDatabase;
import io.rapport.app.sync.ErpIntake;
import io.rapport.app.sync.ErpStore;
import io.rapport.app.sync.JdbcWatermarkStore;
import io.rapport.app.sync.Reconciliation;
import io.rapport.app.sync.ReconciliationRuns;
import io.rapport.app.sync.RejectionLog;
import io.rapport.app.sync.SalesforceChangeListener;
import io.rapport.app.sync.SalesforceComponents;
import io.rapport.app.sync.SalesforceInbox;
import io.rapport.app.sync.SalesforceIntake;
import io.rapport.app.sync.SalesforceRecordRouter;
import io.rapport.app.sync.SalesforceStore;
import io.rapport.app.sync.SalesforceStreaming;
import io.rapport.app.sync.StoreConnector;
import io.rapport.app.sync.StoreDeletions;
import io.rapport.app.sync.SyncEngine;
import io.rapport.app.sync.SyncOutbox;
import io.rapport.app.sync.SyncPass;
import io.rapport.app.sync.SyncProperties;
import io.rapport.app.sync.SyncStateRepository;
import io.rapport.connector.erp.ErpChangeFeed;
import io.rapport.connector.erp.ErpCustomerMapper;
import io.rapport.connector.erp.ErpCustomerReader;
import io.rapport.connector.erp.ErpCustomerWriter;
import io.rapport.connector.erp.ErpMapping;
import io.rapport.connector.salesforce.ApiBudget;
import io.rapport.connector.salesforce.SalesforceActivities;
import io.rapport.connector.salesforce.SalesforceMapping;
import io.rapport.connector.salesforce.SalesforceReader;
import io.rapport.connector.salesforce.SalesforceRecordMapper;
import io.rapport.connector.salesforce.SalesforceSourceRecords;
import io.rapport.connector.salesforce.SalesforceWriter;
import io.rapport.core.sync.SyncMerger;
import io.rapport.core.sync.SyncPolicy;
import io.rapport.sim.salesforce.SalesforceSandbox;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Assembles consistency across stores when {@code rapport.sync.enabled=true}: the policy and mappings from config/,
 * the outbox the resolution transaction fills, the engine, and one connector per store, with the embedded
 * Salesforce sandbox standing in for Salesforce unless real credentials are configured.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SyncProperties.class)
class SyncConfiguration {

    /** The store-sync route's processor; it does nothing while sync is disabled. */
    @Bean(SyncPass.BEAN_NAME)
    SyncPass syncPass(ObjectProvider<SyncEngine> engine, ObjectProvider<SyncOutbox> outbox, SyncProperties properties,
                      Clock clock) {
        SyncEngine available = engine.getIfAvailable();
        return available == null ? SyncPass.disabled()
                : new SyncPass(outbox.getObject(), available, properties.batchSize(), properties.settle(),
                        properties.maxWait(), clock);
    }

    /** The erp-intake route's processor; it does nothing while sync is disabled. */
    @Bean(ErpIntake.BEAN_NAME)
    Processor erpIntake(ObjectProvider<ErpIntake> intake) {
        ErpIntake available = intake.getIfAvailable();
        return available == null ? exchange -> { } : available;
    }

    /**
     * The reconciliation route's processor; it does nothing while sync is disabled. A lambda, not the Reconciliation
     * itself, so that the API and tools asking for the one Reconciliation find one.
     */
    @Bean(Reconciliation.BEAN_NAME)
    Processor reconciliationRun(ObjectProvider<Reconciliation> reconciliation) {
        Reconciliation available = reconciliation.getIfAvailable();
        return available == null ? exchange -> { } : available::process;
    }

    /** The salesforce-intake route's processor; it does nothing while sync is disabled. */
    @Bean(SalesforceIntake.BEAN_NAME)
    Processor salesforceIntake(ObjectProvider<SalesforceIntake> intake) {
        SalesforceIntake available = intake.getIfAvailable();
        return available == null ? exchange -> { } : available;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "rapport.sync.salesforce", name = "sandbox", havingValue = "true",
            matchIfMissing = true)
    SalesforceSandbox salesforceSandbox(SyncProperties properties) throws IOException {
        return SalesforceSandbox.start(SalesforceSandbox.Config.defaults(), properties.salesforce().sandboxPort());
    }

    /**
     * The component every {@code salesforce:} endpoint uses (store sync and the social actions): the sandbox, or the
     * org configured. It logs in on its first call, so the hub starts whether or not Salesforce is reachable.
     */
    @Bean("salesforce")
    SalesforceComponent salesforce(SyncProperties properties, ObjectProvider<SalesforceSandbox> sandbox) {
        return salesforceComponent(properties, sandbox);
    }

    private static SalesforceComponent salesforceComponent(SyncProperties properties,
                                                           ObjectProvider<SalesforceSandbox> sandbox) {
        return SalesforceComponents.create(properties.salesforce(), sandbox.getIfAvailable());
    }

    @Bean
    ApiBudget salesforceApiBudget(SyncProperties properties, MeterRegistry meters) {
        ApiBudget budget = new ApiBudget(properties.salesforce().apiReserve());
        Gauge.builder("rapport_salesforce_api_remaining", budget, ApiBudget::remaining)
                .description("Daily API calls Salesforce last reported left (-1: not reported yet)")
                .register(meters);
        return budget;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "rapport.sync", name = "enabled", havingValue = "true")
    static class Enabled {

        @Bean(destroyMethod = "close")
        ErpDatabase erpDatabase(SyncProperties properties, RapportProperties rapport) throws SQLException {
            return new ErpDatabase(properties.erp(), rapport.dataDir());
        }

        @Bean
        ErpStore erpStore(ErpDatabase erp, SyncProperties properties) {
            ErpMapping mapping = ErpMapping.defaults();
            return new ErpStore(mapping, new ErpCustomerMapper(), new ErpCustomerWriter(erp.dataSource()),
                    new ErpCustomerReader(erp.dataSource()), properties.erp().decimalFields());
        }

        @Bean
        ErpIntake realErpIntake(ErpDatabase erp, JdbcTemplate jdbc, Clock clock, InboundCustomerGateway gateway,
                                StoreDeletions deletions, SyncProperties properties) {
            return new ErpIntake(new ErpChangeFeed(erp.dataSource()), new ErpCustomerReader(erp.dataSource()),
                    new ErpCustomerMapper(), new JdbcWatermarkStore(jdbc, clock), gateway, deletions, clock,
                    properties.erp().pollMaxRows());
        }

        @Bean
        StoreDeletions storeDeletions(SyncMerger merger, SyncStateRepository states, SyncOutbox outbox,
                                      JdbcTemplate jdbc) {
            return new StoreDeletions(merger.policy().onDelete(), states, outbox, jdbc);
        }

        @Bean
        SyncOutbox syncOutbox(JdbcTemplate jdbc) {
            return new SyncOutbox(jdbc);
        }

        @Bean
        SyncMerger syncMerger(RapportProperties properties) {
            return new SyncMerger(new ConfigFiles(properties.home().resolve("config"))
                    .require("sync-policy.yaml", SyncPolicy.class));
        }

        @Bean
        SalesforceMapping salesforceMapping(RapportProperties properties) {
            return new ConfigFiles(properties.home().resolve("config"))
                    .require("mappings/salesforce.yaml", SalesforceMapping.class);
        }

        @Bean
        EchoWatch salesforceEchoWatch(SyncProperties properties) {
            return new EchoWatch(properties.salesforce().echoTimeout());
        }

        @Bean
        SalesforceStore salesforceStore(SalesforceMapping mapping, ApiBudget budget, CamelContext camel,
                                        EchoWatch echoes, SyncProperties properties, Clock clock) {
            SalesforceRecordMapper mapper = new SalesforceRecordMapper(mapping);
            SalesforceWriter writer = new SalesforceWriter(camel.createProducerTemplate(), mapper, budget,
                    properties.salesforce().bulkThreshold(), properties.salesforce().bulkTimeout());
            return new SalesforceStore(mapper, writer,
                    new SalesforceReader(camel.createProducerTemplate(), mapper, budget), budget, echoes, clock);
        }

        @Bean
        SalesforceInbox salesforceInbox(JdbcTemplate jdbc) {
            return new SalesforceInbox(jdbc);
        }

        @Bean
        SalesforceRecordRouter salesforceRecordRouter(SalesforceMapping mapping, InboundCustomerGateway gateway,
                                                      ActivityStore activities, Clock clock) {
            return new SalesforceRecordRouter(new SalesforceSourceRecords(new SalesforceRecordMapper(mapping)), gateway,
                    new SalesforceActivities(mapping), activities, clock);
        }

        @Bean
        SalesforceChangeListener salesforceChangeListener(SalesforceInbox inbox, SalesforceMapping mapping,
                                                          StoreDeletions deletions, SalesforceRecordRouter router,
                                                          EchoWatch echoes, JdbcTemplate jdbc,
                                                          PlatformTransactionManager transactions, Clock clock) {
            return new SalesforceChangeListener(inbox, deletions, router, echoes, new JdbcWatermarkStore(jdbc, clock),
                    new TransactionTemplate(transactions), mapping.callOptionsClient(), clock);
        }

        @Bean
        SalesforceIntake realSalesforceIntake(SalesforceInbox inbox, SalesforceMapping mapping, ApiBudget budget,
                                              CamelContext camel, SalesforceChangeListener listener,
                                              ObjectProvider<SalesforceSandbox> sandbox, JdbcTemplate jdbc,
                                              SalesforceRecordRouter router, EchoWatch echoes,
                                              SyncProperties properties, Clock clock) {
            SalesforceRecordMapper mapper = new SalesforceRecordMapper(mapping);
            JdbcWatermarkStore watermarks = new JdbcWatermarkStore(jdbc, clock);
            SyncProperties.Salesforce settings = properties.salesforce();
            SalesforceIntake.ChangeSubscription subscription =
                    settings.changeCapture() == SyncProperties.ChangeCapture.STREAMING
                            ? new SalesforceStreaming(camel, () -> salesforceComponent(properties, sandbox), listener,
                                    watermarks)
                            : SalesforceIntake.ChangeSubscription.NONE;
            return new SalesforceIntake(inbox, new SalesforceReader(camel.createProducerTemplate(), mapper, budget),
                    router, mapping.readTypes(), watermarks, subscription, echoes, settings.pollInterval(),
                    properties.batchSize(), clock);
        }

        @Bean
        SyncStateRepository syncStateRepository(JdbcTemplate jdbc, ObjectMapper json) {
            return new SyncStateRepository(jdbc, json);
        }

        @Bean
        ConflictLog conflictLog(JdbcTemplate jdbc) {
            return new ConflictLog(jdbc);
        }

        @Bean
        RejectionLog rejectionLog(JdbcTemplate jdbc) {
            return new RejectionLog(jdbc);
        }

        @Bean
        SyncEngine syncEngine(SyncMerger merger, List<StoreConnector> connectors, SyncStateRepository states,
                              ConflictLog conflicts, RejectionLog rejections, StoreDeletions deletions,
                              JdbcTemplate jdbc, ObjectMapper json, PlatformTransactionManager transactions,
                              Clock clock) {
            return new SyncEngine(merger, connectors, states, conflicts, rejections, deletions, jdbc, json,
                    new TransactionTemplate(transactions), clock);
        }

        @Bean
        ConsistencyReporter consistencyReporter(SyncMerger merger, List<StoreConnector> connectors,
                                                SyncStateRepository states, SyncOutbox outbox, ConflictLog conflicts,
                                                RejectionLog rejections, StoreDeletions deletions, Clock clock) {
            return new ConsistencyReporter(merger, connectors, states, outbox, conflicts, rejections, deletions,
                    clock);
        }

        @Bean
        Reconciliation realReconciliation(SyncMerger merger, List<StoreConnector> connectors,
                                          SyncStateRepository states, InboundCustomerGateway gateway,
                                          SyncOutbox outbox, JdbcTemplate jdbc, ObjectMapper json,
                                          SyncProperties properties, Clock clock) {
            return new Reconciliation(merger, connectors, states, jdbc, gateway, outbox, new ReconciliationRuns(jdbc, json),
                    properties.reconcile().heal(), clock);
        }
    }
}
