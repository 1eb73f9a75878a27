package io.rapport.connector.salesforce;

import io.rapport.connector.salesforce.internal.BulkCsv;
import io.rapport.connector.salesforce.internal.DynamicSObject;
import io.rapport.connector.salesforce.internal.SalesforceCalls;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.DeleteSObjectResult;
import org.apache.camel.component.salesforce.api.dto.RestError;
import org.apache.camel.component.salesforce.api.dto.SaveSObjectResult;
import org.apache.camel.component.salesforce.api.dto.UpsertSObjectResult;
import org.apache.camel.component.salesforce.api.dto.bulkv2.ContentTypeEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.Job;
import org.apache.camel.component.salesforce.api.dto.bulkv2.JobStateEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.LineEndingEnum;
import org.apache.camel.component.salesforce.api.dto.bulkv2.OperationEnum;

/**
 * Writes customers to Salesforce through the Camel Salesforce component, upserting by the external-id field so that
 * sending a record again never duplicates it: sObject Collections (200 records a call) for everyday changes, and a
 * Bulk API 2.0 ingest job (a handful of calls whatever the size) once a write holds {@code bulkThreshold} records or
 * more, as an initial load does. Every call carries {@code Sforce-Call-Options} with the hub's client name, which
 * Change Data Capture reports back as the change's origin.
 */
public final class SalesforceWriter {

    /** Salesforce's limit on records per sObject Collections call. */
    public static final int COLLECTION_SIZE = 200;
    private static final String ID = "Id";
    /** What Salesforce answers for the id of a record in the recycle bin, or of none at all. */
    private static final Set<String> ALREADY_GONE = Set.of("ENTITY_IS_DELETED", "INVALID_CROSS_REFERENCE_KEY");

    private final SalesforceCalls calls;
    private final SalesforceRecordMapper mapper;
    private final int bulkThreshold;
    private final Duration bulkTimeout;

    public SalesforceWriter(ProducerTemplate producer, SalesforceRecordMapper mapper, ApiBudget budget,
                            int bulkThreshold, Duration bulkTimeout) {
        this.calls = new SalesforceCalls(producer, budget, mapper.mapping().callOptions());
        this.mapper = mapper;
        this.bulkThreshold = bulkThreshold;
        this.bulkTimeout = bulkTimeout;
    }

    /**
     * Upserts the records into the sObject type, one result per record in the same order. A record with a known
     * Salesforce id is written to that record, which then also gets the external id: a Contact made in Salesforce,
     * not by the hub, has none yet, and an upsert by the external id would make a second Contact beside it. The others
     * are found, or created, by the external id, so sending a record again never makes a second one.
     *
     * @throws SalesforceUnavailableException when Salesforce cannot take the call now; nothing is lost by sending
     *                                        the same records again
     */
    public List<WriteResult> upsert(String sObjectName, List<OutboundRecord> records) {
        List<OutboundRecord> known = records.stream().filter(record -> record.salesforceId() != null).toList();
        List<OutboundRecord> byExternalId = records.stream().filter(record -> record.salesforceId() == null).toList();
        Map<String, WriteResult> results = new HashMap<>();
        for (WriteResult result : upsert(sObjectName, ID, known)) {
            results.put(result.customerId(), result);
        }
        for (WriteResult result : upsert(sObjectName, mapper.mapping().externalIdField(), byExternalId)) {
            results.put(result.customerId(), result);
        }
        return records.stream().map(record -> results.get(record.customerId())).toList();
    }

    private List<WriteResult> upsert(String sObjectName, String keyField, List<OutboundRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        if (records.size() >= bulkThreshold) {
            return bulkUpsert(sObjectName, keyField, records);
        }
        List<WriteResult> results = new ArrayList<>(records.size());
        for (int from = 0; from < records.size(); from += COLLECTION_SIZE) {
            results.addAll(collectionUpsert(sObjectName, keyField,
                    records.subList(from, Math.min(records.size(), from + COLLECTION_SIZE))));
        }
        return results;
    }

