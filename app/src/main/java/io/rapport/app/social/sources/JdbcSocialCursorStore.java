package io.rapport.app.social.sources;

import io.rapport.connector.x.SocialCursorStore;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Where each social source stopped reading ({@code social_cursor}), committed as soon as it is put. */
public class JdbcSocialCursorStore implements SocialCursorStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcSocialCursorStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<String> get(String name) {
        List<String> value = jdbc.queryForList("SELECT cursor_value FROM social_cursor WHERE cursor_name = ?",
                String.class, name);
        return value.stream().findFirst();
    }

    @Override
    public void put(String name, String value) {
        Timestamp now = Timestamp.from(clock.instant());
        // one source polls one cursor at a time: no other writer races this update-then-insert
        if (jdbc.update("UPDATE social_cursor SET cursor_value = ?, updated_at = ? WHERE cursor_name = ?", value, now,
                name) == 0) {
            jdbc.update("INSERT INTO social_cursor (cursor_name, cursor_value, updated_at) VALUES (?, ?, ?)", name,
                    value, now);
        }
    }
}
