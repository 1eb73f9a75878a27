package io.rapport.bench;

import io.rapport.app.RapportApplication;
import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.broker.Queues;
import io.rapport.app.social.SocialInboundGateway;
import io.rapport.sim.salesforce.CreatedRecord;
import io.rapport.sim.salesforce.SalesforceSandbox;
import io.rapport.sim.social.Post;
import io.rapport.sim.social.SocialSandbox;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 5's speed acceptance, end to end in one JVM: the hub with its real configuration and rules, the embedded X
 * and Salesforce sandboxes. Posts of the sandbox's scenario generator (praise, complaints, purchase intent, questions,
 * spam, duplicates, reposts) are put on {@code inbound.social} as X v2 documents, the way the X connector does.
 * <ol>
 *   <li>Baseline in the same run: raw persistent JMS send+receive of as many messages of the same size.</li>
 *   <li>Throughput: N posts queued at once; seconds until every one is enriched and stored (rules and actions run as
 *       in production). Floor: 2,000 events/s.</li>
 *   <li>Latency: posts at a steady rate (500/s) for S seconds; for every Lead the rules create, the time from the
 *       post's arrival to the Lead request reaching the Salesforce sandbox. Floor: p99 at most 500 ms.</li>
 * </ol>
 * Usage: {@code SocialBenchmark [posts=20000] [rate=500] [seconds=30]}. Exit status 1 when a floor is missed.
 */
public final class SocialBenchmark {

    private static final Pattern POST_LINK = Pattern.compile("/status/(\\d+)");
    private static final double MIN_EVENTS_PER_SECOND = 2_000;
    private static final long MAX_P99_MS = 500;

    private SocialBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path data = Files.createTempDirectory("rapport-social-bench-");
        String home = System.getProperty("rapport.home", Path.of("").toAbsolutePath().toString());
        SpringApplication application = new SpringApplication(RapportApplication.class);
        boolean ok;
        try (ConfigurableApplicationContext hub = application.run("--server.port=0", "--rapport.home=" + home,
                "--rapport.data-dir=" + data, "--logging.file.name=" + data.resolve("hub.log"),
                "--logging.level.root=WARN", "--logging.level.io.rapport=WARN",
                // the benchmark feeds the queue itself; the connector's own polling would only add noise
                "--rapport.social.sandbox.posts-per-minute=0", "--rapport.social.x.recent-search.enabled=false")) {
            ConnectionFactory broker = hub.getBean(ConnectionFactory.class);
            SocialSandbox x = hub.getBean(SocialSandbox.class);
            SalesforceSandbox salesforce = hub.getBean(SalesforceSandbox.class);
            JdbcTemplate db = hub.getBean(JdbcTemplate.class);

            System.out.printf("Rapport social benchmark: %d posts, then %d posts/s for %d s; %d cores, data in %s%n",
                    posts, rate, seconds, Runtime.getRuntime().availableProcessors(), data);
            List<String> warmUp = documents(x, x.generate(2_000));
            queueAll(broker, warmUp);
            awaitStored(db, warmUp.size());

            List<String> batch = documents(x, x.generate(posts));
            int bytes = batch.stream().mapToInt(String::length).sum() / batch.size();
            double baseline = ImportBenchmark.rawJmsLoop(broker, posts, 500, 2, bytes);
            long stored = count(db);
            long start = System.nanoTime();
            queueAll(broker, batch);
            awaitStored(db, stored + batch.size());
            double throughput = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-44s %10.2f s %10.0f /s%n", "baseline: raw JMS send+receive", baseline,
                    posts / baseline);
            System.out.printf("%-44s %10.2f s %10.0f /s%n", "posts queued, enriched, linked, stored, ruled",
                    throughput, posts / throughput);
            System.out.printf("%-44s %23.2f%n", "end to end ÷ baseline (time)", throughput / baseline);
            ok = posts / throughput >= MIN_EVENTS_PER_SECOND;

