package io.rapport.app.sync;

import io.rapport.connector.erp.WatermarkStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Change feeds' watermarks in the hub's own database (table {@code connector_watermark}). */
public class JdbcWatermarkStore implements WatermarkStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcWatermarkStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> load(String feedName) {
        List<String> values = jdbc.queryForList("SELECT watermark FROM connector_watermark WHERE feed = ?",
                String.class, feedName);
        return values.stream().findFirst();
    }

    @Override
    public void save(String feedName, String value) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("UPDATE connector_watermark SET watermark = ?, updated_at = ? WHERE feed = ?", value, now,
                feedName) == 0) {
            jdbc.update("INSERT INTO connector_watermark (feed, watermark, updated_at) VALUES (?, ?, ?)", feedName,
                    value, now);
        }
    }
}
