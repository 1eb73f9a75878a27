package io.rapport.app.social.rules;

import io.rapport.core.social.rules.SocialRuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The social rules in force, reloaded while the hub runs: the file is read every poll interval (2 s by default) and
 * a changed file that is valid replaces the active rule set in one atomic step, so a post is always evaluated by one
 * whole rule set, old or new. A changed file with problems changes nothing: the previous rules stay active and the
 * problems (with their lines) are kept in {@link #lastError()} for the health check and the API, and logged once.
 * Start-up with an invalid or missing file fails, like the hub's other config files.
 * <p>
 * Polling reads the file's content (a few kilobytes) rather than relying on modification times or a WatchService:
 * editors that save by renaming, bind-mounted config in containers and coarse file-system clocks all defeat those.
 */
public final class SocialRules implements AutoCloseable {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(SocialRules.class);

    /**
     * A rule set in force.
     *
     * @param rules    the rules
     * @param version  1 for the rules loaded at start, one more for each reload that took effect
     * @param loadedAt when it became active
     * @param sha256   the content it was read from
     */
    public record Active(SocialRuleSet rules, long version, Instant loadedAt, String sha256) {
    }

    /**
     * A change of the file that did not take effect.
     *
     * @param at       when it was seen
     * @param message  the whole report ({@link SocialRulesException#getMessage()})
     * @param problems each problem with its line and column
     */
    public record ReloadFailure(Instant at, String message, List<RuleFileProblem> problems) {
    }

    private final Path file;
    private final Duration pollInterval;
    private final Clock clock;
    private final SocialRulesLoader loader = new SocialRulesLoader();
    private final AtomicReference<Active> active = new AtomicReference<>();
    private final AtomicReference<ReloadFailure> lastError = new AtomicReference<>();
    private volatile String lastRejected;
    private ScheduledExecutorService watcher;

    public SocialRules(Path file) {
        this(file, DEFAULT_POLL_INTERVAL, Clock.systemUTC());
    }

    /**
     * @param file         config/social-rules.yaml
     * @param pollInterval how often the file is looked at; zero or negative: never (reload only by {@link #reload})
     * @param clock        for the loaded-at and failure times
     */
    public SocialRules(Path file, Duration pollInterval, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Loads the file and starts watching it.
     *
     * @throws SocialRulesException when the file is missing or has problems: the hub must not start on rules nobody
     *                              meant
     */
    public synchronized SocialRules start() {
        if (active.get() != null) {
            return this;
        }
        String content = read().orElseThrow(() -> new SocialRulesException(file.toString(), List.of(
                new RuleFileProblem(file.toString(), 1, 1, "the file does not exist: the hub needs it to start"
                        + " (rules: [] for no social rules)"))));
        SocialRuleSet rules = loader.parse(file.toString(), content);
        active.set(new Active(rules, 1, clock.instant(), sha256(content)));
        log.info("social rules loaded from {}: {} rules", file, rules.rules().size());
        if (!pollInterval.isZero() && !pollInterval.isNegative()) {
            watcher = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "social-rules-watch");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1, pollInterval.toMillis());
            watcher.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The rules in force. */
    public SocialRuleSet current() {
        return active().rules();
    }

    /** The rules in force with their version and load time, read together. */
    public Active active() {
        Active current = active.get();
        if (current == null) {
            throw new IllegalStateException("social rules are not started");
        }
        return current;
    }

    public long version() {
        return active().version();
    }

    public Instant loadedAt() {
        return active().loadedAt();
    }

    /**
     * Why the file as it is now is not in force: present from a rejected change until the file is valid again (or
     * back to the content in force).
     */
    public Optional<ReloadFailure> lastError() {
        return Optional.ofNullable(lastError.get());
    }

    /** The rule set written in a text, not made active: for the dry run of posted rules. */
    public SocialRuleSet parse(String name, String yaml) {
        return loader.parse(name, yaml);
    }

    /**
     * Looks at the file now (the watcher does so every poll interval).
     *
     * @return true when a changed, valid file became the rules in force
     */
    public synchronized boolean reload() {
        Active current = active();
        Optional<String> content;
        try {
            content = read();
        } catch (SocialRulesException e) {
            reject("unreadable", e);
            return false;
        }
        if (content.isEmpty()) {
            reject("missing", new SocialRulesException(file.toString(), List.of(new RuleFileProblem(
                    file.toString(), 1, 1, "the file does not exist (deleted or moved?)"))));
            return false;
        }
        String hash = sha256(content.get());
        if (hash.equals(current.sha256())) {
            lastError.set(null);
            lastRejected = null;
            return false;
        }
        if (hash.equals(lastRejected)) {
            return false;
        }
        try {
            SocialRuleSet rules = loader.parse(file.toString(), content.get());
            Active next = new Active(rules, current.version() + 1, clock.instant(), hash);
            active.set(next);
            lastError.set(null);
            lastRejected = null;
            log.info("social rules reloaded from {}: version {}, {} rules", file, next.version(),
                    rules.rules().size());
            return true;
        } catch (SocialRulesException e) {
            reject(hash, e);
            return false;
        }
    }

    private void reject(String hash, SocialRulesException e) {
        if (!hash.equals(lastRejected)) {
            log.warn("{}; keeping social rules version {}", e.getMessage(), active().version());
        }
        lastRejected = hash;
        lastError.set(new ReloadFailure(clock.instant(), e.getMessage(), e.problems()));
    }

    private void poll() {
        try {
            reload();
        } catch (RuntimeException e) {
            // the watcher must outlive any surprise: a dead watcher would silently freeze the rules
            log.error("social rules watcher: {}", e.toString(), e);
        }
    }

    private Optional<String> read() {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new SocialRulesException(file.toString(), List.of(new RuleFileProblem(file.toString(), 1, 1,
                    "cannot read the file: " + e)));
        }
    }

    private static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
