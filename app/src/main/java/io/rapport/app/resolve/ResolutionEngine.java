package io.rapport.app.resolve;

import io.rapport.core.match.BlockingKeys;
import io.rapport.core.match.MatchProfile;
import io.rapport.core.match.MatchScorer;
import io.rapport.core.match.MatchSettings;
import io.rapport.core.normalize.CustomerNormalizer;
import io.rapport.core.normalize.NormalizationSettings;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.resolve.IdentityResolver;
import io.rapport.core.survivorship.GoldenRecordBuilder;
import io.rapport.core.survivorship.SurvivorshipRules;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The core's resolution logic, configured once from config/matching.yaml, config/survivorship.yaml and the
 * default region: Normalizer, blocking, scorer, resolver and golden-record builder.
 */
public class ResolutionEngine implements AutoCloseable {

    private final CustomerNormalizer normalizer;
    private final MatchSettings matchSettings;
    private final BlockingKeys blocking;
    private final IdentityResolver resolver;
    private final GoldenRecordBuilder goldenRecords;
    private final ForkJoinPool scoringPool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
        ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        thread.setName("rapport-scoring-" + thread.getPoolIndex());
        thread.setDaemon(true);
        return thread;
    }, null, false);

    public ResolutionEngine(NormalizationSettings normalization, MatchSettings matchSettings,
                            SurvivorshipRules survivorship) {
        this.normalizer = new CustomerNormalizer(normalization);
        this.matchSettings = matchSettings;
        this.blocking = new BlockingKeys(matchSettings.blocking());
        this.resolver = new IdentityResolver(new MatchScorer(matchSettings), blocking);
        this.goldenRecords = new GoldenRecordBuilder(survivorship);
    }

    public CustomerNormalizer normalizer() {
        return normalizer;
    }

    public IdentityResolver resolver() {
        return resolver;
    }

    public GoldenRecordBuilder goldenRecords() {
        return goldenRecords;
    }

    public BlockingKeys blocking() {
        return blocking;
    }

    /**
     * Threads that score a batch's candidate pairs ahead of resolving it ({@link IdentityResolver#prescore}), one
     * per core: the resolving thread waits for them, so they share the cores with nothing of the batch itself.
     */
    public ForkJoinPool scoringPool() {
        return scoringPool;
    }

    @Override
    public void close() {
        scoringPool.shutdown();
    }

    /** The profile the resolver keeps in memory for a record (without the attributes matching does not read). */
    public MatchProfile profileOf(CanonicalCustomer customer) {
        return MatchProfile.of(customer, matchSettings);
    }
}
