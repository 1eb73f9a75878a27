package io.rapport.app.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.ingest.CustomerRowMessage;
import io.rapport.app.store.SourceRecordStore;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code customer-store} stage: applies one {@link CustomerRowMessage} to the {@link SourceRecordStore}.
 * Referenced by name ({@value #BEAN_NAME}) from routes/customer-intake.yaml.
 */
public class StoreSourceRecordStage implements Processor {

    public static final String BEAN_NAME = "storeSourceRecord";
    public static final String STAGE = "customer-store";
    public static final String OUTCOME_HEADER = "rapportStoreOutcome";

    private static final Logger log = LoggerFactory.getLogger(StoreSourceRecordStage.class);

    private final SourceRecordStore store;
    private final ObjectMapper json;

    public StoreSourceRecordStage(SourceRecordStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        CustomerRowMessage row = json.readValue(exchange.getMessage().getMandatoryBody(String.class), CustomerRowMessage.class);
        String key = exchange.getMessage().getHeader(MessageHeaders.MESSAGE_KEY, row.messageKey(), String.class);
        SourceRecordStore.Outcome outcome = store.store(key, STAGE, row.toSourceRecord(), row.importId(), row.row());
        exchange.getMessage().setHeader(OUTCOME_HEADER, outcome.name());
        log.debug("stored {} row {} as {}", row.source(), row.row(), outcome);
    }
}
