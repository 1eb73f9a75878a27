package io.rapport.bench;

import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.ingest.CustomerCsvReader;
import io.rapport.core.ingest.CustomerRowHandler;
import io.rapport.core.ingest.ImportLimits;
import io.rapport.core.ingest.RowRejection;
import io.rapport.core.match.BlockingKeys;
import io.rapport.core.match.MatchProfile;
import io.rapport.core.match.MatchScorer;
import io.rapport.core.match.MatchSettings;
import io.rapport.core.normalize.CustomerNormalizer;
import io.rapport.core.normalize.NormalizationSettings;
import io.rapport.core.resolve.IdentityResolver;
import io.rapport.core.resolve.InMemoryResolutionState;
import io.rapport.core.resolve.PairScores;
import io.rapport.core.resolve.XrefCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;

/**
 * The hub's resolution logic without the hub: CSV reader, Normalizer, blocking, scoring and incremental
 * clustering over an in-memory state, in arrival order. Used to measure match quality against ground truth and
 * the core's own cost per record, apart from broker and database.
 */
public final class OfflineResolution {

    private final CustomerNormalizer normalizer;
    private final IdentityResolver resolver;
    private final InMemoryResolutionState state = new InMemoryResolutionState();
    private final Instant receivedAt = Instant.parse("2026-11-24T00:00:00Z");
    private final int batchSize;
    private final ForkJoinPool pool;
    private final List<MatchProfile> batch = new ArrayList<>();
    private long records;
    private long rejected;

    /** Resolves each record as it is read, scoring as it goes. */
    public OfflineResolution(String defaultRegion, MatchSettings settings) {
        this(defaultRegion, settings, 1, null);
    }

    /**
     * Resolves in the same order, but gathers {@code batchSize} records at a time and scores them ahead on
     * {@code pool} first, as the hub's pipeline does ({@link IdentityResolver#prescore}).
     */
    public OfflineResolution(String defaultRegion, MatchSettings settings, int batchSize, ForkJoinPool pool) {
        this.normalizer = new CustomerNormalizer(new NormalizationSettings(defaultRegion));
        this.resolver = new IdentityResolver(new MatchScorer(settings), new BlockingKeys(settings.blocking()));
        this.batchSize = batchSize;
        this.pool = pool;
    }

    /** Reads one source's CSV and resolves each row as it arrives. */
    public void resolve(String source, InputStream csv) {
        try {
            new CustomerCsvReader(ImportLimits.defaults()).read(SourceName.of(source), csv, new CustomerRowHandler() {
                @Override
                public void accepted(long row, SourceRecord record) {
                    batch.add(MatchProfile.of(normalizer.normalize(record, receivedAt)));
                    records++;
                    if (batch.size() >= batchSize) {
                        resolveBatch();
                    }
                }

                @Override
                public void rejected(RowRejection rejection) {
                    rejected++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        resolveBatch();
    }

    private void resolveBatch() {
        PairScores ahead = pool == null ? PairScores.NONE : resolver.prescore(state, batch, pool);
        for (MatchProfile profile : batch) {
            resolver.resolve(state, profile, ahead);
        }
        batch.clear();
    }

    /** The clusters as {@code GET /api/v1/xref} shows them: {@code source,source_id,customer_id}. */
    public void writeXref(Writer out) throws IOException {
        out.write(XrefCsv.HEADER);
        for (Map.Entry<String, Set<String>> cluster : state.clusters().entrySet()) {
            for (String recordKey : cluster.getValue()) {
                int colon = recordKey.indexOf(':');
                out.write(XrefCsv.line(recordKey.substring(0, colon), recordKey.substring(colon + 1), cluster.getKey()));
            }
        }
    }

    public long records() {
        return records;
    }

    public long rejected() {
        return rejected;
    }
}
