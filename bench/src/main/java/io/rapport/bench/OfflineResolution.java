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
import io.rapport.core.resolve.XrefCsv;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

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
    private long records;
    private long rejected;

    public OfflineResolution(String defaultRegion, MatchSettings settings) {
        this.normalizer = new CustomerNormalizer(new NormalizationSettings(defaultRegion));
        this.resolver = new IdentityResolver(new MatchScorer(settings), new BlockingKeys(settings.blocking()),
                settings.blocking().maxBlockSize());
    }

    /** Reads one source's CSV and resolves each row as it arrives. */
    public void resolve(String source, InputStream csv) {
        try {
            new CustomerCsvReader(ImportLimits.defaults()).read(SourceName.of(source), csv, new CustomerRowHandler() {
                @Override
                public void accepted(long row, SourceRecord record) {
                    resolver.resolve(state, MatchProfile.of(normalizer.normalize(record, receivedAt)));
                    records++;
                }

                @Override
                public void rejected(RowRejection rejection) {
                    rejected++;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
