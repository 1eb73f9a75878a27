package io.rapport.app.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rapport.app.resolve.IntakeSuppression;
import io.rapport.app.store.SqlLists;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The suppression list of erased source records (table {@code erasure_suppression}, keys hashed): a record of an
 * erased person that arrives again (a change event in flight, an ERP echo of the anonymization, a re-import) is
 * dropped at intake, logged without its key and counted, per key in the table and in
 * {@code rapport_erasure_suppressed_total}.
 */
public class SuppressionList implements IntakeSuppression {

    private static final Logger log = LoggerFactory.getLogger(SuppressionList.class);

    private final JdbcTemplate jdbc;
    private final Counter dropped;

    public SuppressionList(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.dropped = Counter.builder("rapport_erasure_suppressed_total")
                .description("Inbound records of erased people dropped at intake").register(meters);
    }

    @Override
    public Set<String> suppressed(Collection<String> recordKeys) {
        Map<String, String> byHash = new HashMap<>();
        for (String key : recordKeys) {
            byHash.put(ErasedKeys.hash(key), key);
        }
        List<String> found = new ArrayList<>();
        SqlLists.query(jdbc, "SELECT key_hash FROM erasure_suppression WHERE key_hash IN (", List.of(),
                byHash.keySet(), rs -> {
                    found.add(rs.getString(1));
                });
        if (found.isEmpty()) {
            return Set.of();
        }
        Set<String> suppressed = new LinkedHashSet<>();
        List<Object[]> counts = new ArrayList<>();
        for (String hash : found) {
            suppressed.add(byHash.get(hash));
            counts.add(new Object[] {hash});
        }
        jdbc.batchUpdate("UPDATE erasure_suppression SET dropped = dropped + 1 WHERE key_hash = ?", counts);
        dropped.increment(suppressed.size());
        log.warn("Dropped {} inbound record(s) of erased people (suppression list; docs/privacy.md)",
                suppressed.size());
        return suppressed;
    }
}
