package io.rapport.sim.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * {@code /jobs/ingest}: Bulk API 2.0 ingest jobs. A job is created Open, receives CSV data ({@code PUT .../batches},
 * RFC 4180, up to 150 MB), and once the client marks it UploadComplete the sandbox processes it on its own thread:
 * InProgress, then JobComplete (or Failed when the data cannot be read). Each row is its own save, through the same
 * rules and change events as REST; results come back as CSV with sf__Id, sf__Created and sf__Error columns.
 */
final class BulkIngestResource {

    static final long MAX_UPLOAD_BYTES = 150L * 1024 * 1024;
    private static final Set<String> OPERATIONS = Set.of("insert", "update", "upsert", "delete", "hardDelete");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
            .withZone(ZoneOffset.UTC);

    /** One ingest job and what processing it produced. Guarded by its own monitor. */
    static final class IngestJob {
        final String id;
        final String object;
        final String operation;
        final String externalIdFieldName;
        final String lineEnding;
        final String columnDelimiter;
        final String apiVersion;
        final String createdDate;
        final SObjectStore.Caller caller;
        final StringBuilder data = new StringBuilder();
        String state = "Open";
        String modstamp;
        String errorMessage;
        long processed;
        long failed;
        long processingMillis;
        List<String> header = List.of();
        final List<List<Object>> successes = new ArrayList<>();
        final List<List<Object>> failures = new ArrayList<>();
        final List<List<String>> unprocessed = new ArrayList<>();

        IngestJob(String id, String object, String operation, String externalIdFieldName, String lineEnding,
                  String columnDelimiter, String apiVersion, String createdDate, SObjectStore.Caller caller) {
            this.id = id;
            this.object = object;
            this.operation = operation;
            this.externalIdFieldName = externalIdFieldName;
            this.lineEnding = lineEnding;
            this.columnDelimiter = columnDelimiter;
            this.apiVersion = apiVersion;
            this.createdDate = createdDate;
            this.modstamp = createdDate;
            this.caller = caller;
        }

        String newline() {
            return lineEnding.equals("CRLF") ? "\r\n" : "\n";
        }
    }

    private final Map<String, IngestJob> jobs = new ConcurrentHashMap<>();
    private final SObjectStore store;
    private final SObjectTypes types;
    private final SalesforceIds ids;
    private final ApiLimits limits;
    private final ExecutorService worker;
    private final Clock clock;
    private final String userId;

    BulkIngestResource(SObjectStore store, SObjectTypes types, SalesforceIds ids, ApiLimits limits,
                       ExecutorService worker, Clock clock, String userId) {
        this.store = store;
        this.types = types;
        this.ids = ids;
        this.limits = limits;
        this.worker = worker;
        this.clock = clock;
        this.userId = userId;
    }

    ApiResponse handle(ApiRequest request, SObjectStore.Caller caller) {
        List<String> path = request.path();
        String method = request.method();
        if (path.size() == 2) {
            if (method.equals("POST")) {
                return ApiResponse.json(200, create(request, caller));
            }
            if (method.equals("GET")) {
                List<Object> all = jobs.values().stream().map(job -> (Object) info(job, false)).toList();
                Map<String, Object> list = new LinkedHashMap<>();
                list.put("done", true);
                list.put("records", all);
                list.put("nextRecordsUrl", null);
                return ApiResponse.json(200, list);
            }
            throw ApiException.methodNotAllowed(method, "GET,POST");
        }
        IngestJob job = jobs.get(request.segment(2));
        if (job == null) {
            throw new ApiException(404, "NOT_FOUND", "Job with id " + request.segment(2) + " not found");
        }
        if (path.size() == 3) {
            switch (method) {
                case "GET":
                    return ApiResponse.json(200, info(job, true));
                case "PATCH":
                    return ApiResponse.json(200, changeState(job, request.json().path("state").asText("")));
                case "DELETE":
                    return delete(job);
                default:
                    throw ApiException.methodNotAllowed(method, "GET,PATCH,DELETE");
            }
        }
        String resource = request.segment(3);
        if (path.size() == 4 && resource.equals("batches") && method.equals("PUT")) {
            return upload(job, request);
        }
        if (path.size() == 4 && method.equals("GET")) {
            return results(job, resource);
        }
        throw ApiException.notFound();
    }

