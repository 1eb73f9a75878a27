package io.rapport.app.sync;

import io.rapport.app.activity.ActivityStore;
import io.rapport.app.broker.Queues;
import io.rapport.app.config.ConfigFiles;
import io.rapport.app.fuzz.Backbone;
import io.rapport.app.fuzz.FuzzPath;
import io.rapport.app.fuzz.FuzzReport;
import io.rapport.app.fuzz.FuzzTally;
import io.rapport.app.fuzz.JsonValues;
import io.rapport.app.fuzz.Outcome;
import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.connector.salesforce.SalesforceActivities;
import io.rapport.connector.salesforce.SalesforceChange;
import io.rapport.connector.salesforce.SalesforceMapping;
import io.rapport.connector.salesforce.SalesforceRecordMapper;
import io.rapport.connector.salesforce.SalesforceSourceRecords;
import io.rapport.core.sync.SyncPolicy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;

/**
 * Fuzzes what the hub receives from Salesforce: Change Data Capture events (the headers the Camel Salesforce component
 * sets, as {@link SalesforceChangeListener} reads them) and the records read back by id or SOQL (as
 * {@link SalesforceRecordRouter} routes them), with the real listener, inbox, deletions, activity store, gateway and
 * broker. An event is filed (one inbox row per record, one for an overflow), recorded as a deletion, or recognised as
 * the hub's own write; or refused with a reason. A record is queued as a customer, stored as an activity, or refused
 * with a reason; never a half-sent page.
 */
@AddLifecycleHook(FuzzReport.class)
class SalesforceFuzzTest {

    private static final Backbone BACKBONE = Backbone.get();
    private static final ConfigFiles CONFIG = new ConfigFiles(Path.of(System.getProperty("rapport.home", "."))
            .resolve("config"));
    private static final SalesforceMapping MAPPING = CONFIG.require("mappings/salesforce.yaml", SalesforceMapping.class);
    private static final String HUB_CLIENT = MAPPING.callOptionsClient();
    private static final ActivityStore ACTIVITIES = new ActivityStore(BACKBONE.jdbc(), BACKBONE.transactions());
    private static final SalesforceRecordRouter ROUTER = new SalesforceRecordRouter(
            new SalesforceSourceRecords(new SalesforceRecordMapper(MAPPING)),
            new InboundCustomerGateway(BACKBONE.connectionFactory(), BACKBONE.json()),
            new SalesforceActivities(MAPPING), ACTIVITIES, Clock.systemUTC());
    private static final SalesforceChangeListener LISTENER = new SalesforceChangeListener(
            new SalesforceInbox(BACKBONE.jdbc()),
            new StoreDeletions(new io.rapport.core.sync.SyncMerger(CONFIG.require("sync-policy.yaml", SyncPolicy.class))
                    .policy().onDelete(), new SyncStateRepository(BACKBONE.jdbc(), BACKBONE.json()),
                    new SyncOutbox(BACKBONE.jdbc()), BACKBONE.jdbc()),
            ROUTER, new EchoWatch(Duration.ofSeconds(30)), new JdbcWatermarkStore(BACKBONE.jdbc(), Clock.systemUTC()),
            BACKBONE.transactions(), HUB_CLIENT, Clock.systemUTC());
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final AtomicLong REPLAY = new AtomicLong();

    private static final List<String> OBJECTS = List.of("Contact", "Account", "Lead", "Case", "Task");

    @Property(tries = 10_000)
    @FuzzPath("salesforce-change-events")
    void everyChangeEventIsFiledOrRefusedWithAReason(@ForAll("events") Map<String, Object> headers) {
        FuzzTally tally = FuzzTally.current();
        tally.attempt(() -> file(tally, headers));
    }

    @Property(tries = 10_000)
    @FuzzPath("salesforce-records")
    void everyRecordReadBackIsRoutedOrRefusedWithAReason(@ForAll("objects") String object,
                                                         @ForAll("records") Map<String, Object> record) {
        FuzzTally tally = FuzzTally.current();
        tally.attempt(() -> route(tally, object, record));
    }

