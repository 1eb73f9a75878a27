package io.rapport.connector.salesforce;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.connector.salesforce.internal.SalesforceCalls;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.dto.Limits;

/**
 * Reads mapped records out of Salesforce through the component's {@code query} operation: by id, because a change
 * event carries only the fields that changed (and a gap event none), and by {@code SystemModstamp}, the polling
 * fallback for when no change events can be had. Each call is one SOQL query selecting the record's mapped fields,
 * its external id and its timestamps.
 */
public final class SalesforceReader {

    /** Ids per query: keeps the SOQL text, which travels in the URL, well under Salesforce's limits. */
    public static final int IDS_PER_QUERY = 200;
    /** Rows per polling page: one queryMore page, so a page is one call. */
    public static final int PAGE_SIZE = 2_000;
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final DateTimeFormatter SOQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final SalesforceCalls calls;
    private final SalesforceRecordMapper mapper;
    private final ObjectMapper json = new ObjectMapper();

    public SalesforceReader(ProducerTemplate producer, SalesforceRecordMapper mapper, ApiBudget budget) {
        this.calls = new SalesforceCalls(producer, budget, mapper.mapping().callOptions());
        this.mapper = mapper;
    }

    /**
     * Asks {@code /limits} for the org's daily API budget and tells the {@link ApiBudget}: before work that can wait
     * starts after the hub was idle, when the last {@code Sforce-Limit-Info} may be hours old. One call.
     *
     * @throws SalesforceUnavailableException when Salesforce cannot answer now
     */
    public void refreshBudget() {
        Limits limits = calls.call("salesforce:limits", null, Map.of()).getMessage().getBody(Limits.class);
        Limits.Usage daily = limits == null ? null : limits.getDailyApiRequests();
        if (daily != null && !daily.isUnknown()) {
            calls.budget().observeLimits(daily.getMax(), daily.getRemaining());
        }
    }

    /**
     * The records of one type with these ids that still exist, in no particular order; a deleted record is simply
     * absent.
     *
     * @throws SalesforceUnavailableException when Salesforce cannot answer now
     */
    public List<Map<String, Object>> readByIds(String sObjectName, Collection<String> ids) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(ids));
        List<Map<String, Object>> records = new ArrayList<>(unique.size());
        for (int from = 0; from < unique.size(); from += IDS_PER_QUERY) {
            List<String> chunk = unique.subList(from, Math.min(unique.size(), from + IDS_PER_QUERY));
            StringBuilder in = new StringBuilder();
            for (String id : chunk) {
                if (!ID.matcher(id).matches()) {
                    throw new IllegalArgumentException("not a Salesforce record id: " + id);
                }
                in.append(in.isEmpty() ? "" : ", ").append('\'').append(id).append('\'');
            }
            records.addAll(query(select(sObjectName) + " WHERE Id IN (" + in + ")"));
        }
        return records;
    }

    /**
     * Up to {@link #PAGE_SIZE} records of one type changed after the position, oldest first: those with a later
     * {@code SystemModstamp}, and those with the same one and a greater id (records saved in the same millisecond
     * are not skipped nor read forever).
     */
    public ModifiedPage modifiedAfter(String sObjectName, PollPosition after) {
        String where = "";
        if (after != null) {
            String at = SOQL_DATETIME.format(after.systemModstamp());
            where = " WHERE (SystemModstamp > " + at + ") OR (SystemModstamp = " + at + " AND Id > '" + after.id()
                    + "')";
        }
        List<Map<String, Object>> records = query(select(sObjectName) + where + " ORDER BY SystemModstamp ASC, Id ASC"
                + " LIMIT " + PAGE_SIZE);
        PollPosition last = after;
        if (!records.isEmpty()) {
            Map<String, Object> newest = records.get(records.size() - 1);
            last = new PollPosition(OffsetDateTime.parse(normalizeOffset(newest.get("SystemModstamp").toString()))
                    .toInstant(), newest.get("Id").toString());
        }
        return new ModifiedPage(records, last, records.size() == PAGE_SIZE);
    }

    /** A page of changed records, the position after its last one, and whether more may follow. */
    public record ModifiedPage(List<Map<String, Object>> records, PollPosition next, boolean more) {
    }

    private String select(String sObjectName) {
        Set<String> fields = new LinkedHashSet<>();
        fields.add("Id");
        if (mapper.mapping().activities().containsKey(sObjectName)) {
            ActivityMapping activity = mapper.mapping().activity(sObjectName);
            fields.addAll(activity.fields().keySet());
            fields.addAll(activity.party());
            fields.add("SystemModstamp");
            return "SELECT " + String.join(", ", fields) + " FROM " + sObjectName;
        }
        fields.addAll(mapper.mapping().object(sObjectName).fields().keySet());
        if (mapper.mapping().synced(sObjectName)) {
            // the hub never writes the others, so they need not carry its id field
            fields.add(mapper.mapping().externalIdField());
        }
        fields.add("SystemModstamp");
        return "SELECT " + String.join(", ", fields) + " FROM " + sObjectName;
    }

    private List<Map<String, Object>> query(String soql) {
        Object body = calls.call("salesforce:query?rawPayload=true", soql, Map.of()).getMessage().getBody();
        try {
            Map<String, Object> answer = body instanceof InputStream stream
                    ? json.readValue(stream, new TypeReference<>() { })
                    : json.readValue(body.toString(), new TypeReference<>() { });
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> records = (List<Map<String, Object>>) answer.getOrDefault("records", List.of());
            for (Map<String, Object> record : records) {
                record.remove("attributes");
            }
            return records;
        } catch (IOException e) {
            throw new IllegalStateException("Salesforce answered a query with unreadable JSON", e);
        }
    }

    /** Salesforce writes offsets as +0000; java.time wants +00:00. */
    private static String normalizeOffset(String timestamp) {
        return timestamp.matches(".*[+-]\\d{4}$")
                ? timestamp.substring(0, timestamp.length() - 2) + ":" + timestamp.substring(timestamp.length() - 2)
                : timestamp;
    }

    /** Where a SystemModstamp poll stopped: the last record's timestamp and id. */
    public record PollPosition(Instant systemModstamp, String id) {

        private static final Pattern FORMAT = Pattern.compile("(.+)\\|([a-zA-Z0-9]*)");

        public static PollPosition parse(String text) {
            var matcher = FORMAT.matcher(text);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not a Salesforce poll position: " + text);
            }
            return new PollPosition(Instant.parse(matcher.group(1)), matcher.group(2));
        }

        @Override
        public String toString() {
            return systemModstamp + "|" + id;
        }
    }
}
