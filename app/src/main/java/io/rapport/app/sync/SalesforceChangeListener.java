package io.rapport.app.sync;

import io.rapport.connector.erp.WatermarkStore;
import io.rapport.connector.salesforce.SalesforceChange;
import io.rapport.connector.salesforce.SalesforceReader.PollPosition;
import java.time.Clock;
import java.time.DateTimeException;
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

    /**
     * A change event that cannot be filed: no entity, change type or replay id, a record id or commit time that is not
     * one. Retrying cannot mend it, so the route logs it and goes on (the catch-up poll reads whatever it named).
     */
    public static class MalformedChangeEventException extends IllegalArgumentException {
        public MalformedChangeEventException(String message) {
            super(message);
        }
    }

    // the widths of salesforce_inbox's columns; Salesforce's own values are far shorter
    private static final int MAX_ENTITY_CHARS = 64;
    private static final int MAX_CHANGE_TYPE_CHARS = 32;
    private static final int MAX_RECORD_ID_CHARS = 18;

    static SalesforceChange toChange(Message message) {
        String entity = text(message, "CamelSalesforceEntityName", MAX_ENTITY_CHARS);
        String changeType = text(message, "CamelSalesforceChangeType", MAX_CHANGE_TYPE_CHARS);
        Object ids = message.getHeader("CamelSalesforceRecordIds");
        List<?> listed = ids instanceof Object[] array ? Arrays.asList(array) : ids instanceof List<?> list ? list
                : ids == null ? List.of() : null;
        if (listed == null) {
            throw new MalformedChangeEventException("CamelSalesforceRecordIds is not a list of record ids: " + ids);
        }
        for (Object id : listed) {
            String text = id == null ? "" : id.toString();
            if (text.isBlank() || text.length() > MAX_RECORD_ID_CHARS) {
                throw new MalformedChangeEventException("the change event names a record id that is not one: '" + id
                        + "'");
            }
        }
        List<String> recordIds = listed.stream().map(String::valueOf).toList();
        Object replay = message.getHeader("CamelSalesforceReplayId");
        long replayId;
        if (replay instanceof Number number && number.longValue() == number.doubleValue()) {
            replayId = number.longValue();
        } else {
            try {
                replayId = Long.parseLong(String.valueOf(replay).strip());
            } catch (NumberFormatException e) {
                throw new MalformedChangeEventException("the change event's replay id is not a number: " + replay);
            }
        }
        Object committed = message.getHeader("CamelSalesforceCommitTimestamp");
        Instant committedAt;
        try {
            committedAt = committed instanceof Number millis ? Instant.ofEpochMilli(millis.longValue())
                    : committed != null ? Instant.parse(committed.toString()) : Instant.now();
        } catch (DateTimeException e) {
            throw new MalformedChangeEventException("the change event's commit time is not one: " + committed);
        }
        Object origin = message.getHeader("CamelSalesforceChangeOrigin");
        return new SalesforceChange(entity, changeType, recordIds, origin == null ? null : origin.toString(),
                replayId, committedAt);
    }

    private static String text(Message message, String header, int maxChars) {
        Object value = message.getHeader(header);
        if (!(value instanceof String text) || text.isBlank() || text.length() > maxChars) {
            throw new MalformedChangeEventException("the change event's " + header + " is missing or not a name of at"
                    + " most " + maxChars + " characters: " + value);
        }
        return text;
    }
}