    private static Outcome file(FuzzTally tally, Map<String, Object> headers) {
        Message message = new DefaultMessage(CAMEL);
        headers.forEach(message::setHeader);
        SalesforceChange change;
        try {
            change = SalesforceChangeListener.toChange(message);
        } catch (IllegalArgumentException malformed) {
            check(malformed.getMessage() != null && !malformed.getMessage().isBlank(), "refused without a reason");
            return Outcome.REJECTED;
        }
        long inboxBefore = count("SELECT COUNT(*) FROM salesforce_inbox");
        LISTENER.accept(change);
        long filed = count("SELECT COUNT(*) FROM salesforce_inbox") - inboxBefore;
        if (change.madeBy(HUB_CLIENT)) {
            check(filed == 0, "the hub's own write was filed");
            tally.count("echoes", 1);
        } else if (change.deletion()) {
            check(filed == 0, "a deletion was filed for reading");
            tally.count("deletions", 1);
        } else {
            long expected = change.overflow() ? 1 : change.recordIds().size();
            check(filed == expected, "filed " + filed + " inbox rows for an event naming " + expected);
        }
        BACKBONE.jdbc().update("DELETE FROM salesforce_inbox");
        return Outcome.ACCEPTED;
    }

    private static Outcome route(FuzzTally tally, String object, Map<String, Object> record) {
        check(BACKBONE.depth(Queues.INBOUND_CUSTOMER) == 0, "messages queued after their record was routed");
        try {
            return routeOne(tally, object, record);
        } finally {
            BACKBONE.purge(Queues.INBOUND_CUSTOMER);
        }
    }

    private static Outcome routeOne(FuzzTally tally, String object, Map<String, Object> record) {
        long queuedBefore = 0;
        long storedBefore = count("SELECT COUNT(*) FROM customer_activity");
        int sent;
        try {
            sent = ROUTER.send(object, List.of(record), "fuzz-" + REPLAY.incrementAndGet());
        } catch (IllegalArgumentException refused) {
            check(refused.getMessage() != null && !refused.getMessage().isBlank(), "refused without a reason");
            check(BACKBONE.depth(Queues.INBOUND_CUSTOMER) == queuedBefore, "a refused record was queued");
            return Outcome.REJECTED;
        }
        long queued = BACKBONE.awaitDepth(Queues.INBOUND_CUSTOMER, activities(object) ? 0 : sent);
        long stored = count("SELECT COUNT(*) FROM customer_activity") - storedBefore;
        if (new SalesforceActivities(MAPPING).isActivity(object)) {
            check(queued == 0, "an activity went to the customer queue");
            if (sent == 0) {
                // the router logs the reason; it is the mapping's IllegalArgumentException, checked here
                String reason;
                try {
                    reason = ActivityStore.unfit(new SalesforceActivities(MAPPING).toActivity(object, record));
                } catch (IllegalArgumentException unreadable) {
                    reason = unreadable.getMessage();
                }
                if (reason != null) {
                    check(!reason.isBlank(), "no reason");
                    check(stored == 0, "a refused activity was stored");
                    return Outcome.REJECTED;
                }
                check(stored == 0, "nothing reported stored, yet " + stored + " stored");
                tally.count("activityUnchanged", 1);
                return Outcome.ACCEPTED;
            }
            check(sent == 1, "one activity, " + sent + " stored");
            tally.count("activities", 1);
            return Outcome.ACCEPTED;
        }
        check(sent == 1 && queued == 1, "one customer record: " + sent + " sent, " + queued + " queued");
        tally.count("customers", 1);
        return Outcome.ACCEPTED;
    }

    private static boolean activities(String object) {
        return new SalesforceActivities(MAPPING).isActivity(object);
    }

    private static long count(String sql) {
        return BACKBONE.jdbc().queryForObject(sql, Long.class);
    }

    private static void check(boolean holds, String problem) {
        if (!holds) {
            throw new AssertionError(problem);
        }
    }

