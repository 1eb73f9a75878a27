package io.rapport.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.rapport.app.broker.ArtemisManagementQueueStatistics;
import io.rapport.app.broker.QueueStatistics;
import io.rapport.app.broker.Queues;
import io.rapport.app.ingest.CustomerImportService;
import io.rapport.app.ingest.CustomerRecordIntake;
import io.rapport.app.ingest.ImportRuns;
import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.app.logging.CorrelationIdRoutePolicyFactory;
import io.rapport.app.pipeline.DeadLetterOperations;
import io.rapport.app.pipeline.DeadLetterReplayer;
import io.rapport.app.pipeline.PipelineStage;
import io.rapport.app.pipeline.PipelineStages;
import io.rapport.app.pipeline.PipelineStatusService;
import io.rapport.app.routes.CustomerFileImporter;
import io.rapport.app.routes.ResolveCustomerBatchStage;
import io.rapport.app.social.SocialActionStage;
import io.rapport.app.social.SocialEnrichStage;
import io.rapport.app.store.SourceRecordStore;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Assembles the customer intake pipeline: import paths, the inbound queue, the store stage and the operations
 * around them. The YAML routes under routes/ refer to the stage beans by name.
 */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PipelineStages pipelineStages() {
        return new PipelineStages(List.of(new PipelineStage(ResolveCustomerBatchStage.STAGE, Queues.INBOUND_CUSTOMER),
                new PipelineStage(SocialEnrichStage.STAGE, Queues.INBOUND_SOCIAL),
                new PipelineStage(SocialActionStage.STAGE, Queues.SOCIAL_ACTION)));
    }

    @Bean
    InboundCustomerGateway inboundCustomerGateway(ConnectionFactory connectionFactory, ObjectMapper json) {
        return new InboundCustomerGateway(connectionFactory, json);
    }

    @Bean
    ImportRuns importRuns(JdbcTemplate jdbc, ObjectMapper json) {
        return new ImportRuns(jdbc, json);
    }

    @Bean
    CustomerImportService customerImportService(InboundCustomerGateway gateway, ImportRuns runs,
                                                RapportProperties properties, Clock clock, MeterRegistry meters) {
        return new CustomerImportService(gateway, runs, properties.imports(), clock, meters);
    }

    @Bean
    CustomerRecordIntake customerRecordIntake(InboundCustomerGateway gateway, RapportProperties properties) {
        return new CustomerRecordIntake(gateway, properties.imports().maxFieldChars());
    }

    @Bean
    SourceRecordStore sourceRecordStore(JdbcTemplate jdbc, ObjectMapper json) {
        return new SourceRecordStore(jdbc, json);
    }

    @Bean(CustomerFileImporter.BEAN_NAME)
    CustomerFileImporter customerFileImporter(CustomerImportService imports, ObjectMapper json) {
        return new CustomerFileImporter(imports, json);
    }

    @Bean
    CorrelationIdRoutePolicyFactory correlationIdRoutePolicyFactory() {
        return new CorrelationIdRoutePolicyFactory();
    }

    @Bean
    QueueStatistics queueStatistics(ConnectionFactory connectionFactory) {
        return new ArtemisManagementQueueStatistics(connectionFactory);
    }

    @Bean
    PipelineStatusService pipelineStatusService(PipelineStages stages, QueueStatistics queues,
                                                SourceRecordStore store, CustomerImportService imports) {
        return new PipelineStatusService(stages, queues, store, imports);
    }

    @Bean
    DeadLetterReplayer deadLetterReplayer(ConnectionFactory connectionFactory, PipelineStages stages) {
        return new DeadLetterReplayer(connectionFactory, stages);
    }

    @Bean
    DeadLetterOperations deadLetterOperations(DeadLetterReplayer replayer) {
        return new DeadLetterOperations(replayer);
    }
}