            List<Long> latencies = latencies(broker, x, salesforce, db, rate, seconds);
            if (latencies.isEmpty()) {
                System.out.println("no Lead was created: the latency cannot be measured");
                ok = false;
            } else {
                System.out.printf("%-44s %d Leads: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                        "arrival to Lead request at " + rate + "/s", latencies.size(), percentile(latencies, 50),
                        percentile(latencies, 95), percentile(latencies, 99), latencies.get(latencies.size() - 1));
                ok &= percentile(latencies, 99) <= MAX_P99_MS;
            }
            System.out.println(ok ? "PASS: >= 2,000 events/s and p99 <= 500 ms" : "FAIL: a floor was missed");
        }
        System.exit(ok ? 0 : 1);
    }

    /** Paced sending; the Lead requests' arrivals matched to their posts' arrival by the post link in the Lead. */
    private static List<Long> latencies(ConnectionFactory broker, SocialSandbox x, SalesforceSandbox salesforce,
                                        JdbcTemplate db, int rate, int seconds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<CreatedRecord> leads = java.util.Collections.synchronizedList(new ArrayList<>());
        salesforce.onRecordCreated(record -> {
            if ("Lead".equals(record.sObjectType())) {
                leads.add(record);
            }
        });
        List<Post> generated = x.generate(rate * seconds);
        List<String> documents = documents(x, generated);
        long before = count(db);
        long start = System.nanoTime();
        try (Connection connection = broker.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue(Queues.INBOUND_SOCIAL));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < documents.size(); i++) {
                long due = start + TimeUnit.SECONDS.toNanos(1) * i / rate;
                long wait = due - System.nanoTime();
                if (wait > TimeUnit.MILLISECONDS.toNanos(1)) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                long now = System.currentTimeMillis();
                sentAt.put(Long.toString(generated.get(i).id()), now);
                producer.send(message(session, documents.get(i), now));
            }
        }
        awaitStored(db, before + documents.size());
        Thread.sleep(3_000);
        List<Long> latencies = new ArrayList<>();
        synchronized (leads) {
            for (CreatedRecord lead : leads) {
                Object description = salesforce.record("Lead", lead.id()).map(fields -> fields.get("Description"))
                        .orElse(null);
                Matcher link = description == null ? null : POST_LINK.matcher(description.toString());
                if (link != null && link.find() && sentAt.containsKey(link.group(1))) {
                    latencies.add(lead.arrivedAt().toEpochMilli() - sentAt.get(link.group(1)));
                }
            }
        }
        latencies.sort(null);
        return latencies;
    }

    private static void queueAll(ConnectionFactory broker, List<String> documents) throws Exception {
        try (Connection connection = broker.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            MessageProducer producer = session.createProducer(session.createQueue(Queues.INBOUND_SOCIAL));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < documents.size(); i++) {
                producer.send(message(session, documents.get(i), System.currentTimeMillis()));
                if ((i + 1) % 500 == 0) {
                    session.commit();
                }
            }
            session.commit();
        }
    }

    private static TextMessage message(Session session, String document, long receivedAt) throws Exception {
        TextMessage message = session.createTextMessage(document);
        message.setStringProperty(MessageHeaders.SOURCE, "x");
        message.setLongProperty(SocialInboundGateway.RECEIVED_AT, receivedAt);
        return message;
    }

    private static void awaitStored(JdbcTemplate db, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (count(db) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + count(db) + " of " + expected + " events stored in 10 min");
            }
            Thread.sleep(20);
        }
    }

    private static long count(JdbcTemplate db) {
        return db.queryForObject("SELECT COUNT(*) FROM social_event", Long.class);
    }

    /**
     * Each post as the X connector hands it on: one X API v2 document with the fields and expansions the connector
     * asks for (connectors/x, {@code XApiPaths}).
     */
    private static List<String> documents(SocialSandbox x, List<Post> posts) {
        return posts.stream().map(post -> x.v2Document(post, "author_id,created_at,conversation_id,lang,"
                + "public_metrics,referenced_tweets,entities,in_reply_to_user_id", "verified,public_metrics",
                "author_id,referenced_tweets.id,referenced_tweets.id.author_id,in_reply_to_user_id")).toList();
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }
}
