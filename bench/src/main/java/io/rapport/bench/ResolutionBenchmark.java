package io.rapport.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.rapport.app.RapportApplication;
import io.rapport.app.resolve.ResolutionPhases;
import io.rapport.core.match.MatchSettings;
import io.rapport.sim.customers.CustomerGenerator;
import io.rapport.sim.customers.EvaluationResult;
import io.rapport.sim.customers.GeneratorOptions;
import io.rapport.sim.customers.PairwiseEvaluation;
import io.rapport.sim.customers.Profile;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End-to-end single customer view: generated person records with known duplicates (3 sources) imported through
 * {@code POST /api/v1/customers/import} into a hub with a fresh data directory and its real configuration, timed
 * until {@code /api/v1/pipeline/status} says idle (every record stored, normalized, resolved and its golden record
 * built). Then {@code GET /api/v1/xref} is scored against the generator's ground truth, as the product owner's
 * evaluation does.
 *
 * <p>Baseline, measured in the same run on the same records: the core's resolution alone (CSV reader, Normalizer,
 * blocking, scoring, clustering in memory, one thread, no broker, no database). The ratio says what the hub's
 * durability (broker journal, database, golden records) costs on top of the matching work itself.
 *
 * <p>Usage: {@code ResolutionBenchmark [records] [profile generic|febrl] [region] [seed]}
 */
public final class ResolutionBenchmark {

    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString("admin:rapport-admin".getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        long records = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        Profile profile = args.length > 1 ? Profile.parse(args[1]) : Profile.FEBRL;
        String region = args.length > 2 ? args[2] : (profile == Profile.FEBRL ? "AU" : "NO");
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 42;
        Path work = Files.createTempDirectory("rapport-resolution-bench-");
        Map<String, Path> files = generate(records, profile, seed, work);

        double offline = offlineSeconds(files, region);
        System.out.printf("baseline: core resolution in memory, one thread: %.1f s, %.0f records/s%n", offline,
                records / offline);

        String home = System.getProperty("rapport.home", Path.of("").toAbsolutePath().toString());
        SpringApplication application = new SpringApplication(RapportApplication.class);
        try (ConfigurableApplicationContext hub = application.run("--server.port=0", "--rapport.home=" + home,
                "--rapport.data-dir=" + work.resolve("data"), "--logging.file.name=" + work.resolve("hub.log"),
                "--rapport.resolution.default-region=" + region,
                "--logging.level.root=WARN", "--logging.level.io.rapport=WARN",
                // the embedded X's conversation would add social work (and Salesforce calls) to what is measured
                "--rapport.social.sandbox.posts-per-minute=0")) {
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            HttpClient client = HttpClient.newHttpClient();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            double queued = 0;
            for (Map.Entry<String, Path> file : files.entrySet()) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                                + "/api/v1/customers/import?source=" + file.getKey())).header("Authorization", AUTH)
                        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file.getValue()))
                        .timeout(Duration.ofHours(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("import failed: " + response.statusCode() + " " + response.body());
                }
                queued = (System.nanoTime() - start) / 1e9;
            }
            awaitIdle(client, port);
            double endToEnd = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;

            Path xref = work.resolve("xref.csv");
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/xref"))
                    .header("Authorization", AUTH).timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofFile(xref));
            EvaluationResult quality;
            try (Reader x = Files.newBufferedReader(xref); Reader truth = Files.newBufferedReader(work.resolve("truth.csv"))) {
                quality = PairwiseEvaluation.evaluate(x, truth);
            }

            System.out.printf("profile=%s records=%d region=%s seed=%d cores=%d%n", profile.label(), records, region, seed,
                    Runtime.getRuntime().availableProcessors());
            System.out.printf("import API: all rows queued after %.1f s (%.0f records/s)%n", queued, records / queued);
            System.out.printf("end to end: idle after %.1f s, %.0f records/s (stored, resolved, golden records built)%n",
                    endToEnd, records / endToEnd);
            System.out.printf("end to end ÷ baseline time: %.2f%n", endToEnd / offline);
            System.out.printf("hub CPU while importing and resolving: %.1f s (%.2f of %d cores busy; %.0f µs per record)%n",
                    cpu, cpu / endToEnd, Runtime.getRuntime().availableProcessors(), cpu * 1e6 / records);
            System.out.println("xref quality: " + quality.summary());
            System.out.println("resolution phases, summed over batches (normalize runs on both consumers, the rest one"
                    + " batch at a time): " + phases(hub.getBean(MeterRegistry.class)));
        }
    }

    private static Map<String, Path> generate(long records, Profile profile, long seed, Path work) throws Exception {
        GeneratorOptions options = GeneratorOptions.builder().seed(seed).records(records).profile(profile).build();
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, Writer> writers = new LinkedHashMap<>();
        for (String source : options.sources()) {
            Path file = work.resolve(source + ".csv");
            files.put(source, file);
            writers.put(source, Files.newBufferedWriter(file));
        }
        try (Writer truth = Files.newBufferedWriter(work.resolve("truth.csv"))) {
            new CustomerGenerator(options).generate(writers, truth);
        } finally {
            for (Writer writer : writers.values()) {
                writer.close();
            }
        }
        return files;
    }

    private static double offlineSeconds(Map<String, Path> files, String region) throws Exception {
        OfflineResolution resolution = new OfflineResolution(region, MatchSettings.defaults());
        long start = System.nanoTime();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            try (InputStream csv = Files.newInputStream(file.getValue())) {
                resolution.resolve(file.getKey(), csv);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String phases(MeterRegistry meters) {
        StringBuilder out = new StringBuilder();
        for (ResolutionPhases.Phase phase : ResolutionPhases.Phase.values()) {
            Timer timer = meters.find(ResolutionPhases.METER).tag("phase", phase.tag()).timer();
            double seconds = timer == null ? 0 : timer.totalTime(TimeUnit.SECONDS);
            out.append(out.isEmpty() ? "" : ", ").append(String.format("%s %.1f s", phase.tag(), seconds));
        }
        return out.toString();
    }

    private static void awaitIdle(HttpClient client, int port) throws Exception {
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/pipeline/status"))
                .header("Authorization", AUTH).build();
        while (!client.send(status, HttpResponse.BodyHandlers.ofString()).body().contains("\"idle\":true")) {
            Thread.sleep(100);
        }
    }
}
