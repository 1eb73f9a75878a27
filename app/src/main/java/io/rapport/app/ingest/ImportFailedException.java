package io.rapport.app.ingest;

/**
 * An import stopped part-way (broker unreachable, client hung up, ...). The report says how many rows were durably
 * queued before that; re-sending the whole file is safe, since rows update their records rather than duplicate them.
 */
public class ImportFailedException extends RuntimeException {

    private final transient ImportReport report;

    public ImportFailedException(ImportReport report, Throwable cause) {
        super("import " + report.importId() + " stopped after " + report.accepted() + " accepted and " + report.rejected()
                + " rejected rows: " + cause.getMessage(), cause);
        this.report = report;
    }

    public ImportReport report() {
        return report;
    }
}
