package io.rapport.app.sync;

import io.rapport.connector.erp.WatermarkStore;
import io.rapport.connector.salesforce.SalesforceReader.ModifiedPage;
import io.rapport.connector.salesforce.SalesforceReader.PollPosition;
import io.rapport.connector.salesforce.SalesforceReader;
import io.rapport.connector.salesforce.SalesforceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Salesforce into the hub (route {@code salesforce-intake}): reads the records change events named (the
 * {@link SalesforceInbox}) and routes them ({@link SalesforceRecordRouter}: customers to {@code inbound.customer} as
 * source {@code salesforce}, activities to the activity store); without a live
 * subscription, polls each mapped type by {@code SystemModstamp} from a persisted position instead. Starting the
 * subscription is its job too ({@link ChangeSubscription}): when it starts, one catch-up poll covers whatever changed
 * while there was none (the first one reads every record: the initial load). A subscription that stops delivering
 * without saying so is noticed by the hub's own writes not coming back ({@link EchoWatch}) and started again. An
 * unavailable Salesforce leaves everything where it is and is retried with backoff (1 s doubling to 1 min).
 */
public class SalesforceIntake implements Processor {

    public static final String BEAN_NAME = "salesforceIntake";
    private static final Logger log = LoggerFactory.getLogger(SalesforceIntake.class);
    /** How far before a poll's start its position is set when the poll found nothing: clocks are not exact. */
    private static final Duration CLOCK_MARGIN = Duration.ofSeconds(5);

    /** Starts the change event subscription; {@code polling only} when there is none to start. */
    public interface ChangeSubscription {

        /** Whether change events are arriving (or being replayed) now. */
        boolean active();

        /**
         * Logs in and subscribes after the replay id saved last.
         *
         * @throws SalesforceUnavailableException when Salesforce cannot be reached
         */
        void start();

        /** Drops the subscription and subscribes again after the replay id saved last. */
        void restart();

        ChangeSubscription NONE = new ChangeSubscription() {
            @Override
            public boolean active() {
                return false;
            }

            @Override
            public void start() {
            }

            @Override
            public void restart() {
            }
        };
    }

    private final SalesforceInbox inbox;
    private final SalesforceReader reader;
    private final SalesforceRecordRouter router;
    private final List<String> objects;
    private final WatermarkStore watermarks;
    private final ChangeSubscription subscription;
    private final EchoWatch echoes;
    private final Duration pollInterval;
    private final int batchSize;
    private final Clock clock;
    private boolean catchUpDue = true;
    private Instant nextPoll = Instant.MIN;
    private final Backoff backoff = new Backoff();
    private final Backoff subscribeBackoff = new Backoff();

    /** @param objects every sObject type read: customers' and activities' */
    public SalesforceIntake(SalesforceInbox inbox, SalesforceReader reader, SalesforceRecordRouter router,
                            List<String> objects, WatermarkStore watermarks, ChangeSubscription subscription,
                            EchoWatch echoes, Duration pollInterval, int batchSize, Clock clock) {
        this.inbox = inbox;
        this.reader = reader;
        this.router = router;
        this.objects = List.copyOf(objects);
        this.watermarks = watermarks;
        this.subscription = subscription;
        this.echoes = echoes;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.clock = clock;
    }

    static String pollFeed(String sObjectName) {
        return "salesforce.modstamp." + sObjectName;
    }

    @Override
    public void process(Exchange exchange) {
        Instant now = clock.instant();
        if (backoff.waiting(now)) {
            return;
        }
        try {
            exchange.getMessage().setBody(runOnce(now));
            backoff.succeeded();
        } catch (SalesforceUnavailableException e) {
            log.warn("Salesforce unavailable ({}); changes stay filed, next try in {} s", e.getMessage(),
                    backoff.failed(now).toSeconds());
        }
    }

    /** Returns how many records were sent to the intake. */
    int runOnce(Instant now) {
        if (subscription.active() && echoes.deaf(now)) {
            resubscribe(now);
        }
        if (!subscription.active() && !subscribeBackoff.waiting(now)) {
            subscribe(now);
        }
        int sent = 0;
        if (catchUpDue || (!subscription.active() && !now.isBefore(nextPoll))) {
            for (String object : objects) {
                sent += pollAll(object, now);
            }
            catchUpDue = false;
            nextPoll = now.plus(pollInterval);
        }
        return sent + drainInbox(now);
    }

    /** The subscription stopped delivering: the replay from the saved id, and a catch-up poll, cover the gap. */
    private void resubscribe(Instant now) {
        log.warn("No Salesforce change event since the hub's own write at {} (its echo is {} s overdue): the"
                + " subscription has stopped receiving; subscribing again, with a catch-up poll",
                echoes.unansweredSince(), Duration.between(echoes.unansweredSince(), now).toSeconds());
        echoes.reset();
        catchUpDue = true;
        try {
            subscription.restart();
        } catch (SalesforceUnavailableException e) {
            log.warn("{}; polling every {} s meanwhile", e.getMessage(), pollInterval.toSeconds());
        }
    }

    /** Without a subscription the poll stands in, so failing to subscribe only delays the next attempt. */
    private void subscribe(Instant now) {
        try {
            subscription.start();
            if (subscription.active()) {
                catchUpDue = true;
                subscribeBackoff.succeeded();
                log.info("Subscribed to Salesforce change events");
            }
        } catch (SalesforceUnavailableException e) {
            log.warn("{}; polling every {} s meanwhile, next attempt in {} s", e.getMessage(),
                    pollInterval.toSeconds(), subscribeBackoff.failed(now).toSeconds());
        }
    }

    private int drainInbox(Instant now) {
        int sent = 0;
        for (SalesforceInbox.Batch batch = inbox.next(batchSize); !batch.isEmpty(); batch = inbox.next(batchSize)) {
            for (String object : batch.wholeTypes()) {
                sent += pollAll(object, now);
            }
            for (Map.Entry<String, Set<String>> entry : batch.recordIds().entrySet()) {
                if (objects.contains(entry.getKey())) {
                    sent += send(entry.getKey(), reader.readByIds(entry.getKey(), entry.getValue()),
                            "sf-change-" + batch.lastEntryId());
                }
            }
            inbox.remove(batch);
        }
        return sent;
    }

    /** Reads every record of the type changed since the saved position, page by page, saving it after each. */
    private int pollAll(String object, Instant startedAt) {
        Optional<String> saved = watermarks.load(pollFeed(object));
        PollPosition position = saved.map(PollPosition::parse).orElse(null);
        int sent = 0;
        ModifiedPage page;
        do {
            page = reader.modifiedAfter(object, position);
            sent += send(object, page.records(), "sf-poll-" + object + "-" + (position == null ? "start"
                    : position.systemModstamp().toEpochMilli() + "-" + position.id()));
            position = page.next() != null ? page.next() : new PollPosition(startedAt.minus(CLOCK_MARGIN), "");
            watermarks.save(pollFeed(object), position.toString());
        } while (page.more());
        if (saved.isEmpty()) {
            log.info("Salesforce initial load: {} {} records read", sent, object);
        }
        return sent;
    }

    private int send(String object, List<Map<String, Object>> found, String importId) {
        return router.send(object, found, importId);
    }
}
