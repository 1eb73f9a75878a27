package io.rapport.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DropFolderIT extends HubIntegrationTest {

    private final Path inbox = DATA_DIR.resolve("inbox/customers");

    @Test
    void aDroppedFileIsImportedReportedAndMovedToDone() throws IOException {
        String source = uniqueSource("webshop");
        Path folder = Files.createDirectories(inbox.resolve(source));
        Path staging = Files.createTempFile(DATA_DIR, "upload", ".tmp");
        Files.writeString(staging, "source_id,email\nw-1,a@example.com\nw-2,\"broken\nw-3,c@example.com\n", StandardCharsets.UTF_8);
        Files.move(staging, folder.resolve("customers.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve(".done").resolve(source)));
        awaitIdle();

        assertThat(storedRecords(source)).isEqualTo(2);
        assertThat(Files.exists(folder.resolve("customers.csv"))).isFalse();
        try (Stream<Path> done = Files.list(inbox.resolve(".done").resolve(source))) {
            assertThat(done).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).endsWith("-customers.csv"));
        }
        try (Stream<Path> reports = Files.list(folder.resolve(".reports"))) {
            String report = Files.readString(reports.findFirst().orElseThrow());
            assertThat(report).contains("\"accepted\" : 2").contains("\"row\" : 2").contains("never closed");
        }
    }

    @Test
    void aFileWithAnUnreadableHeaderIsMovedToFailedWithItsReason() throws IOException {
        String source = uniqueSource("legacy");
        Path folder = Files.createDirectories(inbox.resolve(source));
        Path staging = Files.createTempFile(DATA_DIR, "upload", ".tmp");
        Files.writeString(staging, "name,email\nAnna,a@example.com\n", StandardCharsets.UTF_8);
        Files.move(staging, folder.resolve("people.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve(".failed").resolve(source)));

        try (Stream<Path> reports = Files.list(folder.resolve(".reports"))) {
            assertThat(Files.readString(reports.findFirst().orElseThrow())).contains("no 'source_id' column");
        }
        assertThat(storedRecords(source)).isZero();
    }
}