    private Map<String, Object> create(ApiRequest request, SObjectStore.Caller caller) {
        JsonNode body = request.json();
        String operation = body.path("operation").asText("");
        if (!OPERATIONS.contains(operation)) {
            throw invalidJob("Invalid operation: " + operation);
        }
        String object = types.canonical(body.path("object").asText(null));
        if (object == null) {
            throw invalidJob("Entity '" + body.path("object").asText("") + "' is not supported by the Bulk API.");
        }
        String externalId = body.path("externalIdFieldName").asText(null);
        if (operation.equals("upsert") && externalId == null) {
            throw invalidJob("External ID was blank for " + object + ". An External ID must be specified for upsert.");
        }
        if (!body.path("contentType").asText("CSV").equalsIgnoreCase("CSV")) {
            throw invalidJob("Only the CSV content type is supported");
        }
        String lineEnding = body.path("lineEnding").asText("LF").toUpperCase(Locale.ROOT);
        if (!lineEnding.equals("LF") && !lineEnding.equals("CRLF")) {
            throw invalidJob("Invalid line ending: " + lineEnding);
        }
        String delimiter = body.path("columnDelimiter").asText("COMMA").toUpperCase(Locale.ROOT);
        Csv.delimiter(delimiter);
        IngestJob job = new IngestJob(ids.next("AsyncApexJob"), object, operation,
                operation.equals("upsert") ? externalId : null, lineEnding, delimiter, request.version(), now(),
                caller.viaBulkApi());
        jobs.put(job.id, job);
        return info(job, false);
    }

    private ApiResponse upload(IngestJob job, ApiRequest request) {
        synchronized (job) {
            if (!job.state.equals("Open")) {
                throw new ApiException(409, "INVALIDJOBSTATE", "Job is not open for data upload: " + job.state);
            }
            if (job.data.length() + (long) request.body().length > MAX_UPLOAD_BYTES) {
                throw invalidJob("The upload exceeds the 150 MB a job can take");
            }
            String csv = new String(request.body(), StandardCharsets.UTF_8);
            if (job.data.length() > 0) {
                // a later upload repeats the header line: keep only its rows
                int firstBreak = csv.indexOf('\n');
                csv = firstBreak < 0 ? "" : csv.substring(firstBreak + 1);
                if (!endsWithBreak(job.data)) {
                    job.data.append('\n');
                }
            }
            job.data.append(csv);
        }
        return ApiResponse.text(201, "", "text/plain");
    }

    private Map<String, Object> changeState(IngestJob job, String state) {
        synchronized (job) {
            if (state.equals("UploadComplete") && job.state.equals("Open")) {
                job.state = "UploadComplete";
                job.modstamp = now();
                worker.submit(() -> process(job));
            } else if (state.equals("Aborted") && (job.state.equals("Open") || job.state.equals("UploadComplete"))) {
                job.state = "Aborted";
                job.modstamp = now();
            } else {
                throw new ApiException(400, "INVALIDJOBSTATE", "Invalid state transition from " + job.state + " to "
                        + state);
            }
            return info(job, false);
        }
    }

    private ApiResponse delete(IngestJob job) {
        synchronized (job) {
            if (job.state.equals("Open") || job.state.equals("InProgress")) {
                throw new ApiException(400, "INVALIDJOBSTATE", "Job in state " + job.state + " cannot be deleted");
            }
            jobs.remove(job.id);
        }
        return ApiResponse.noContent();
    }

    /** Saves each row on its own, as Bulk API 2.0 does: one row's failure does not stop the others. */
    private void process(IngestJob job) {
        long start = System.nanoTime();
        List<List<String>> rows;
        synchronized (job) {
            if (!job.state.equals("UploadComplete")) {
                return;
            }
            job.state = "InProgress";
            try {
                rows = Csv.parse(job.data.toString(), Csv.delimiter(job.columnDelimiter));
            } catch (IllegalArgumentException e) {
                fail(job, "InvalidBatch : Failed to parse CSV: " + e.getMessage());
                return;
            }
            if (rows.isEmpty()) {
                fail(job, "InvalidBatch : Empty CSV");
                return;
            }
            job.header = rows.get(0);
        }
        for (List<String> row : rows.subList(1, rows.size())) {
            processRow(job, row);
        }
        synchronized (job) {
            for (long batch = 0; batch < Math.max(1, (job.processed + 9_999) / 10_000); batch++) {
                limits.consume(ApiLimits.BULK_BATCHES);
            }
            job.processingMillis = (System.nanoTime() - start) / 1_000_000;
            job.state = job.state.equals("InProgress") ? "JobComplete" : job.state;
            job.modstamp = now();
        }
    }

