package io.rapport.sim.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * {@code /jobs/query}: Bulk API 2.0 query jobs. The query runs when the job is created (a bad query is refused then),
 * the job completes on the sandbox's bulk thread, and the results are read as CSV in chunks of {@code maxRecords}
 * rows, the {@code Sforce-Locator} header naming the next chunk ("null" after the last) and
 * {@code Sforce-NumberOfRecords} counting this one.
 */
final class BulkQueryResource {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
            .withZone(ZoneOffset.UTC);

    /** A query job and its result rows, CSV-ready. Guarded by its own monitor. */
    private static final class QueryJob {
        final String id;
        final String operation;
        final String object;
        final String query;
        final String apiVersion;
        final String createdDate;
        final List<String> columns;
        final List<List<Object>> rows;
        final String lineEnding;
        final char delimiter;
        final String delimiterName;
        String state = "UploadComplete";
        String modstamp;

        QueryJob(String id, String operation, String object, String query, String apiVersion, String createdDate,
                 List<String> columns, List<List<Object>> rows, String lineEnding, String delimiterName) {
            this.id = id;
            this.operation = operation;
            this.object = object;
            this.query = query;
            this.apiVersion = apiVersion;
            this.createdDate = createdDate;
            this.modstamp = createdDate;
            this.columns = columns;
            this.rows = rows;
            this.lineEnding = lineEnding;
            this.delimiterName = delimiterName;
            this.delimiter = Csv.delimiter(delimiterName);
        }
    }

    private final Map<String, QueryJob> jobs = new ConcurrentHashMap<>();
    private final QueryResource queries;
    private final SalesforceIds ids;
    private final ApiLimits limits;
    private final ExecutorService worker;
    private final Clock clock;
    private final String userId;

    BulkQueryResource(QueryResource queries, SalesforceIds ids, ApiLimits limits, ExecutorService worker, Clock clock,
                      String userId) {
        this.queries = queries;
        this.ids = ids;
        this.limits = limits;
        this.worker = worker;
        this.clock = clock;
        this.userId = userId;
    }

    ApiResponse handle(ApiRequest request) {
        List<String> path = request.path();
        String method = request.method();
        if (path.size() == 2) {
            if (method.equals("POST")) {
                return ApiResponse.json(200, create(request));
            }
            if (method.equals("GET")) {
                Map<String, Object> list = new LinkedHashMap<>();
                list.put("done", true);
                list.put("records", jobs.values().stream().map(this::info).toList());
                list.put("nextRecordsUrl", null);
                return ApiResponse.json(200, list);
            }
            throw ApiException.methodNotAllowed(method, "GET,POST");
        }
        QueryJob job = jobs.get(request.segment(2));
        if (job == null) {
            throw new ApiException(404, "NOT_FOUND", "Job with id " + request.segment(2) + " not found");
        }
        if (path.size() == 3 && method.equals("GET")) {
            return ApiResponse.json(200, info(job));
        }
        if (path.size() == 3 && method.equals("PATCH")) {
            synchronized (job) {
                if (!request.json().path("state").asText("").equals("Aborted") || job.state.equals("JobComplete")) {
                    throw new ApiException(400, "INVALIDJOBSTATE", "Only a running job can be aborted");
                }
                job.state = "Aborted";
            }
            return ApiResponse.json(200, info(job));
        }
        if (path.size() == 3 && method.equals("DELETE")) {
            jobs.remove(job.id);
            return ApiResponse.noContent();
        }
        if (path.size() == 4 && request.segment(3).equals("results") && method.equals("GET")) {
            return results(job, request.query());
        }
        throw ApiException.notFound();
    }

    private Map<String, Object> create(ApiRequest request) {
        JsonNode body = request.json();
        String operation = body.path("operation").asText("query");
        if (!operation.equals("query") && !operation.equals("queryAll")) {
            throw ApiException.badRequest("INVALIDJOB", "Invalid operation: " + operation);
        }
        String soql = body.path("query").asText("");
        QueryResource.Selection selection = queries.select(request.version(), soql, operation.equals("queryAll"));
        if (!limits.consume(ApiLimits.BULK_V2_QUERY_JOBS)) {
            throw new ApiException(400, "LIMIT_EXCEEDED", "Max bulk v2 query jobs per 24 hrs exceeded");
        }
        List<List<Object>> rows = new ArrayList<>();
        String object = null;
        for (Map<String, Object> record : selection.rows()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) record.get("attributes");
            object = (String) attributes.get("type");
            List<Object> row = new ArrayList<>();
            selection.fields().forEach(field -> row.add(Records.get(record, field)));
            rows.add(row);
        }
        if (object == null) {
            object = io.rapport.sim.salesforce.soql.SoqlParser.parse(soql).from();
        }
        String lineEnding = body.path("lineEnding").asText("LF").equalsIgnoreCase("CRLF") ? "CRLF" : "LF";
        QueryJob job = new QueryJob(ids.next("AsyncApexJob"), operation, object, soql, request.version(), now(),
                selection.fields(), rows, lineEnding, body.path("columnDelimiter").asText("COMMA"));
        jobs.put(job.id, job);
        worker.submit(() -> {
            synchronized (job) {
                if (job.state.equals("UploadComplete")) {
                    job.state = "JobComplete";
                    job.modstamp = now();
                }
            }
        });
        return info(job);
    }

    private ApiResponse results(QueryJob job, Map<String, String> query) {
        synchronized (job) {
            if (!job.state.equals("JobComplete")) {
                throw new ApiException(400, "INVALIDJOBSTATE", "Job is not complete: " + job.state);
            }
            int from = 0;
            String locator = query.get("locator");
            if (locator != null && !locator.isEmpty() && !locator.equals("null")) {
                try {
                    from = Integer.parseInt(locator);
                } catch (NumberFormatException e) {
                    throw ApiException.badRequest("INVALID_LOCATOR", "Invalid locator: " + locator);
                }
            }
            int max = query.containsKey("maxRecords") ? Integer.parseInt(query.get("maxRecords")) : Integer.MAX_VALUE;
            int to = (int) Math.min(job.rows.size(), (long) from + max);
            String newline = job.lineEnding.equals("CRLF") ? "\r\n" : "\n";
            StringBuilder csv = new StringBuilder(Csv.line(job.columns, job.delimiter, newline));
            for (List<Object> row : job.rows.subList(Math.min(from, to), to)) {
                csv.append(Csv.line(row, job.delimiter, newline));
            }
            return ApiResponse.text(200, csv.toString(), "text/csv")
                    .withHeader("Sforce-Locator", to < job.rows.size() ? Integer.toString(to) : "null")
                    .withHeader("Sforce-NumberOfRecords", Integer.toString(Math.max(0, to - from)));
        }
    }

    private Map<String, Object> info(QueryJob job) {
        synchronized (job) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("id", job.id);
            info.put("operation", job.operation);
            info.put("object", job.object);
            info.put("createdById", userId);
            info.put("createdDate", job.createdDate);
            info.put("systemModstamp", job.modstamp);
            info.put("state", job.state);
            info.put("concurrencyMode", "Parallel");
            info.put("contentType", "CSV");
            info.put("apiVersion", Double.parseDouble(job.apiVersion));
            info.put("jobType", "V2Query");
            info.put("lineEnding", job.lineEnding);
            info.put("columnDelimiter", job.delimiterName);
            info.put("numberRecordsProcessed", job.state.equals("JobComplete") ? job.rows.size() : 0);
            info.put("retries", 0);
            info.put("totalProcessingTime", 0);
            return info;
        }
    }

    private String now() {
        return STAMP.format(Instant.now(clock));
    }
}
