package io.rapport.sim.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private PrintStream out() {
        return new PrintStream(out, true, StandardCharsets.UTF_8);
    }

    private PrintStream err() {
        return new PrintStream(err, true, StandardCharsets.UTF_8);
    }

    @Test
    void generatesFilesAndScoresTheTruthAgainstItselfAsPerfect() throws IOException {
        Path data = dir.resolve("data");
        int status = GenerateCustomers.run(new String[] {"--records", "3000", "--out", data.toString(), "--seed", "9",
            "--profile", "generic", "--sources", "crm,erp,webshop", "--weight", "typo=30"}, out(), err());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote 3000 records", "crm=", "erp=", "webshop=",
                "typo=");
        for (String file : List.of("crm.csv", "erp.csv", "webshop.csv", "truth.csv")) {
            assertThat(data.resolve(file)).isRegularFile();
        }
        List<String> truth = Files.readAllLines(data.resolve("truth.csv"), StandardCharsets.UTF_8);
        assertThat(truth).hasSize(3001);

        // The truth, relabelled as the hub's xref export, is a perfect clustering.
        Path xref = dir.resolve("xref.csv");
        List<String> lines = new java.util.ArrayList<>(truth);
        lines.set(0, "source,source_id,customer_id");
        Files.write(xref, lines, StandardCharsets.UTF_8);
        out.reset();
        status = EvaluateXref.run(new String[] {"--xref", xref.toString(), "--truth", data.resolve("truth.csv").toString()},
                out(), err());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("precision=1.000000 recall=1.000000 f1=1.000000"
                + " records=3000 truePairs=").contains(" missing=0");
    }

    @Test
    void febrlProfileFromTheCommandLine() throws IOException {
        Path data = dir.resolve("febrl");
        int status = GenerateCustomers.run(new String[] {"--records", "500", "--out", data.toString(), "--profile",
            "febrl", "--sources", "febrl"}, out(), err());
        assertThat(status).isZero();
        assertThat(Files.readAllLines(data.resolve("febrl.csv")).get(0)).doesNotContain("email");
    }

    @Test
    void badArgumentsExitWithUsage() {
        assertThat(GenerateCustomers.run(new String[] {"--records"}, out(), err())).isEqualTo(2);
        assertThat(GenerateCustomers.run(new String[] {"--profile", "nope"}, out(), err())).isEqualTo(2);
        assertThat(GenerateCustomers.run(new String[] {"--frobnicate"}, out(), err())).isEqualTo(2);
        assertThat(EvaluateXref.run(new String[] {"--xref", "x.csv"}, out(), err())).isEqualTo(2);
        assertThat(EvaluateXref.run(new String[] {"--xref", dir.resolve("no.csv").toString(), "--truth",
            dir.resolve("no.csv").toString()}, out(), err())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: GenerateCustomers", "usage: EvaluateXref");
    }
}