    private void processRow(IngestJob job, List<String> row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < job.header.size() && i < row.size(); i++) {
            String value = row.get(i);
            if (value.isEmpty()) {
                continue; // an empty field leaves the value alone; #N/A sets it to null
            }
            fields.put(job.header.get(i), value.equals("#N/A") ? null : value);
        }
        String id = (String) Records.get(fields, "Id");
        Records.remove(fields, "Id");
        try {
            SObjectStore.Upserted result = store.transaction(job.caller, tx -> write(tx, job, id, fields));
            synchronized (job) {
                List<Object> success = new ArrayList<>(List.of(result.id(), result.created()));
                success.addAll(row);
                job.successes.add(success);
                job.processed++;
            }
        } catch (ApiException | SObjectStore.AmbiguousExternalId e) {
            String error = e instanceof ApiException api
                    ? api.first().errorCode() + ":" + api.first().message() + ":" + String.join(",", api.first().fields())
                    : "DUPLICATE_EXTERNAL_ID:The external ID field value matches multiple records:--";
            synchronized (job) {
                List<Object> failure = new ArrayList<>();
                failure.add(id == null ? "" : id);
                failure.add(error);
                failure.addAll(row);
                job.failures.add(failure);
                job.processed++;
                job.failed++;
            }
        }
    }

    private SObjectStore.Upserted write(SObjectStore.Transaction tx, IngestJob job, String id,
                                        Map<String, Object> fields) {
        switch (job.operation) {
            case "insert":
                return new SObjectStore.Upserted(tx.create(job.object, fields), true);
            case "update":
                requireId(id);
                tx.update(job.object, id, fields);
                return new SObjectStore.Upserted(SObjectStore.normalized(id), false);
            case "upsert": {
                Object value = Records.get(fields, job.externalIdFieldName);
                if (value == null) {
                    throw ApiException.badRequest("MISSING_ARGUMENT", job.externalIdFieldName + " not specified");
                }
                Records.remove(fields, job.externalIdFieldName);
                return tx.upsert(job.object, job.externalIdFieldName, value.toString(), fields);
            }
            default:
                requireId(id);
                tx.delete(job.object, id);
                return new SObjectStore.Upserted(SObjectStore.normalized(id), false);
        }
    }

    private static void requireId(String id) {
        if (id == null) {
            throw ApiException.badRequest("MISSING_ARGUMENT", "Id not specified");
        }
    }

    private ApiResponse results(IngestJob job, String resource) {
        synchronized (job) {
            char delimiter = Csv.delimiter(job.columnDelimiter);
            String newline = job.newline();
            StringBuilder csv = new StringBuilder();
            switch (resource) {
                case "successfulResults": {
                    csv.append(Csv.line(columns(List.of("sf__Id", "sf__Created"), job.header), delimiter, newline));
                    job.successes.forEach(row -> csv.append(Csv.line(row, delimiter, newline)));
                    break;
                }
                case "failedResults": {
                    csv.append(Csv.line(columns(List.of("sf__Id", "sf__Error"), job.header), delimiter, newline));
                    job.failures.forEach(row -> csv.append(Csv.line(row, delimiter, newline)));
                    break;
                }
                case "unprocessedrecords": {
                    if (job.state.equals("Aborted") || job.state.equals("Failed")) {
                        List<List<String>> rows = job.data.length() == 0 ? List.of()
                                : Csv.parse(job.data.toString(), delimiter);
                        rows.forEach(row -> csv.append(Csv.line(row, delimiter, newline)));
                    } else {
                        csv.append(Csv.line(job.header, delimiter, newline));
                    }
                    break;
                }
                default:
                    throw ApiException.notFound();
            }
            return ApiResponse.text(200, csv.toString(), "text/csv");
        }
    }

    private static List<String> columns(List<String> sfColumns, List<String> header) {
        List<String> columns = new ArrayList<>(sfColumns);
        columns.addAll(header);
        return columns;
    }

    private void fail(IngestJob job, String message) {
        job.state = "Failed";
        job.errorMessage = message;
        job.modstamp = now();
    }

    private Map<String, Object> info(IngestJob job, boolean detailed) {
        synchronized (job) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("id", job.id);
            info.put("operation", job.operation);
            info.put("object", job.object);
            info.put("createdById", userId);
            info.put("createdDate", job.createdDate);
            info.put("systemModstamp", job.modstamp);
            info.put("state", job.state);
            if (job.externalIdFieldName != null) {
                info.put("externalIdFieldName", job.externalIdFieldName);
            }
            info.put("concurrencyMode", "Parallel");
            info.put("contentType", "CSV");
            info.put("apiVersion", Double.parseDouble(job.apiVersion));
            info.put("contentUrl", "services/data/v" + job.apiVersion + "/jobs/ingest/" + job.id + "/batches");
            info.put("lineEnding", job.lineEnding);
            info.put("columnDelimiter", job.columnDelimiter);
            if (detailed) {
                info.put("jobType", "V2Ingest");
                info.put("retries", 0);
                info.put("numberRecordsProcessed", job.processed);
                info.put("numberRecordsFailed", job.failed);
                info.put("totalProcessingTime", job.processingMillis);
                info.put("apiActiveProcessingTime", job.processingMillis);
                info.put("apexProcessingTime", 0);
                if (job.errorMessage != null) {
                    info.put("errorMessage", job.errorMessage);
                }
            }
            return info;
        }
    }

    private static boolean endsWithBreak(StringBuilder data) {
        char last = data.charAt(data.length() - 1);
        return last == '\n' || last == '\r';
    }

    private static ApiException invalidJob(String message) {
        return ApiException.badRequest("INVALIDJOB", message);
    }

    private String now() {
        return STAMP.format(Instant.now(clock));
    }
}
