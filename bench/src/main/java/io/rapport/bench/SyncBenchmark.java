package io.rapport.bench;

import io.rapport.app.RapportApplication;
import io.rapport.app.sync.ConsistencyReport;
import io.rapport.app.sync.ConsistencyReporter;
import io.rapport.app.sync.CustomerSync;
import io.rapport.app.sync.ErpDatabase;
import io.rapport.app.sync.Reconciliation;
import io.rapport.app.sync.ReconciliationReport;
import io.rapport.app.sync.SalesforceInbox;
import io.rapport.app.sync.SyncStateRepository;
import io.rapport.core.party.PartyType;
import io.rapport.sim.salesforce.SalesforceSandbox;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Store sync end to end, and issue 4's acceptance run, against the Salesforce sandbox and an ERP database (the
 * embedded H2 ERP, or PostgreSQL or MariaDB: {@link BenchErp}):
 *
 * <ol>
 *   <li>Initial load: an ERP seeded with N business partners (default 10,000) is loaded into the hub, and every
 *   customer reaches Salesforce as a Contact or Account. Reports customers synced per second and Salesforce API
 *   calls in total and per 1,000 records (floor: at most 60 calls for 10,000).</li>
 *   <li>Updates on both sides: 450 credit limits changed in the ERP (ERP-owned), 450 phones changed in Salesforce
 *   (Salesforce-owned) and 100 customers whose phone both sides change at once (conflicts), while Salesforce answers
 *   503 for 60 s and every session expires. After quiescence each store is read directly (ERP by SQL, Salesforce
 *   records from the sandbox, no API call) and must hold what the policy says; every conflict must be in the log,
 *   the drift report must show 0, and the Salesforce call counter must stay flat once idle.</li>
 *   <li>Reconciliation: both stores read back in full through their connectors and compared with the golden
 *   records; none may drift or be missing. Reports records compared per second and API calls per 1,000.</li>
 * </ol>
 *
 * Baseline, measured in the same run: the same number of records upserted straight into a second sandbox through
 * the same connector (the Salesforce write alone, no ERP read, resolution or bookkeeping).
 *
 * <p>Usage: {@code SyncBenchmark [customers] [outageSeconds]}; exit status 1 when a check fails.
 */
public final class SyncBenchmark {

