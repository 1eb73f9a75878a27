package io.rapport.app.sync;

import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import io.rapport.app.config.ConfigFiles;
import io.rapport.app.fuzz.Backbone;
import io.rapport.app.fuzz.FuzzPath;
import io.rapport.app.fuzz.FuzzReport;
import io.rapport.app.fuzz.FuzzTally;
import io.rapport.app.fuzz.JsonValues;
import io.rapport.app.fuzz.Outcome;
import io.rapport.app.ingest.InboundCustomerGateway;
import io.rapport.connector.erp.ChangeCaptureInstaller;
import io.rapport.connector.erp.ErpChangeFeed;
import io.rapport.connector.erp.ErpCustomerMapper;
import io.rapport.connector.erp.ErpCustomerReader;
import io.rapport.connector.erp.InMemoryWatermarkStore;
import io.rapport.core.sync.SyncMerger;
import io.rapport.core.sync.SyncPolicy;
import io.rapport.sim.erp.ErpSchema;
import jakarta.jms.Message;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jms.core.JmsTemplate;

/**
 * Fuzzes what the ERP connector reads: partners and addresses written with awkward values (every column type, each
 * value cut to its column's width, as the ERP's own schema would), and change-table rows as only a hand-made fix would
 * write them (unknown entities, keys and operation codes). Each try writes a few changes, then one poll of the real
 * {@link ErpIntake} (change feed, customer reader, mapper, gateway, broker) must queue every changed partner that
 * still exists, once, and nothing else.
 */
@AddLifecycleHook(FuzzReport.class)
class ErpChangesFuzzTest {

    private static final Backbone BACKBONE = Backbone.get();
    private static final SimpleDriverDataSource ERP = erp();
    private static final ConfigFiles CONFIG = new ConfigFiles(Path.of(System.getProperty("rapport.home", "."))
            .resolve("config"));
    private static final ErpIntake INTAKE = new ErpIntake(new ErpChangeFeed(ERP), new ErpCustomerReader(ERP),
            new ErpCustomerMapper(), new InMemoryWatermarkStore(),
            new InboundCustomerGateway(BACKBONE.connectionFactory(), BACKBONE.json()),
            new StoreDeletions(new SyncMerger(CONFIG.require("sync-policy.yaml", SyncPolicy.class)).policy().onDelete(),
                    new SyncStateRepository(BACKBONE.jdbc(), BACKBONE.json()), new SyncOutbox(BACKBONE.jdbc()),
                    BACKBONE.jdbc()), Clock.systemUTC(), 2_000);
    private static final JmsTemplate QUEUE = queue();
    private static final List<String> PARTNERS = List.of("F000001", "F000002", "F000003", "F000004", "F000005",
            "F000006", "F000007", "F000008");

    /** One change: what it does to which partner, and with which values. */
    record Change(int kind, String partnerNo, List<String> values, LocalDate date, String rawEntity, String rawKey,
                  String rawOperation) {
    }

    @Property(tries = 10_000)
    @FuzzPath("erp-changes")
    void everyChangedPartnerIsQueuedOnce(@ForAll("changes") List<Change> changes) {
        FuzzTally tally = FuzzTally.current();
        tally.attempt(() -> poll(tally, changes));
    }

    private static Outcome poll(FuzzTally tally, List<Change> changes) throws Exception {
        INTAKE.pollOnce(); // the first one loads the empty ERP and sets the watermark; later ones find nothing
        check(BACKBONE.depth(Queues.INBOUND_CUSTOMER) == 0, "messages queued outside a poll");
        Map<String, Character> lastPartnerOperation = new HashMap<>();
        Set<String> touched = new LinkedHashSet<>();
        try (Connection erp = ERP.getConnection()) {
            for (Change change : changes) {
                apply(erp, change, touched, lastPartnerOperation);
            }
        }
        int sent = INTAKE.pollOnce();
        List<String> queued = new ArrayList<>();
        for (long n = BACKBONE.awaitDepth(Queues.INBOUND_CUSTOMER, sent); n > 0; n--) {
            Message message = QUEUE.receive(Queues.INBOUND_CUSTOMER);
            check(message != null, "a queued message could not be received");
            queued.add(message.getStringProperty(MessageHeaders.SOURCE_ID));
        }
        check(queued.size() == sent, sent + " reported sent, " + queued.size() + " queued");
        check(new LinkedHashSet<>(queued).size() == queued.size(), "a partner queued twice: " + queued);
        check(touched.containsAll(queued), "queued partners that did not change: " + queued + " vs " + touched);
        for (String partner : touched) {
            Character operation = lastPartnerOperation.get(partner);
            boolean deleted = operation != null && operation == 'D';
            if (!deleted && exists(partner)) {
                check(queued.contains(partner), "partner " + partner + " changed but was not queued (lost)");
            }
        }
        tally.count("partnersQueued", queued.size());
        return Outcome.ACCEPTED;
    }

