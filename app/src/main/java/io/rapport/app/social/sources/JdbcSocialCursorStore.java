package io.rapport.app.social.sources;

import io.rapport.app.sync.JdbcWatermarkStore;
import io.rapport.connector.x.SocialCursorStore;
import java.util.Optional;

/**
 * Where each social source stopped reading: a cursor is a watermark of its feed, kept with the ERP and Salesforce
 * feeds' watermarks ({@code connector_watermark}), committed as soon as it is put.
 */
public class JdbcSocialCursorStore implements SocialCursorStore {

    private final JdbcWatermarkStore watermarks;

    public JdbcSocialCursorStore(JdbcWatermarkStore watermarks) {
        this.watermarks = watermarks;
    }

    @Override
    public Optional<String> get(String name) {
        return watermarks.load(name);
    }

    @Override
    public void put(String name, String value) {
        watermarks.save(name, value);
    }
}
