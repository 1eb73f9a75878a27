package io.rapport.app.fuzz;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Counts where each input of one fuzz property ended ({@link FuzzReport} starts one per property and writes it out).
 * Every try goes through {@link #attempt}: it runs the input on a worker thread with a deadline, so a hang is seen
 * as one instead of stalling the build, and anything but an {@link Outcome} (an exception, a failed accounting
 * check) is counted as a crash and fails the try.
 */
public final class FuzzTally {

    /** Generous: the slowest legitimate input (a 64 KiB line, a few hundred rows) takes milliseconds, but CI machines stall. */
    public static final long TRY_TIMEOUT_MS = Long.getLong("rapport.fuzz.try-timeout-ms", 10_000);

    private static volatile FuzzTally current;

    private final String path;
    private final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    private final Map<String, Long> details = new java.util.TreeMap<>();
    private long crashes;
    private long hangs;
    private ExecutorService worker = newWorker();

    FuzzTally(String path) {
        this.path = path;
    }

    /** The tally of the property running now. */
    public static FuzzTally current() {
        FuzzTally tally = current;
        if (tally == null) {
            throw new IllegalStateException("no fuzz property is running: annotate the class with"
                    + " @AddLifecycleHook(FuzzReport.class) and the property with @FuzzPath");
        }
        return tally;
    }

    static void start(FuzzTally tally) {
        current = tally;
    }

    static void stop() {
        FuzzTally tally = current;
        current = null;
        if (tally != null) {
            tally.worker.shutdownNow();
        }
    }

    /** Runs one input; returns its outcome, or throws AssertionError for a crash or hang (after counting it). */
    public Outcome attempt(Callable<Outcome> input) {
        Future<Outcome> running = worker.submit(input);
        Outcome outcome;
        try {
            outcome = running.get(TRY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            hangs++;
            running.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            throw new AssertionError("HANG: the input took longer than " + TRY_TIMEOUT_MS + " ms");
        } catch (ExecutionException e) {
            crashes++;
            throw new AssertionError("CRASH: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (outcome == null) {
            crashes++;
            throw new AssertionError("CRASH: the input was not accounted for (no outcome)");
        }
        outcomes.merge(outcome, 1L, Long::sum);
        return outcome;
    }

    /** Counts something worth reporting beside the outcome (rows of a file, echoes of the hub's own writes). */
    public void count(String detail, long n) {
        details.merge(detail, n, Long::sum);
    }

    String path() {
        return path;
    }

    long inputs() {
        return outcomes.values().stream().mapToLong(Long::longValue).sum() + crashes + hangs;
    }

    long of(Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0L);
    }

    long crashes() {
        return crashes;
    }

    long hangs() {
        return hangs;
    }

    Map<String, Long> details() {
        return details;
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "fuzz-try");
            thread.setDaemon(true);
            return thread;
        });
    }
}