    @Provide
    Arbitrary<Map<String, Object>> events() {
        Arbitrary<Object> entity = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(OBJECTS).map(o -> (Object) o)),
                Tuple.of(2, JsonValues.anyValue()));
        Arbitrary<Object> changeType = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("CREATE", "UPDATE", "DELETE", "UNDELETE", "GAP_CREATE", "GAP_UPDATE",
                        "GAP_DELETE", "GAP_UNDELETE", "GAP_OVERFLOW").map(t -> (Object) t)),
                Tuple.of(2, JsonValues.anyValue()));
        Arbitrary<String> id = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.strings().alpha().numeric().ofLength(18).map(s -> "003" + s.substring(3))),
                Tuple.of(2, JsonValues.awkwardText()));
        Arbitrary<Object> ids = Arbitraries.frequencyOf(
                Tuple.of(5, id.list().ofMaxSize(5).map(l -> (Object) l.toArray(new String[0]))),
                Tuple.of(3, id.list().ofMaxSize(5).map(l -> (Object) l)),
                Tuple.of(1, JsonValues.anyValue()));
        Arbitrary<Object> origin = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just((Object) ("com/salesforce/api/rest/62.0;client=" + HUB_CLIENT))),
                Tuple.of(4, Arbitraries.of("com/salesforce/api/soap/62.0;client=SfdcInternalAPI/", "", ";;;",
                        "client=" + HUB_CLIENT + "x", "client=").map(o -> (Object) o)),
                Tuple.of(2, JsonValues.anyValue()));
        Arbitrary<Object> replayId = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(1, Long.MAX_VALUE).map(l -> (Object) l)),
                Tuple.of(2, JsonValues.anyValue()));
        Arbitrary<Object> committed = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.longs().between(0, 4_102_444_800_000L).map(l -> (Object) l)),
                Tuple.of(2, Arbitraries.of("2026-11-24T10:15:00Z", "2026-11-24T10:15:00.000+0000", "yesterday", "",
                        "-999999999-01-01T00:00:00Z").map(s -> (Object) s)),
                Tuple.of(2, JsonValues.anyValue()));
        return Combinators.combine(entity, changeType, ids, origin, replayId, committed,
                Arbitraries.integers().between(0, 63)).as((e, t, i, o, r, c, absent) -> {
                    Map<String, Object> headers = new LinkedHashMap<>();
                    put(headers, "CamelSalesforceEntityName", e, absent, 0);
                    put(headers, "CamelSalesforceChangeType", t, absent, 1);
                    put(headers, "CamelSalesforceRecordIds", i, absent, 2);
                    put(headers, "CamelSalesforceChangeOrigin", o, absent, 3);
                    put(headers, "CamelSalesforceReplayId", r, absent, 4);
                    put(headers, "CamelSalesforceCommitTimestamp", c, absent, 5);
                    return headers;
                });
    }

    /** Each header is absent now and then (a bit of {@code absent} per header, set one time in eight). */
    private static void put(Map<String, Object> headers, String name, Object value, int absent, int bit) {
        if (value != null && ((absent >> bit) & 1) == 0 || absent % 8 != 0) {
            headers.put(name, value);
        }
    }

    @Provide
    Arbitrary<String> objects() {
        return Arbitraries.of(OBJECTS);
    }

    @Provide
    Arbitrary<Map<String, Object>> records() {
        List<String> fields = new ArrayList<>(List.of("Id", "FirstName", "LastName", "Name", "Email", "Phone",
                "MobilePhone", "MailingStreet", "MailingCity", "MailingPostalCode", "MailingCountry", "Birthdate",
                "Company", "Status", "Subject", "Priority", "ContactId", "AccountId", "WhoId", "WhatId", "CreatedDate",
                "ClosedDate", "ActivityDate", "IsClosed", "SystemModstamp", "LastModifiedDate", "Rapport_Id__c",
                "attributes", "Unknown__c"));
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("Id", "0035g00000AbCdEAAV");
        contact.put("FirstName", "Anna");
        contact.put("LastName", "Berg");
        contact.put("Email", "anna@example.com");
        contact.put("Phone", "+47 22 00 00 00");
        contact.put("Subject", "Order missing");
        contact.put("Status", "New");
        contact.put("ContactId", "0035g00000AbCdEAAV");
        contact.put("CreatedDate", "2026-11-24T10:15:00.000+0000");
        contact.put("SystemModstamp", "2026-11-24T10:16:00.000+0000");
        contact.put("attributes", Map.of("type", "Contact"));
        return JsonValues.mutate(contact, fields);
    }
}
