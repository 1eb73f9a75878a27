package io.rapport.app.social;

import io.rapport.app.resolve.CanonicalRecordCodec;
import io.rapport.app.sync.JdbcWatermarkStore;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.SocialHandle;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills {@code customer_social_handle} from the records stored before the hub kept it (an upgrade from a version
 * without social listening), once: new records are indexed as they are stored. A watermark ({@code connector_watermark})
 * says it has run.
 */
public class SocialHandleBackfill implements ApplicationRunner {

    static final String MARKER = "customer-social-handle-backfill";

    private static final Logger log = LoggerFactory.getLogger(SocialHandleBackfill.class);
    private static final int PAGE = 2_000;

    private final JdbcTemplate jdbc;
    private final CanonicalRecordCodec codec;
    private final TransactionTemplate transactions;
    private final JdbcWatermarkStore done;

    public SocialHandleBackfill(JdbcTemplate jdbc, CanonicalRecordCodec codec, TransactionTemplate transactions,
                                JdbcWatermarkStore done) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.transactions = transactions;
        this.done = done;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (done.load(MARKER).isPresent()) {
            return;
        }
        long indexed = 0;
        String after = "";
        while (true) {
            List<String[]> page = jdbc.query("SELECT record_key, canonical_json FROM customer_record"
                    + " WHERE record_key > ? ORDER BY record_key FETCH FIRST " + PAGE + " ROWS ONLY",
                    (rs, n) -> new String[] {rs.getString(1), rs.getString(2)}, after);
            if (page.isEmpty()) {
                break;
            }
            List<Object[]> rows = new ArrayList<>();
            for (String[] record : page) {
                CanonicalCustomer customer = codec.read(record[1]);
                for (SocialHandle handle : customer.socialHandles().stream().distinct().toList()) {
                    rows.add(new Object[] {record[0], handle.network(), handle.handle(), record[0], handle.network(),
                            handle.handle()});
                }
            }
            // a record stored while this runs is indexed by the store already: insert only what is missing
            transactions.executeWithoutResult(status -> jdbc.batchUpdate("INSERT INTO customer_social_handle"
                    + " (record_key, network, handle) SELECT ?, ?, ? WHERE NOT EXISTS"
                    + " (SELECT 1 FROM customer_social_handle WHERE record_key = ? AND network = ? AND handle = ?)",
                    rows));
            indexed += rows.size();
            after = page.get(page.size() - 1)[0];
        }
        done.save(MARKER, Long.toString(indexed));
        if (indexed > 0) {
            log.info("indexed {} social handles declared by customer records stored before social listening", indexed);
        }
    }
}
