package io.rapport.app.resolve;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Where a resolution batch spends its time, as the Prometheus timer {@code rapport_resolution_phase_seconds} with
 * a {@code phase} tag. All but {@code normalize} run one batch at a time, so their sum bounds the pipeline's rate:
 * the figure an operator tuning batch size or database needs, and the breakdown docs/performance.md reports.
 * {@code lock_wait} includes reloading the resolution state when it is loaded first or changed under this instance.
 */
public final class ResolutionPhases {

    public static final String METER = "rapport.resolution.phase";

    /** The steps of {@link CustomerResolutionService#apply} in order. */
    public enum Phase {
        NORMALIZE, LOCK_WAIT, STORE_SOURCES, RESOLVE, WRITE_RECORDS, GOLDEN_RECORDS, COMMIT;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Timer[] timers = new Timer[Phase.values().length];

    public ResolutionPhases(MeterRegistry meters) {
        for (Phase phase : Phase.values()) {
            timers[phase.ordinal()] = Timer.builder(METER).tag("phase", phase.tag())
                    .description("time resolution batches spend in one step").register(meters);
        }
    }

    /** Records the time since {@code since} (a {@link System#nanoTime()}) and returns now, the next phase's start. */
    public long record(Phase phase, long since) {
        long now = System.nanoTime();
        timers[phase.ordinal()].record(now - since, TimeUnit.NANOSECONDS);
        return now;
    }
}
