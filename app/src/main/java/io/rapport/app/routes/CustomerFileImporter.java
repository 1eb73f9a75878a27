package io.rapport.app.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.app.ingest.CustomerImportService;
import io.rapport.app.ingest.ImportReport;
import io.rapport.core.customer.SourceName;
import io.rapport.core.ingest.CsvFormatException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * The drop-folder path into the pipeline: a CSV file under {@code inbox/customers/<source>/} is imported exactly
 * as the REST import would, and its report is written beside it as {@code .reports/<file>.<importId>.json}.
 * A file whose header is unreadable, or in a folder that is not a valid source name, fails the exchange, so the
 * route moves it to {@code .failed/<source>/}.
 * Referenced by name ({@value #BEAN_NAME}) from routes/customer-intake.yaml.
 */
public class CustomerFileImporter implements Processor {

    public static final String BEAN_NAME = "importCustomerFile";
    public static final String REPORTS_DIR = ".reports";
    /** Read by the route's move/moveFailed expressions to keep processed files per source. */
    public static final String SOURCE_HEADER = "rapportSource";

    private final CustomerImportService imports;
    private final ObjectMapper json;

    public CustomerFileImporter(CustomerImportService imports, ObjectMapper json) {
        this.imports = imports;
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Path file = Path.of(exchange.getMessage().getHeader(Exchange.FILE_PATH, String.class));
        Path folder = file.getParent();
        String folderName = folder.getFileName().toString();
        exchange.getMessage().setHeader(SOURCE_HEADER, folderName);
        SourceName source = SourceName.of(folderName);
        String origin = "file:" + file.getFileName();
        try (InputStream csv = Files.newInputStream(file)) {
            ImportReport report = imports.importCsv(source, csv, origin);
            writeReport(folder, file, report.importId(), report);
            exchange.getMessage().setHeader("rapportImportId", report.importId());
        } catch (CsvFormatException e) {
            writeReport(folder, file, "failed", java.util.Map.of("source", source.value(), "file",
                    file.getFileName().toString(), "failure", e.getMessage()));
            throw e;
        }
    }

    private void writeReport(Path folder, Path file, String suffix, Object report) throws java.io.IOException {
        Path reports = Files.createDirectories(folder.resolve(REPORTS_DIR));
        json.writerWithDefaultPrettyPrinter().writeValue(reports.resolve(file.getFileName() + "." + suffix + ".json").toFile(), report);
    }
}
