package io.rapport.app.resolve;

import io.rapport.core.match.MatchProfile;
import io.rapport.core.resolve.InMemoryResolutionState;
import io.rapport.core.resolve.LinkKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rebuilds the in-memory resolution state from the database: profiles and blocking keys from the stored canonical
 * records, links and cluster assignments as stored. Runs on the first resolution after start-up, and again
 * whenever another hub instance has changed the state since this one last held the resolution lock.
 */
public class ResolutionStateLoader {

    private static final Logger log = LoggerFactory.getLogger(ResolutionStateLoader.class);

    private final JdbcTemplate jdbc;
    private final CanonicalRecordCodec codec;
    private final ResolutionEngine engine;

    public ResolutionStateLoader(JdbcTemplate jdbc, CanonicalRecordCodec codec, ResolutionEngine engine) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.engine = engine;
    }

    public InMemoryResolutionState load() {
        long start = System.nanoTime();
        InMemoryResolutionState state = new InMemoryResolutionState();
        jdbc.query("SELECT canonical_json, customer_id FROM customer_record", rs -> {
            MatchProfile profile = engine.profileOf(codec.read(rs.getString(1)));
            state.putRecord(profile, engine.blocking().of(profile));
            state.assign(profile.recordKey(), rs.getString(2));
        });
        long[] links = {0};
        jdbc.query("SELECT record_a, record_b, kind, weight, match_rule FROM record_link", rs -> {
            double weight = rs.getDouble(4);
            state.putLink(rs.getString(1), rs.getString(2), LinkKind.valueOf(rs.getString(3)),
                    rs.wasNull() ? Double.NaN : weight, rs.getString(5));
            links[0]++;
        });
        log.info("resolution state loaded: {} records, {} links in {} ms", state.records(), links[0],
                (System.nanoTime() - start) / 1_000_000);
        return state;
    }
}
