package io.rapport.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.match.MatchSettings;
import io.rapport.sim.customers.CustomerGenerator;
import io.rapport.sim.customers.GeneratorOptions;
import io.rapport.sim.customers.Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/** Scoring a batch ahead on several threads must not change a single customer id: same xref as one by one. */
class PrescoredResolutionTest {

    @Test
    void batchesScoredAheadInParallelResolveExactlyAsOneByOne() throws IOException {
        GeneratorOptions options = GeneratorOptions.builder().seed(5).records(6_000).profile(Profile.FEBRL).build();
        Map<String, StringWriter> files = new LinkedHashMap<>();
        options.sources().forEach(source -> files.put(source, new StringWriter()));
        new CustomerGenerator(options).generate(files, new StringWriter());

        OfflineResolution oneByOne = new OfflineResolution("AU", MatchSettings.defaults());
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            OfflineResolution prescored = new OfflineResolution("AU", MatchSettings.defaults(), 250, pool);
            for (Map.Entry<String, StringWriter> file : files.entrySet()) {
                byte[] csv = file.getValue().toString().getBytes(StandardCharsets.UTF_8);
                oneByOne.resolve(file.getKey(), new ByteArrayInputStream(csv));
                prescored.resolve(file.getKey(), new ByteArrayInputStream(csv));
            }

            List<String> expected = xref(oneByOne);
            assertThat(prescored.records()).isEqualTo(6_000);
            assertThat(expected).hasSize(6_000 + 1);
            assertThat(xref(prescored)).isEqualTo(expected);
        } finally {
            pool.shutdown();
        }
    }

    private static List<String> xref(OfflineResolution resolution) throws IOException {
        StringWriter out = new StringWriter();
        resolution.writeXref(out);
        return out.toString().lines().sorted().toList();
    }
}
