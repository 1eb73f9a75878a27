package io.rapport.app.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.camel.jmsbatch.JmsBatchMessage;
import io.rapport.app.ingest.CustomerRowMessage;
import io.rapport.app.resolve.CustomerResolutionService;
import io.rapport.app.store.SourceRecordStore.Incoming;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code customer-resolve} stage: a batch of {@link CustomerRowMessage}s from {@code inbound.customer} is stored,
 * normalized, resolved into customers and their golden records rebuilt, in one database transaction.
 * Referenced by name ({@value #BEAN_NAME}) from routes/customer-intake.yaml.
 */
public class ResolveCustomerBatchStage implements Processor {

    public static final String BEAN_NAME = "resolveCustomerBatch";
    public static final String STAGE = "customer-resolve";

    private static final Logger log = LoggerFactory.getLogger(ResolveCustomerBatchStage.class);

    private final CustomerResolutionService resolution;
    private final ObjectMapper json;

    public ResolveCustomerBatchStage(CustomerResolutionService resolution, ObjectMapper json) {
        this.resolution = resolution;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        List<JmsBatchMessage> messages = exchange.getMessage().getMandatoryBody(List.class);
        List<Incoming> batch = new ArrayList<>(messages.size());
        for (JmsBatchMessage message : messages) {
            CustomerRowMessage row = json.readValue(message.body(), CustomerRowMessage.class);
            String key = message.properties().containsKey(MessageHeaders.MESSAGE_KEY)
                    ? message.property(MessageHeaders.MESSAGE_KEY) : row.messageKey();
            batch.add(new Incoming(key, row.toSourceRecord(), row.importId(), row.row()));
        }
        CustomerResolutionService.BatchOutcome outcome = resolution.apply(STAGE, batch);
        log.debug("batch of {}: {}", batch.size(), outcome);
    }
}