    private static void apply(Connection erp, Change change, Set<String> touched, Map<String, Character> last)
            throws SQLException {
        String p = change.partnerNo();
        switch (change.kind()) {
            case 0, 1 -> { // a partner written by an ERP program, with awkward values
                List<String> v = change.values();
                boolean exists = exists(erp, p);
                String sql = exists
                        ? "UPDATE bp_partner SET first_name = ?, last_name = ?, org_name = ?, email = ?, phone = ?,"
                        + " national_id = ?, birth_date = ?, changed_at = ?, changed_by = ? WHERE partner_no = ?"
                        : "INSERT INTO bp_partner (first_name, last_name, org_name, email, phone, national_id,"
                        + " birth_date, changed_at, changed_by, partner_no, kind, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PERSON', CURRENT_TIMESTAMP)";
                try (PreparedStatement write = erp.prepareStatement(sql)) {
                    write.setString(1, cut(v.get(0), 60));
                    write.setString(2, cut(v.get(1), 80));
                    write.setString(3, cut(v.get(2), 160));
                    write.setString(4, cut(v.get(3), 254));
                    write.setString(5, cut(v.get(4), 40));
                    write.setString(6, cut(v.get(5), 32));
                    write.setDate(7, change.date() == null ? null : Date.valueOf(change.date()));
                    write.setTimestamp(8, new Timestamp(System.nanoTime() / 1_000));
                    write.setString(9, cut(v.get(6) == null ? "ERPUSER" : v.get(6), 30));
                    write.setString(10, p);
                    write.executeUpdate();
                }
                touched.add(p);
                last.put(p, exists ? 'U' : 'I');
            }
            case 2 -> { // an address of an existing partner
                if (!exists(erp, p)) {
                    return;
                }
                List<String> v = change.values();
                try (PreparedStatement delete = erp.prepareStatement(
                        "DELETE FROM bp_address WHERE partner_no = ? AND address_type = 'BILL'")) {
                    delete.setString(1, p);
                    delete.executeUpdate();
                }
                try (PreparedStatement insert = erp.prepareStatement("INSERT INTO bp_address (partner_no,"
                        + " address_type, street, house_no, postcode, city, country, changed_at, changed_by)"
                        + " VALUES (?, 'BILL', ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, 'ERPUSER')")) {
                    insert.setString(1, p);
                    insert.setString(2, cut(v.get(0), 120));
                    insert.setString(3, cut(v.get(1), 16));
                    insert.setString(4, cut(v.get(2), 12));
                    insert.setString(5, cut(v.get(3), 80));
                    String country = v.get(4) == null ? "NO" : (v.get(4) + "XX").substring(0, 2);
                    insert.setString(6, country);
                    insert.executeUpdate();
                }
                touched.add(p);
            }
            case 3 -> { // a partner deleted (its addresses with it)
                try (PreparedStatement delete = erp.prepareStatement("DELETE FROM bp_partner WHERE partner_no = ?")) {
                    delete.setString(1, p);
                    if (delete.executeUpdate() > 0) {
                        touched.add(p);
                        last.put(p, 'D');
                    }
                }
            }
            default -> { // a change row nobody's trigger wrote
                String entity = cut(change.rawEntity(), 30);
                String key = cut(change.rawKey(), 100);
                String operation = change.rawOperation();
                try (PreparedStatement insert = erp.prepareStatement("INSERT INTO rapport_change (entity, entity_key,"
                        + " operation, changed_by, captured_at) VALUES (?, ?, ?, 'DBA', CURRENT_TIMESTAMP)")) {
                    insert.setString(1, entity);
                    insert.setString(2, key);
                    insert.setString(3, operation);
                    insert.executeUpdate();
                }
                int separator = key.indexOf(':');
                String partner = separator < 0 ? key : key.substring(0, separator);
                touched.add(partner);
                if (entity.equals("bp_partner")) {
                    last.put(partner, operation.strip().equals("D") ? 'D' : 'U');
                }
            }
        }
    }

    private static boolean exists(String partnerNo) throws SQLException {
        try (Connection erp = ERP.getConnection()) {
            return exists(erp, partnerNo);
        }
    }

    private static boolean exists(Connection erp, String partnerNo) throws SQLException {
        try (PreparedStatement select = erp.prepareStatement("SELECT 1 FROM bp_partner WHERE partner_no = ?")) {
            select.setString(1, partnerNo);
            return select.executeQuery().next();
        }
    }

    private static String cut(String value, int width) {
        if (value == null) {
            return null;
        }
        String cut = value.length() <= width ? value : value.substring(0, width);
        // a cut between the halves of a surrogate pair would leave half a character
        return !cut.isEmpty() && Character.isHighSurrogate(cut.charAt(cut.length() - 1))
                ? cut.substring(0, cut.length() - 1) : cut;
    }

    private static void check(boolean holds, String problem) {
        if (!holds) {
            throw new AssertionError(problem);
        }
    }

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<String> value = Arbitraries.frequencyOf(Tuple.of(8, JsonValues.awkwardText()),
                Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<LocalDate> date = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(LocalDate.of(1990, 2, 28), LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                        LocalDate.of(2000, 2, 29))),
                Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<String> rawEntity = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("bp_partner", "bp_address", "sales_order", "invoice")),
                Tuple.of(1, JsonValues.awkwardText().filter(s -> s != null)));
        Arbitrary<String> rawKey = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(PARTNERS)),
                Tuple.of(2, Arbitraries.of(PARTNERS).map(p -> p + ":BILL")),
                Tuple.of(1, JsonValues.awkwardText()));
        Arbitrary<String> rawOperation = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("I", "U", "D")),
                Tuple.of(1, Arbitraries.chars().map(String::valueOf)));
        Arbitrary<Change> change = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.of(PARTNERS),
                value.list().ofSize(7), date, rawEntity, rawKey, rawOperation).as(Change::new);
        return change.list().ofMinSize(1).ofMaxSize(5);
    }

    private static SimpleDriverDataSource erp() {
        SimpleDriverDataSource erp = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:erp-fuzz;DB_CLOSE_DELAY=-1", "sa", "");
        try (Connection connection = erp.getConnection()) {
            ErpSchema.create(connection);
            new ChangeCaptureInstaller().install(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return erp;
    }

    private static JmsTemplate queue() {
        JmsTemplate template = new JmsTemplate(BACKBONE.connectionFactory());
        template.setReceiveTimeout(1_000);
        return template;
    }
}
