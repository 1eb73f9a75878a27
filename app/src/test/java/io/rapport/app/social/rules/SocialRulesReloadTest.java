package io.rapport.app.social.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.social.rules.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules in force follow the file while it is valid, and only then. */
class SocialRulesReloadTest {

    private static final String ONE_RULE = """
            rules:
              - id: questions
                when: {intent: question}
                then: [queueReply]
            """;
    private static final String TWO_RULES = """
            rules:
              - id: ignore-spam
                when: {intent: spam}
                then: [ignore]
              - id: questions
                when: {intent: question}
                then: [queueReply]
            """;
    private static final String BROKEN = """
            rules:
              - id: questions
                when: {intent: questoin}
                then: [queueReply]
            """;

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private Path file(String content) throws IOException {
        Path file = dir.resolve("social-rules.yaml");
        write(file, content);
        return file;
    }

    /** Written beside and moved into place, as editors save: the watcher never reads half a file. */
    private static void write(Path file, String content) throws IOException {
        Path temp = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), content,
                StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private SocialRules manual(Path file) {
        return new SocialRules(file, Duration.ZERO, clock).start();
    }

    @Test
    void startLoadsTheFileAsVersionOne() throws IOException {
        try (SocialRules rules = manual(file(ONE_RULE))) {
            assertThat(rules.version()).isEqualTo(1);
            assertThat(rules.loadedAt()).isEqualTo(clock.instant());
            assertThat(rules.current().rules()).extracting(Rule::id).containsExactly("questions");
            assertThat(rules.lastError()).isEmpty();
        }
    }

    @Test
    void startWithProblemsFailsWithThem() throws IOException {
        Path file = file(BROKEN);
        SocialRules rules = new SocialRules(file, Duration.ZERO, clock);

        assertThatThrownBy(rules::start).isInstanceOf(SocialRulesException.class)
                .hasMessageContaining(file + ":3:20: rules[1] (questions).when.intent: unknown intent questoin"
                        + " (did you mean question?)");
    }

    @Test
    void startWithoutTheFileFails() {
        SocialRules rules = new SocialRules(dir.resolve("missing.yaml"), Duration.ZERO, clock);

        assertThatThrownBy(rules::start).isInstanceOf(SocialRulesException.class)
                .hasMessageContaining("the file does not exist: the hub needs it to start");
    }

    @Test
    void aValidEditReplacesTheRulesAndCountsAVersion() throws IOException {
        Path file = file(ONE_RULE);
        try (SocialRules rules = manual(file)) {
            assertThat(rules.reload()).as("unchanged file").isFalse();

            write(file, TWO_RULES);

            assertThat(rules.reload()).isTrue();
            assertThat(rules.version()).isEqualTo(2);
            assertThat(rules.current().rules()).extracting(Rule::id).containsExactly("ignore-spam", "questions");
        }
    }

    @Test
    void anInvalidEditKeepsThePreviousRulesAndRecordsTheProblemWithItsLine() throws IOException {
        Path file = file(ONE_RULE);
        try (SocialRules rules = manual(file)) {
            write(file, BROKEN);

            assertThat(rules.reload()).isFalse();
            assertThat(rules.version()).isEqualTo(1);
            assertThat(rules.current().rules()).extracting(Rule::id).containsExactly("questions");
            SocialRules.ReloadFailure failure = rules.lastError().orElseThrow();
            assertThat(failure.problems()).singleElement().satisfies(problem -> {
                assertThat(problem.line()).isEqualTo(3);
                assertThat(problem.column()).isEqualTo(20);
            });
            assertThat(failure.at()).isEqualTo(clock.instant());

            write(file, TWO_RULES);

            assertThat(rules.reload()).isTrue();
            assertThat(rules.version()).isEqualTo(2);
            assertThat(rules.lastError()).as("a valid file clears the error").isEmpty();
        }
    }

    @Test
    void revertingABrokenEditClearsTheError() throws IOException {
        Path file = file(ONE_RULE);
        try (SocialRules rules = manual(file)) {
            write(file, BROKEN);
            rules.reload();

            write(file, ONE_RULE);

            assertThat(rules.reload()).isFalse();
            assertThat(rules.lastError()).isEmpty();
            assertThat(rules.version()).isEqualTo(1);
        }
    }

    @Test
    void aDeletedFileKeepsTheRulesAndSaysSo() throws IOException {
        Path file = file(ONE_RULE);
        try (SocialRules rules = manual(file)) {
            Files.delete(file);

            assertThat(rules.reload()).isFalse();
            assertThat(rules.current().rules()).hasSize(1);
            assertThat(rules.lastError().orElseThrow().message())
                    .contains("the file does not exist (deleted or moved?)");
        }
    }

    @Test
    void parsingPostedRulesLeavesTheRulesInForceAlone() throws IOException {
        try (SocialRules rules = manual(file(ONE_RULE))) {
            assertThat(rules.parse("posted rules", TWO_RULES).rules()).hasSize(2);

            assertThat(rules.current().rules()).hasSize(1);
            assertThat(rules.version()).isEqualTo(1);
            assertThatThrownBy(() -> rules.parse("posted rules", BROKEN))
                    .hasMessageContaining("posted rules:3:20:");
        }
    }

    @Test
    void theWatcherPicksUpEditsOnItsOwn() throws Exception {
        Path file = file(ONE_RULE);
        try (SocialRules rules = new SocialRules(file, Duration.ofMillis(20), Clock.systemUTC()).start()) {
            write(file, BROKEN);
            await(() -> rules.lastError().isPresent());
            assertThat(rules.version()).isEqualTo(1);

            write(file, TWO_RULES);
            await(() -> rules.version() == 2);
            assertThat(rules.current().rules()).hasSize(2);
            assertThat(rules.lastError()).isEmpty();
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
