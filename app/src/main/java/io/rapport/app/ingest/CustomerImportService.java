package io.rapport.app.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rapport.app.RapportProperties;
import io.rapport.app.ingest.ImportReport.ImportStatus;
import io.rapport.app.logging.CorrelationId;
import io.rapport.core.customer.SourceName;
import io.rapport.core.customer.SourceRecord;
import io.rapport.core.ingest.CsvFormatException;
import io.rapport.core.ingest.CustomerCsvReader;
import io.rapport.core.ingest.CustomerRowHandler;
import io.rapport.core.ingest.RowRejection;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a customer CSV into the pipeline: each well-formed row becomes a message on {@code inbound.customer}
 * (committed in batches), each malformed row a rejection with its row number. The report is returned only after
 * the last batch is committed, so "accepted" always means "durably queued".
 */
public class CustomerImportService {

    private static final Logger log = LoggerFactory.getLogger(CustomerImportService.class);

    private final InboundCustomerGateway gateway;
    private final ImportRuns runs;
    private final RapportProperties.Imports settings;
    private final Clock clock;
    private final AtomicInteger inProgress = new AtomicInteger();
    private final Counter acceptedRows;
    private final Counter rejectedRows;

    public CustomerImportService(InboundCustomerGateway gateway, ImportRuns runs, RapportProperties.Imports settings,
                                 Clock clock, MeterRegistry meters) {
        this.gateway = gateway;
        this.runs = runs;
        this.settings = settings;
        this.clock = clock;
        this.acceptedRows = meters.counter("rapport.import.rows", "outcome", "accepted");
        this.rejectedRows = meters.counter("rapport.import.rows", "outcome", "rejected");
        meters.gauge("rapport.import.in.progress", inProgress);
    }

    /**
     * @param origin where the rows came from, for the ledger ("api", or the dropped file's name)
     * @throws CsvFormatException when the header makes the file unreadable (nothing is queued then)
     * @throws ImportFailedException when the import stopped part-way; its report counts what was queued
     */
    public ImportReport importCsv(SourceName source, InputStream csv, String origin) {
        String importId = UUID.randomUUID().toString();
        Instant started = clock.instant();
        runs.started(importId, source.value(), origin, started);
        inProgress.incrementAndGet();
        Tally tally = new Tally(importId);
        try (CorrelationId ignored = CorrelationId.open("import/" + importId);
             InboundCustomerGateway.Batch batch = gateway.open()) {
            tally.batch = batch;
            long rows = new CustomerCsvReader(settings.limits()).read(source, csv, tally);
            tally.accepted += batch.commit();
            return finish(tally.report(source, origin, started, rows, ImportStatus.COMPLETED, null));
        } catch (CsvFormatException e) {
            finish(tally.report(source, origin, started, 0, ImportStatus.FAILED, e.getMessage()));
            throw e;
        } catch (IOException | RuntimeException e) {
            // rows committed before the failure stay accepted (and are counted); the rest of the file was not taken
            ImportReport failed = tally.report(source, origin, started, tally.rows(), ImportStatus.FAILED, e.getMessage());
            finish(failed);
            throw new ImportFailedException(failed, e);
        } finally {
            inProgress.decrementAndGet();
        }
    }

    private ImportReport finish(ImportReport report) {
        runs.finished(report);
        acceptedRows.increment(report.accepted());
        rejectedRows.increment(report.rejected());
        log.info("import {} from {} ({}): {} rows, {} accepted, {} rejected, {}", report.importId(), report.source(),
                report.origin(), report.rows(), report.accepted(), report.rejected(), report.status());
        return report;
    }

    /** Imports running in this process right now (the pipeline is not idle while one is). */
    public int inProgress() {
        return inProgress.get();
    }

    public Optional<ImportReport> find(String importId) {
        return runs.find(importId);
    }

    /** Counts rows as the reader hands them over and sends accepted ones on, committing every batch-size rows. */
    private final class Tally implements CustomerRowHandler {
        private final String importId;
        private final List<RowRejection> rejections = new ArrayList<>();
        private InboundCustomerGateway.Batch batch;
        private long accepted;
        private long rejected;
        private long lastRow;

        Tally(String importId) {
            this.importId = importId;
        }

        @Override
        public void accepted(long row, SourceRecord record) {
            lastRow = row;
            batch.send(CustomerRowMessage.of(importId, row, record));
            if (batch.pending() >= settings.queueBatchSize()) {
                accepted += batch.commit();
            }
        }

        @Override
        public void rejected(RowRejection rejection) {
            lastRow = rejection.row();
            rejected++;
            if (rejections.size() < settings.maxListedRejections()) {
                rejections.add(rejection);
            }
        }

        long rows() {
            return lastRow;
        }

        ImportReport report(SourceName source, String origin, Instant started, long rows, ImportStatus status,
                            String failure) {
            return new ImportReport(importId, source.value(), origin, status, started, clock.instant(), rows, accepted,
                    rejected, List.copyOf(rejections), rejected > rejections.size() ? Boolean.TRUE : null, failure);
        }
    }
}
