package io.rapport.app;

import io.rapport.core.ingest.ImportLimits;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rapport.*}.
 *
 * @param home      where routes/ and config/ live (the repository root in development, /opt/rapport in the image)
 * @param dataDir   where the hub keeps state it owns: H2 files, the broker journal, the drop-folder inbox
 * @param imports   limits and batching of CSV imports
 * @param pipeline  consumer counts and retry behaviour of the pipeline stages
 * @param resolution how records are normalized and resolved into customers
 */
@ConfigurationProperties(prefix = "rapport")
public record RapportProperties(
        @DefaultValue(".") Path home,
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Imports imports,
        @DefaultValue Pipeline pipeline,
        @DefaultValue Resolution resolution) {

    /**
     * @param maxFieldChars      longest accepted field value
     * @param maxLineBytes       longest accepted physical line
     * @param maxRecordLines     most lines one quoted record may span
     * @param queueBatchSize     rows sent to the broker per JMS transaction; a batch is durable once committed
     * @param maxListedRejections rejections listed in one import report; counts stay exact beyond it
     */
    public record Imports(
            @DefaultValue("" + ImportLimits.DEFAULT_MAX_FIELD_CHARS) int maxFieldChars,
            @DefaultValue("" + ImportLimits.DEFAULT_MAX_LINE_BYTES) int maxLineBytes,
            @DefaultValue("" + ImportLimits.DEFAULT_MAX_RECORD_LINES) int maxRecordLines,
            @DefaultValue("500") int queueBatchSize,
            @DefaultValue("10000") int maxListedRejections) {

        public ImportLimits limits() {
            return new ImportLimits(maxFieldChars, maxLineBytes, maxRecordLines);
        }
    }

    /**
     * @param maximumRedeliveries  in-process retries of a failing message before it is dead-lettered
     * @param redeliveryDelayMs    first retry delay; doubles on every retry
     * @param consumers            concurrent batch consumers of inbound.customer
     * @param batchSize            most messages applied in one database and one JMS transaction
     * @param batchTimeoutMs       how long a batch waits to fill up after its first message
     */
    public record Pipeline(
            @DefaultValue("3") int maximumRedeliveries,
            @DefaultValue("200") long redeliveryDelayMs,
            @DefaultValue("2") int consumers,
            @DefaultValue("2000") int batchSize,
            @DefaultValue("50") long batchTimeoutMs) {
    }

    /**
     * @param defaultRegion ISO 3166-1 alpha-2 country assumed for records without one: how national phone
     *                      numbers, postcodes and ambiguous dates are read (blank: none)
     * @param recordCacheSize canonical records kept in memory for rebuilding golden records without reading them
     *                        back (about 1 KB of heap each; 0 turns the cache off)
     * @param h2WriteBufferMb changed pages the embedded H2 database keeps in memory before writing them out in the
     *                        middle of a transaction (at most an eighth of the heap; 0 keeps H2's 19 MB)
     */
    public record Resolution(@DefaultValue("") String defaultRegion, @DefaultValue("100000") int recordCacheSize,
                             @DefaultValue("256") int h2WriteBufferMb) {
    }
}