    private List<WriteResult> collectionUpsert(String sObjectName, String keyField, List<OutboundRecord> records) {
        List<DynamicSObject> sObjects = new ArrayList<>(records.size());
        for (OutboundRecord record : records) {
            DynamicSObject sObject = new DynamicSObject(sObjectName);
            if (keyField.equals(ID)) {
                sObject.setId(record.salesforceId());
            }
            sObject.set(mapper.mapping().externalIdField(), record.customerId());
            mapper.toSalesforce(sObjectName, record.desired(), record.changed()).forEach(sObject::set);
            sObjects.add(sObject);
        }
        // by Id it is an update: Salesforce's upsert takes an external-id field, and the component clears Id from it
        Exchange answer = call(keyField.equals(ID) ? "salesforce:compositeUpdateSObjectCollections?allOrNone=false"
                : "salesforce:compositeUpsertSObjectCollections?sObjectName=" + sObjectName + "&sObjectIdName="
                + keyField + "&allOrNone=false", sObjects, Map.of());
        List<?> body = answer.getMessage().getBody(List.class);
        List<WriteResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            String customerId = records.get(i).customerId();
            Object result = body != null && i < body.size() ? body.get(i) : null;
            results.add(result instanceof SaveSObjectResult saved ? toResult(customerId, saved)
                    : WriteResult.failure(customerId, "NO_RESULT", "Salesforce answered no result for this record"));
        }
        return results;
    }

    /**
     * Deletes records by Salesforce id, whatever their type, through sObject Collections (200 ids a call), one
     * result per record in the same order. A record that is already gone (deleted, or never there) counts as
     * deleted: sending the same deletion again must not fail it.
     *
     * @param ids customer id to the Salesforce id of that customer's record
     * @throws SalesforceUnavailableException when Salesforce cannot take the call now
     */
    public List<WriteResult> delete(List<Map.Entry<String, String>> ids) {
        List<WriteResult> results = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += COLLECTION_SIZE) {
            List<Map.Entry<String, String>> chunk = ids.subList(from, Math.min(ids.size(), from + COLLECTION_SIZE));
            List<String> salesforceIds = chunk.stream().map(Map.Entry::getValue).toList();
            List<?> body = call("salesforce:compositeDeleteSObjectCollections?allOrNone=false", salesforceIds,
                    Map.of()).getMessage().getBody(List.class);
            for (int i = 0; i < chunk.size(); i++) {
                Object result = body != null && i < body.size() ? body.get(i) : null;
                results.add(toDeleteResult(chunk.get(i).getKey(), chunk.get(i).getValue(), result));
            }
        }
        return results;
    }

    private static WriteResult toDeleteResult(String customerId, String salesforceId, Object result) {
        if (!(result instanceof DeleteSObjectResult deleted)) {
            return WriteResult.failure(customerId, "NO_RESULT", "Salesforce answered no result for this record");
        }
        List<RestError> errors = deleted.getErrors();
        RestError first = errors == null || errors.isEmpty() ? null : errors.get(0);
        if (Boolean.TRUE.equals(deleted.getSuccess()) || first != null && ALREADY_GONE.contains(first.getErrorCode())) {
            return WriteResult.success(customerId, salesforceId, false);
        }
        return WriteResult.failure(customerId, first == null ? "UNKNOWN" : first.getErrorCode(),
                first == null ? "no error given" : first.getMessage());
    }

    private static WriteResult toResult(String customerId, SaveSObjectResult saved) {
        if (Boolean.TRUE.equals(saved.getSuccess())) {
            return WriteResult.success(customerId, saved.getId(),
                    saved instanceof UpsertSObjectResult upsert && Boolean.TRUE.equals(upsert.getCreated()));
        }
        List<RestError> errors = saved.getErrors();
        RestError first = errors == null || errors.isEmpty() ? null : errors.get(0);
        return WriteResult.failure(customerId, first == null ? "UNKNOWN" : first.getErrorCode(),
                first == null ? "no error given" : first.getMessage());
    }

    private List<WriteResult> bulkUpsert(String sObjectName, String keyField, List<OutboundRecord> records) {
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, Object>> mapped = new ArrayList<>(records.size());
        for (OutboundRecord record : records) {
            Map<String, Object> fields = mapper.toSalesforce(sObjectName, record.desired(), record.changed());
            columns.addAll(fields.keySet());
            mapped.add(fields);
        }
        String externalId = mapper.mapping().externalIdField();
        boolean byId = keyField.equals(ID);
        List<String> header = new ArrayList<>();
        if (byId) {
            header.add(ID);
        }
        header.add(externalId);
        header.addAll(columns);
        List<List<String>> rows = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            List<String> row = new ArrayList<>(header.size());
            if (byId) {
                row.add(records.get(i).salesforceId());
            }
            row.add(records.get(i).customerId());
            Map<String, Object> fields = mapped.get(i);
            for (String column : columns) {
                // an empty cell leaves a field alone in Bulk API 2.0; a field being cleared needs #N/A
                row.add(!fields.containsKey(column) ? "" : fields.get(column) == null ? BulkCsv.NULL_VALUE
                        : fields.get(column).toString());
            }
            rows.add(row);
        }

        Job job = new Job();
        job.setObject(sObjectName);
        job.setOperation(byId ? OperationEnum.UPDATE : OperationEnum.UPSERT);
        if (!byId) {
            job.setExternalIdFieldName(keyField);
        }
        job.setContentType(ContentTypeEnum.CSV);
        job.setLineEnding(LineEndingEnum.LF);
        Job created = call("salesforce:bulk2CreateJob", job, Map.of()).getMessage().getBody(Job.class);
        String jobId = created.getId();
        InputStream csv = new ByteArrayInputStream(BulkCsv.write(header, rows).getBytes(StandardCharsets.UTF_8));
        call("salesforce:bulk2CreateBatch", csv, Map.of("jobId", jobId));
        call("salesforce:bulk2CloseJob", null, Map.of("jobId", jobId));
        Job done = awaitCompletion(jobId);

        Map<String, WriteResult> byCustomer = new LinkedHashMap<>();
        for (Map<String, String> row : BulkCsv.read(text(call("salesforce:bulk2GetSuccessfulResults", null,
                Map.of("jobId", jobId))))) {
            String customerId = row.get(externalId);
            byCustomer.put(customerId, WriteResult.success(customerId, row.get("sf__Id"),
                    Boolean.parseBoolean(row.get("sf__Created"))));
        }
        // a call saved per job when nothing failed: the job's own count says so
        boolean anyFailed = done.getNumberRecordsFailed() == null || done.getNumberRecordsFailed() > 0;
        for (Map<String, String> row : !anyFailed ? List.<Map<String, String>>of() : BulkCsv.read(text(call(
                "salesforce:bulk2GetFailedResults", null, Map.of("jobId", jobId))))) {
            String customerId = row.get(externalId);
            String error = row.getOrDefault("sf__Error", "");
            int colon = error.indexOf(':');
            byCustomer.put(customerId, WriteResult.failure(customerId,
                    colon > 0 ? error.substring(0, colon) : "BULK_ERROR", colon > 0 ? error.substring(colon + 1).strip() : error));
        }
        List<WriteResult> results = new ArrayList<>(records.size());
        for (OutboundRecord record : records) {
            results.add(byCustomer.getOrDefault(record.customerId(), WriteResult.failure(record.customerId(),
                    "UNPROCESSED", "Salesforce did not process this record in bulk job " + jobId)));
        }
        return results;
    }

    private Job awaitCompletion(String jobId) {
        long deadline = System.nanoTime() + bulkTimeout.toNanos();
        // a job takes a moment even when small; polling sooner only spends API calls
        long pauseMillis = 250;
        sleep(pauseMillis);
        while (true) {
            Job job = call("salesforce:bulk2GetJob", null, Map.of("jobId", jobId)).getMessage().getBody(Job.class);
            JobStateEnum state = job.getState();
            if (state == JobStateEnum.JOB_COMPLETE) {
                return job;
            }
            if (state == JobStateEnum.FAILED || state == JobStateEnum.ABORTED) {
                throw new IllegalStateException("bulk job " + jobId + " ended " + state + ": " + job.getErrorMessage());
            }
            if (System.nanoTime() > deadline) {
                throw new SalesforceUnavailableException("bulk job " + jobId + " still " + state + " after "
                        + bulkTimeout, 0, null);
            }
            sleep(pauseMillis);
            pauseMillis = Math.min(5_000, pauseMillis * 2);
        }
    }

    private Exchange call(String uri, Object body, Map<String, Object> headers) {
        return calls.call(uri, body, headers);
    }

    private static String text(Exchange answer) {
        String body = answer.getMessage().getBody(String.class);
        return body == null ? "" : body;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SalesforceUnavailableException("interrupted while waiting for a bulk job", 0, e);
        }
    }
}
