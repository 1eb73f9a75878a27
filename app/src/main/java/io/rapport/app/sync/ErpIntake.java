package io.rapport.app.sync;

import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.connector.erp.ErpChange;
import io.rapport.connector.erp.ErpChangeBatch;
import io.rapport.connector.erp.ErpChangeFeed;
import io.rapport.connector.erp.ErpCustomer;
import io.rapport.connector.erp.ErpCustomerMapper;
import io.rapport.connector.erp.ErpCustomerPage;
import io.rapport.connector.erp.ErpCustomerReader;
import io.rapport.connector.erp.ErpWatermark;
import io.rapport.connector.erp.WatermarkStore;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polling Consumer of the ERP's change table (route {@code erp-intake}): each poll reads the changes after the
 * persisted watermark, reads the changed customers and sends them to {@code inbound.customer} like any other
 * source's records, then saves the new watermark. The first poll of a feed with no watermark loads every customer
 * (keyset pages) and starts the feed from the change table's head as it was before the scan, so nothing changed
 * during the load is missed. Messages are committed to the broker before the watermark moves: a crash in between
 * sends the same changes again, under the same message keys, and the intake's receipts drop them. Deleted partners
 * go to {@link StoreDeletions}.
 */
public class ErpIntake implements Processor {

    public static final String BEAN_NAME = "erpIntake";
    public static final String FEED = "erp.customers";
    private static final Logger log = LoggerFactory.getLogger(ErpIntake.class);

    private final ErpChangeFeed feed;
    private final ErpCustomerReader reader;
    private final ErpCustomerMapper mapper;
    private final WatermarkStore watermarks;
    private final InboundCustomerGateway gateway;
    private final StoreDeletions deletions;
    private final Clock clock;
    private final int maxRows;

    public ErpIntake(ErpChangeFeed feed, ErpCustomerReader reader, ErpCustomerMapper mapper, WatermarkStore watermarks,
                     InboundCustomerGateway gateway, StoreDeletions deletions, Clock clock, int maxRows) {
        this.feed = feed;
        this.reader = reader;
        this.mapper = mapper;
        this.watermarks = watermarks;
        this.gateway = gateway;
        this.deletions = deletions;
        this.clock = clock;
        this.maxRows = maxRows;
    }

    @Override
    public void process(Exchange exchange) throws SQLException {
        exchange.getMessage().setBody(pollOnce());
    }

    /** Sends what changed since the last poll; returns how many customers were sent. */
    public int pollOnce() throws SQLException {
        Optional<String> saved = watermarks.load(FEED);
        if (saved.isEmpty()) {
            return initialLoad();
        }
        ErpChangeBatch batch = feed.poll(ErpWatermark.parse(saved.get()), maxRows);
        if (batch.isEmpty()) {
            if (!batch.watermark().toString().equals(saved.get())) {
                watermarks.save(FEED, batch.watermark().toString());
            }
            return 0;
        }
        List<String> changed = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (ErpChange change : batch.changes()) {
            (change.operation() == ErpChange.Operation.DELETE ? deleted : changed).add(change.partnerNo());
        }
        if (!deleted.isEmpty()) {
            // before the watermark moves: a crash in between reports them again, which changes nothing
            deletions.deleted(ErpStore.NAME, deleted, clock.instant());
        }
        int sent = send(reader.read(changed), "erp-change-" + batch.watermark().highestSeq());
        watermarks.save(FEED, batch.watermark().toString());
        return sent;
    }

    private int initialLoad() throws SQLException {
        ErpWatermark head = feed.head();
        int sent = 0;
        String after = null;
        while (true) {
            ErpCustomerPage page = reader.page(after, maxRows);
            if (page.customers().isEmpty()) {
                break;
            }
            sent += send(page.customers(), "erp-load-" + head.highestSeq() + "-" + page.customers().get(0).partnerNo());
            after = page.customers().get(page.customers().size() - 1).partnerNo();
        }
        watermarks.save(FEED, head.toString());
        log.info("ERP initial load: {} customers sent; changes are read from change {} on", sent, head.highestSeq());
        return sent;
    }

    private int send(List<ErpCustomer> customers, String importId) {
        return gateway.sendAll(importId, customers.stream().map(mapper::toSourceRecord).toList());
    }
}
