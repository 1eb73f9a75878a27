package io.rapport.bench;

import io.rapport.app.RapportApplication;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end import throughput next to a baseline measured in the same run on the same broker.
 *
 * <p>The hub runs in this JVM with its real configuration and a fresh data directory. Baseline: a raw JMS loop on
 * that broker doing what the pipeline's messaging costs at the least, i.e. persistent sends committed every
 * {@code queue-batch-size} messages, then transacted receives committed one message at a time by as many
 * consumers as the store stage has. End to end: POST the CSV to the import API and wait until the pipeline
 * status says idle (every row stored in the database).
 *
 * <p>Usage: {@code ImportBenchmark [rows] [rounds]} (defaults 10000 and 2; the first round is a warm-up).
 */
public final class ImportBenchmark {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("admin:rapport-admin".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path data = Files.createTempDirectory("rapport-bench-");
        String home = System.getProperty("rapport.home", Path.of("").toAbsolutePath().toString());

        SpringApplication application = new SpringApplication(RapportApplication.class);
        try (ConfigurableApplicationContext hub = application.run("--server.port=0", "--rapport.home=" + home,
                "--rapport.data-dir=" + data, "--logging.file.name=" + data.resolve("hub.log"),
                "--logging.level.root=WARN", "--logging.level.io.rapport=WARN",
                // the embedded X's conversation would add social work (and Salesforce calls) to what is measured
                "--rapport.social.sandbox.posts-per-minute=0")) {
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            ConnectionFactory broker = hub.getBean(ConnectionFactory.class);
            int consumers = Integer.parseInt(hub.getEnvironment().getProperty("rapport.pipeline.consumers", "2"));
            int batch = Integer.parseInt(hub.getEnvironment().getProperty("rapport.imports.queue-batch-size", "500"));
            String csv = SyntheticCustomerCsv.generate(rows, 42);
            int messageBytes = csv.length() / rows + 120; // a row as JSON is about its CSV line plus field names

            System.out.printf("Rapport import benchmark: %d rows, %d rounds (first is warm-up), %d store consumers, "
                    + "%d cores, data in %s%n", rows, rounds, consumers, Runtime.getRuntime().availableProcessors(), data);
            System.out.printf("%-6s %-28s %12s %12s%n", "round", "measurement", "seconds", "rows/s");
            for (int round = 1; round <= rounds; round++) {
                double baseline = rawJmsLoop(broker, rows, batch, consumers, messageBytes);
                double[] endToEnd = importThroughApi(port, "bench" + round, csv);
                print(round, "baseline: raw JMS send+recv", rows, baseline);
                print(round, "import API: rows queued", rows, endToEnd[0]);
                print(round, "end to end: rows stored", rows, endToEnd[1]);
                System.out.printf("%-6d %-28s %25.2f%n", round, "e2e rows/s ÷ baseline rows/s", baseline / endToEnd[1]);
            }
        }
    }

    private static void print(int round, String label, int rows, double seconds) {
        System.out.printf("%-6d %-28s %12.2f %12.0f%n", round, label, seconds, rows / seconds);
    }

    /** Seconds to send {@code rows} persistent messages in batches and receive them with one commit each. */
    static double rawJmsLoop(ConnectionFactory broker, int rows, int batch, int consumers, int messageBytes)
            throws Exception {
        String body = "x".repeat(messageBytes);
        long start = System.nanoTime();
        try (Connection connection = broker.createConnection()) {
            connection.start();
            try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                Queue queue = session.createQueue("bench.baseline");
                MessageProducer producer = session.createProducer(queue);
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (int i = 1; i <= rows; i++) {
                    producer.send(session.createTextMessage(body));
                    if (i % batch == 0 || i == rows) {
                        session.commit();
                    }
                }
            }
            AtomicInteger received = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                Thread consumer = new Thread(() -> receiveUntilDone(connection, rows, received));
                consumer.start();
                threads.add(consumer);
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void receiveUntilDone(Connection connection, int rows, AtomicInteger received) {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageConsumer consumer = session.createConsumer(session.createQueue("bench.baseline"))) {
            while (received.get() < rows) {
                if (consumer.receive(200) != null) {
                    session.commit();
                    received.incrementAndGet();
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Seconds until the import API answered, and until the pipeline was idle again. */
    private static double[] importThroughApi(int port, String source, String csv) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/customers/import?source=" + source)).header("Authorization", AUTH)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv))
                .timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofString());
        double queued = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
        }
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/pipeline/status"))
                .header("Authorization", AUTH).build();
        while (!client.send(status, HttpResponse.BodyHandlers.ofString()).body().contains("\"idle\":true")) {
            Thread.sleep(50);
        }
        return new double[] {queued, (System.nanoTime() - start) / 1e9};
    }
}
