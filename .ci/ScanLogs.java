import io.rapport.app.logging.PiiMasker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * CI's log scan (.ci/scan-logs): every log a test run leaves, searched for unmasked e-mail addresses, telephone
 * numbers and national ids with the hub's own masking patterns (io.rapport.app.logging.PiiMasker, from
 * app/target/classes), so it finds exactly what the masking should have hidden. Prints counts per kind and per
 * file, and each finding masked (the scan must not print what it looks for); exits 1 if anything is found.
 */
public class ScanLogs {

    private static final int EXAMPLES_PER_FILE = 5;

    public static void main(String[] args) throws IOException {
        List<Path> roots = new ArrayList<>();
        for (String arg : args) {
            roots.add(Path.of(arg));
        }
        if (roots.isEmpty()) {
            roots.add(Path.of("."));
        }
        List<Path> logs = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                logs.add(root);
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile).filter(ScanLogs::isTestLog).sorted().forEach(logs::add);
            }
        }
        Map<PiiMasker.Kind, Integer> total = new EnumMap<>(PiiMasker.Kind.class);
        Map<String, Map<PiiMasker.Kind, Integer>> perFile = new TreeMap<>();
        for (Path log : logs) {
            Map<PiiMasker.Kind, Integer> counts = new EnumMap<>(PiiMasker.Kind.class);
            List<String> examples = new ArrayList<>();
            try (BufferedReader reader = open(log)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    int at = number;
                    PiiMasker.find(line, (kind, value) -> {
                        counts.merge(kind, 1, Integer::sum);
                        if (examples.size() < EXAMPLES_PER_FILE) {
                            examples.add("    line " + at + ": " + kind + " " + PiiMasker.mask(value));
                        }
                    });
                }
            }
            if (!counts.isEmpty()) {
                perFile.put(log.toString(), counts);
                counts.forEach((kind, n) -> total.merge(kind, n, Integer::sum));
                System.out.println(log + ": " + counts);
                examples.forEach(System.out::println);
            }
        }
        System.out.println("scan-logs: " + logs.size() + " log files scanned; unmasked personal data: "
                + (total.isEmpty() ? "none" : total + " in " + perFile.size() + " files"));
        System.exit(total.isEmpty() ? 0 : 1);
    }

    /**
     * Logs of the hubs under test (in the test JVM or as processes of their own), test JVM output kept by
     * surefire/failsafe, and CI's own build output.
     */
    private static boolean isTestLog(Path file) {
        String path = file.toString().replace('\\', '/');
        String name = file.getFileName().toString();
        return path.contains("/target/test-logs/")
                || path.contains("/target/ci-logs/")
                // hubs the crash and scale-out tests run as processes of their own (HubProcess, ScaleOutIT)
                || (path.contains("/target/hub-processes/") || path.contains("/target/scale-out/"))
                        && name.endsWith(".log")
                || (path.contains("-reports/") && name.endsWith("-output.txt"));
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)));
    }
}
