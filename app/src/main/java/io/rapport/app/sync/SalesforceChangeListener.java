package io.rapport.app.sync;

import io.rapport.connector.erp.WatermarkStore;
import io.rapport.connector.salesforce.SalesforceChange;
import io.rapport.connector.salesforce.SalesforceReader.PollPosition;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Event-Driven Consumer of Salesforce Change Data Capture (route {@code salesforce-changes}): files the records each
 * change names in the {@link SalesforceInbox} and saves the event's replay id in the same transaction, so a restart
 * resumes the subscription after the last event filed and no event is lost or filed twice.
 *
 * <p>The hub's own writes come back as events whose {@code changeOrigin} names the hub's API client: they are
 * dropped here, before costing a read (the sync engine's value hashes would recognize them too). Their replay ids are
 * saved now and then rather than each time, since replaying an echo again costs nothing. Deletions go to
 * {@link StoreDeletions} (customers) or the activity store (activities), in the same transaction as their replay id.
 */
public class SalesforceChangeListener implements Processor {

    public static final String REPLAY_FEED = "salesforce.replay-id";
    private static final int ECHOES_PER_SAVE = 500;
    private static final Duration ECHO_SAVE_INTERVAL = Duration.ofSeconds(10);

    private final SalesforceInbox inbox;
    private final StoreDeletions deletions;
    private final SalesforceRecordRouter router;
    private final EchoWatch echoWatch;
    private final WatermarkStore watermarks;
    private final TransactionTemplate transactions;
    private final String hubClient;
    private final Clock clock;
    private int unsavedEchoes;
    private Instant lastSave = Instant.MIN;
    private long echoes;
    private long filed;

    public SalesforceChangeListener(SalesforceInbox inbox, StoreDeletions deletions, SalesforceRecordRouter router,
                                    EchoWatch echoWatch, WatermarkStore watermarks, TransactionTemplate transactions,
                                    String hubClient, Clock clock) {
        this.inbox = inbox;
        this.deletions = deletions;
        this.router = router;
        this.echoWatch = echoWatch;
        this.watermarks = watermarks;
        this.transactions = transactions;
        this.hubClient = hubClient;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        accept(toChange(exchange.getMessage()));
    }

    /** Files one change event (events arrive one at a time, in replay order). */
    public void accept(SalesforceChange change) {
        Instant now = clock.instant();
        echoWatch.heard(now);
        if (change.madeBy(hubClient)) {
            echoes++;
            if (++unsavedEchoes >= ECHOES_PER_SAVE || lastSave.plus(ECHO_SAVE_INTERVAL).isBefore(now)) {
                transactions.executeWithoutResult(status -> saveReplayId(change, now));
            }
            return;
        }
        if (change.deletion()) {
            transactions.executeWithoutResult(status -> {
                if (!router.deleted(change.entity(), change.recordIds())) {
                    deletions.deleted(SalesforceStore.NAME, change.recordIds(), now);
                }
                saveReplayId(change, now);
            });
            return;
        }
        transactions.executeWithoutResult(status -> {
            inbox.file(change, now);
            saveReplayId(change, now);
        });
        filed++;
    }

    /** Change events that were the hub's own writes, since start. */
    public long echoes() {
        return echoes;
    }

    /** Change events filed for reading, since start. */
    public long filed() {
        return filed;
    }

    private void saveReplayId(SalesforceChange change, Instant now) {
        watermarks.save(REPLAY_FEED, Long.toString(change.replayId()));
        // where a SystemModstamp catch-up starts if the subscription is ever lost; a second early for clock steps
        watermarks.save(SalesforceIntake.pollFeed(change.entity()),
                new PollPosition(change.committedAt().minusSeconds(1), "").toString());
        unsavedEchoes = 0;
        lastSave = now;
    }

    static SalesforceChange toChange(Message message) {
        Object ids = message.getHeader("CamelSalesforceRecordIds");
        List<String> recordIds = ids instanceof String[] array ? Arrays.asList(array)
                : ids instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        Object committed = message.getHeader("CamelSalesforceCommitTimestamp");
        Instant committedAt = committed instanceof Number millis ? Instant.ofEpochMilli(millis.longValue())
                : committed != null ? Instant.parse(committed.toString()) : Instant.now();
        return new SalesforceChange(message.getHeader("CamelSalesforceEntityName", String.class),
                message.getHeader("CamelSalesforceChangeType", String.class), recordIds,
                message.getHeader("CamelSalesforceChangeOrigin", String.class),
                message.getHeader("CamelSalesforceReplayId", Long.class), committedAt);
    }
}