    private static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final Duration QUIET = Duration.ofSeconds(3);
    private final List<String> failures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int partners = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int outageSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        SyncBenchmark bench = new SyncBenchmark();
        bench.run(partners, outageSeconds);
        if (!bench.failures.isEmpty()) {
            System.out.println("FAILED: " + String.join("; ", bench.failures));
            System.exit(1);
        }
        System.out.println("ALL CHECKS PASSED");
        System.exit(0);
    }

    private void run(int partners, int outageSeconds) throws Exception {
        Path data = Files.createTempDirectory("rapport-sync-bench-");
        String home = System.getProperty("rapport.home", Path.of("").toAbsolutePath().toString());
        double baselineSeconds = SalesforceBaseline.upsertSeconds(partners);

        SpringApplication application = new SpringApplication(RapportApplication.class);
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--rapport.home=" + home,
                "--rapport.data-dir=" + data, "--logging.file.name=" + data.resolve("hub.log"),
                "--logging.level.root=WARN", "--logging.level.io.rapport=WARN", "--rapport.sync.enabled=true",
                // the embedded X's conversation would create Leads: Salesforce calls the idle checks would count
                "--rapport.social.sandbox.posts-per-minute=0"));
        try (BenchErp erpDatabase = BenchErp.create(partners)) {
            arguments.addAll(erpDatabase.hubArguments(partners));
            System.out.printf("ERP database: %s%n", erpDatabase.describe());
            run(application, arguments, partners, outageSeconds, baselineSeconds, data);
        }
    }

    private void run(SpringApplication application, List<String> arguments, int partners, int outageSeconds,
                     double baselineSeconds, Path data) throws Exception {
        Instant started = Instant.now();
        try (ConfigurableApplicationContext hub = application.run(arguments.toArray(String[]::new))) {
            SalesforceSandbox sandbox = hub.getBean(SalesforceSandbox.class);
            JdbcTemplate hubDb = hub.getBean(JdbcTemplate.class);
            JdbcTemplate erp = new JdbcTemplate(hub.getBean(ErpDatabase.class).dataSource());
            ConsistencyReporter reporter = hub.getBean(ConsistencyReporter.class);
            SalesforceInbox inbox = hub.getBean(SalesforceInbox.class);
            SyncStateRepository states = hub.getBean(SyncStateRepository.class);
            Reconciliation reconciliation = hub.getBean(Reconciliation.class);
            System.out.printf("Rapport store sync benchmark: %d ERP partners, %d cores, data in %s%n", partners,
                    Runtime.getRuntime().availableProcessors(), data);

            // 1. initial load
            Instant loadStart = Instant.now();
            long[] lastCalls = {-1};
            Instant loaded = await("initial load in sync", () -> {
                long customers = hubDb.queryForObject("SELECT COUNT(DISTINCT customer_id) FROM customer_record",
                        Long.class);
                long inSalesforce = sandbox.count("Contact") + sandbox.count("Account");
                ConsistencyReport pending = reporter.report();
                long calls = sandbox.apiCalls();
                boolean settled = calls == lastCalls[0];
                lastCalls[0] = calls;
                return customers > 0 && inSalesforce >= customers && pending.consistent() && inbox.size() == 0
                        && settled ? null
                        : customers + " customers, " + inSalesforce + " in Salesforce, drift report "
                        + pending.stores() + ", outbox " + pending.outboxBacklog() + ", inbox " + inbox.size();
            });
            double loadSeconds = Duration.between(loadStart, loaded).toMillis() / 1000.0;
            long customers = hubDb.queryForObject("SELECT COUNT(DISTINCT customer_id) FROM customer_record",
                    Long.class);
            long loadCalls = sandbox.apiCalls();
            System.out.printf("%-44s %10s %12s %12s%n", "measurement", "seconds", "records/s", "calls/1000");
            System.out.printf("%-44s %10.1f %12.0f %12s%n", "baseline: connector upsert alone", baselineSeconds,
                    partners / baselineSeconds, "-");
            System.out.printf("%-44s %10.1f %12.0f %12.2f%n", "initial load: ERP -> hub -> Salesforce", loadSeconds,
                    customers / loadSeconds, loadCalls * 1000.0 / customers);
            System.out.printf("  hub start %.1f s; %d partners -> %d customers; %d Salesforce API calls (floor 60)"
                    + "; end to end / baseline time: %.1f%n", Duration.between(started, loadStart).toMillis() / 1000.0,
                    partners, customers, loadCalls, loadSeconds / baselineSeconds);
            System.out.printf("  Salesforce requests by endpoint: %s%n", sandbox.requestCounts());
            long stale = sandbox.count("Contact") + sandbox.count("Account") - customers;
            System.out.printf("  Salesforce records of customers merged after they were written: %d (kept, not"
                    + " deleted: docs/sync.md)%n", stale);
            check(loadCalls <= 60, "initial load used " + loadCalls + " Salesforce API calls (at most 60)");
            assertIdle("after the initial load", sandbox);

            // 2. updates on both sides, conflicts, outage and session expiry
            List<Person> people = people(hubDb, states);
            Collections.shuffle(people, new Random(42));
            check(people.size() >= 1_000, "only " + people.size() + " persons with one ERP and one Salesforce record");
            List<Person> erpSide = people.subList(0, 450);
            List<Person> salesforceSide = people.subList(450, 900);
            List<Person> bothSides = people.subList(900, 1_000);
            long callsBefore = sandbox.apiCalls();
            long conflictsBefore = hubDb.queryForObject("SELECT COUNT(*) FROM sync_conflict", Long.class);
            sandbox.failFor(Duration.ofSeconds(outageSeconds), 503);
            Instant updatesStart = Instant.now();
            Map<Person, BigDecimal> limits = new LinkedHashMap<>();
            Map<Person, String> phones = new LinkedHashMap<>();
            for (int i = 0; i < erpSide.size(); i++) {
                BigDecimal limit = BigDecimal.valueOf(100_000 + i * 7L);
                limits.put(erpSide.get(i), limit);
                erp.update("UPDATE bp_partner SET credit_limit = ?, changed_at = ?, changed_by = 'ERPUSER'"
                        + " WHERE partner_no = ?", limit, Timestamp.from(Instant.now()), erpSide.get(i).partnerNo);
            }
            for (int i = 0; i < salesforceSide.size(); i++) {
                String phone = "+4670555" + String.format("%04d", i);
                phones.put(salesforceSide.get(i), phone);
                sandbox.update("Contact", salesforceSide.get(i).contactId, Map.of("Phone", phone));
            }
            for (int i = 0; i < bothSides.size(); i++) {
                Person person = bothSides.get(i);
                erp.update("UPDATE bp_partner SET phone = ?, changed_at = ?, changed_by = 'ERPUSER' WHERE partner_no = ?",
                        "+4631777" + String.format("%04d", i), Timestamp.from(Instant.now()), person.partnerNo);
                String phone = "+4640888" + String.format("%04d", i);
                phones.put(person, phone);
                sandbox.update("Contact", person.contactId, Map.of("Phone", phone));
            }
            Thread.sleep(outageSeconds * 1000L / 3);
            sandbox.expireSessions();
            System.out.printf("  1,000 updates made (450 ERP, 450 Salesforce, 100 both: phone); Salesforce 503 for"
                    + " %d s; sessions expired at %d s%n", outageSeconds, outageSeconds / 3);

            Instant converged = await("updates converged", () -> {
                String difference = difference(erp, sandbox, limits, phones);
                if (difference != null) {
                    return difference;
                }
                ConsistencyReport pending = reporter.report();
                return pending.consistent() && inbox.size() == 0 ? null : "drift report " + pending.stores()
                        + ", outbox " + pending.outboxBacklog() + ", inbox " + inbox.size();
            });
            double updateSeconds = Duration.between(updatesStart, converged).toMillis() / 1000.0;
            long updateCalls = sandbox.apiCalls() - callsBefore;
            System.out.printf("%-44s %10.1f %12s %12.2f%n", "1,000 updates converged (incl. outage)", updateSeconds,
                    "-", updateCalls * 1000.0 / 1_000);
            long conflicts = 0;
            for (Person person : bothSides) {
                Long logged = hubDb.queryForObject("SELECT COUNT(*) FROM sync_conflict WHERE customer_id = ?"
                        + " AND field_name = 'phone'", Long.class, person.customerId);
                conflicts += logged != null && logged > 0 ? 1 : 0;
            }
            long newConflicts = hubDb.queryForObject("SELECT COUNT(*) FROM sync_conflict", Long.class)
                    - conflictsBefore;
            System.out.printf("  conflicts: %d of 100 customers logged on phone (%d conflict rows in all)%n",
                    conflicts, newConflicts);
            hubDb.query("SELECT field_name, reason, incoming_store, outcome, COUNT(*), COUNT(DISTINCT customer_id)"
                    + " FROM sync_conflict GROUP BY field_name, reason, incoming_store, outcome"
                    + " ORDER BY field_name, reason, incoming_store, outcome", rs -> {
                System.out.printf("    %s %s from %s, %s: %d rows, %d customers%n", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6));
            });
            check(conflicts == 100, conflicts + " of the 100 conflicting customers are in the conflict log");
            Set<String> conflicting = new HashSet<>();
            bothSides.forEach(person -> conflicting.add(person.customerId));
            List<String> logged = hubDb.queryForList("SELECT DISTINCT customer_id FROM sync_conflict", String.class);
            long spurious = logged.stream().filter(id -> !conflicting.contains(id)).count();
            check(spurious == 0, spurious + " customers that were changed on one side only have conflicts logged");
            ConsistencyReport report = reporter.report();
            System.out.printf("  drift report: %s%n", report.stores());
            check(report.consistent(), "the drift report is not clean: " + report.stores() + ", outbox "
                    + report.outboxBacklog());
            assertIdle("after the updates", sandbox);

            // 3. the stores' own records, read back and compared with the golden records
            long callsBeforeReconciling = sandbox.apiCalls();
            Instant reconcileStart = Instant.now();
            ReconciliationReport reconciled = reconciliation.run("bench", false).orElseThrow();
            System.out.printf("%-44s %10.1f %12.0f %12.2f%n", "reconciliation: every store read and compared",
                    Duration.between(reconcileStart, Instant.now()).toMillis() / 1000.0,
                    reconciled.stores().stream().mapToLong(ReconciliationReport.StoreResult::read).sum()
                            / Math.max(0.001, Duration.between(reconcileStart, Instant.now()).toMillis() / 1000.0),
                    (sandbox.apiCalls() - callsBeforeReconciling) * 1000.0 / customers);
            reconciled.stores().forEach(store -> System.out.println("  " + store));
            check(reconciled.clean(), "reconciliation found drift: " + reconciled.stores() + " e.g. "
                    + reconciled.drifted().stream().limit(5).toList());
        }
    }

    /** The stores read directly; null when they hold what the policy says, else the first difference. */
    private static String difference(JdbcTemplate erp, SalesforceSandbox sandbox, Map<Person, BigDecimal> limits,
                                     Map<Person, String> phones) {
        int missing = 0;
        String first = null;
        for (Map.Entry<Person, BigDecimal> entry : limits.entrySet()) {
            Object inSalesforce = sandbox.record("Contact", entry.getKey().contactId).orElseThrow()
                    .get("Credit_Limit__c");
            if (inSalesforce == null || new BigDecimal(inSalesforce.toString()).compareTo(entry.getValue()) != 0) {
                missing++;
                first = first != null ? first : entry.getKey() + " credit limit in Salesforce " + inSalesforce
                        + ", expected " + entry.getValue();
            }
        }
        for (Map.Entry<Person, String> entry : phones.entrySet()) {
            Object inSalesforce = sandbox.record("Contact", entry.getKey().contactId).orElseThrow().get("Phone");
            String inErp = erp.queryForObject("SELECT phone FROM bp_partner WHERE partner_no = ?", String.class,
                    entry.getKey().partnerNo);
            if (!entry.getValue().equals(inSalesforce) || !entry.getValue().equals(inErp)) {
                missing++;
                first = first != null ? first : entry.getKey() + " phone in Salesforce " + inSalesforce + ", in ERP "
                        + inErp + ", expected " + entry.getValue();
            }
        }
        return missing == 0 ? null : missing + " values differ, e.g. " + first;
    }

    /** Persons with exactly one ERP partner and a Contact, from the sync bookkeeping. */
    private static List<Person> people(JdbcTemplate hubDb, SyncStateRepository states) {
        List<String> single = hubDb.queryForList("SELECT customer_id FROM customer_record WHERE record_key LIKE 'erp:%'"
                + " GROUP BY customer_id HAVING COUNT(*) = 1 ORDER BY customer_id", String.class);
        List<Person> people = new ArrayList<>();
        for (int from = 0; from < single.size(); from += 500) {
            Map<String, CustomerSync> loaded = states.load(single.subList(from, Math.min(single.size(), from + 500)));
            loaded.forEach((customerId, sync) -> {
                if (sync.type() == PartyType.PERSON && sync.storeKey("erp") != null
                        && sync.storeKey("salesforce") != null) {
                    people.add(new Person(customerId, sync.storeKey("erp"), sync.storeKey("salesforce")));
                }
            });
        }
        people.sort((a, b) -> a.customerId.compareTo(b.customerId));
        return people;
    }

    private void assertIdle(String when, SalesforceSandbox sandbox) throws InterruptedException {
        long before = sandbox.apiCalls();
        Thread.sleep(10_000);
        long after = sandbox.apiCalls();
        System.out.printf("  Salesforce API calls in 10 s idle %s: %d%n", when, after - before);
        check(after == before, (after - before) + " Salesforce calls in 10 s idle " + when + " (echo loop?)");
    }

    private void check(boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
            System.out.println("  CHECK FAILED: " + failure);
        }
    }

    /**
     * Waits for quiescence: until {@code state} has answered null (done) for {@link #QUIET} on end, since a store can
     * look settled between a write and its echo; prints what it still waits for every 30 s. Answers when the state
     * was first reached.
     */
    private static Instant await(String what, Supplier<String> state) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Instant nextReport = Instant.now().plusSeconds(30);
        Instant doneSince = null;
        while (doneSince == null || Duration.between(doneSince, Instant.now()).compareTo(QUIET) < 0) {
            String waiting = state.get();
            if (waiting != null) {
                doneSince = null;
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(what + ": not reached within " + TIMEOUT + ": " + waiting);
                }
                if (Instant.now().isAfter(nextReport)) {
                    System.out.println("  waiting for " + what + ": " + waiting);
                    nextReport = Instant.now().plusSeconds(30);
                }
            } else if (doneSince == null) {
                doneSince = Instant.now();
            }
            Thread.sleep(500);
        }
        return doneSince;
    }

    private record Person(String customerId, String partnerNo, String contactId) {

        Person {
            Objects.requireNonNull(partnerNo);
        }
    }
}
