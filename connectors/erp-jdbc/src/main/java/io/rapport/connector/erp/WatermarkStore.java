package io.rapport.connector.erp;

import java.util.Optional;

/**
 * Where a feed's watermark is kept between polls and restarts, in its string form ({@link ErpWatermark#toString()}).
 * The hub keeps it in its own database, not the ERP's: the connector needs no write rights beyond its triggers.
 */
public interface WatermarkStore {

    /** The value last saved for the feed, if any. */
    Optional<String> load(String feedName);

    /** Replaces the feed's value; durable once this returns. */
    void save(String feedName, String value);
}
