package io.rapport.connector.salesforce;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.connector.salesforce.internal.DynamicSObject;
import io.rapport.connector.salesforce.internal.SalesforceCalls;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.component.salesforce.SalesforceEndpointConfig;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectComposite;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectCompositeResponse;
import org.apache.camel.component.salesforce.api.dto.composite.SObjectCompositeResult;

/**
 * What the hub does in Salesforce when a social post calls for it, through the Camel Salesforce component: creates
 * a Lead or a Case, posts to a record's Chatter feed, and reads how created Leads have been followed up. Every call
 * carries the hub's {@code Sforce-Call-Options} client and feeds the API budget; failures are
 * {@link SalesforceUnavailableException} (try again later) or {@link SalesforceRejectedException} (the request is
 * wrong, with Salesforce's errors and fields).
 */
public final class SalesforceActions {

    /** Leads per follow-up query: keeps the SOQL, which travels in the URL, well under Salesforce's limits. */
    public static final int LEADS_PER_CALL = 200;
    /**
     * External-id field (unique, text 255) on Lead and Case holding the id of the hub action that made the record:
     * creates are upserts by it, so a retried create never makes a second record. docs/social.md lists the fields
     * an org needs.
     */
    public static final String ACTION_KEY_FIELD = "Rapport_Action_Id__c";
    private static final String AUTO_ASSIGN = "Sforce-Auto-Assign";
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
    private static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    private final SalesforceCalls calls;
    private final ProducerTemplate producer;
    private final ObjectMapper json = new ObjectMapper();
    private final ReentrantLock firstCall = new ReentrantLock();
    private volatile boolean answered;
    private volatile String apiVersion;

    /**
     * @param producer          a producer of the Camel context whose {@code salesforce} component is logged in to
     *                          the org (or the sandbox)
     * @param callOptionsClient the {@code client=} name of {@code Sforce-Call-Options}: Change Data Capture reports
     *                          it as the origin of the records created here
     */
    public SalesforceActions(ProducerTemplate producer, ApiBudget budget, String callOptionsClient) {
        this.calls = new SalesforceCalls(producer, budget, "client=" + callOptionsClient);
        this.producer = producer;
    }

    /**
     * Creates a Lead ({@code LastName} and {@code Company} are required) once per {@code key} and returns its id.
     * The key goes into the external-id field {@value #ACTION_KEY_FIELD} and the call is an upsert by it, so a create
     * sent again after Salesforce gave no answer (a timeout, a crash before the answer was recorded, a redelivery)
     * finds the Lead the first call made instead of making a second one. With an {@code OwnerId} the lead keeps that
     * owner: the request turns the org's assignment rules off, which the REST API would otherwise run and let override
     * it. Without one, the org's active lead assignment rule chooses the owner ({@code Sforce-Auto-Assign: TRUE}), or
     * the API user owns the lead when no rule is active.
     *
     * @param key the hub's id of the action asking for the Lead (at most 255 characters)
     * @throws SalesforceRejectedException  when Salesforce refuses the lead (a required field, a validation rule,
     *                                      an owner that is no user)
     * @throws SalesforceUnavailableException when Salesforce cannot take the call now; sending it again is safe
     */
    public String createLead(String key, Map<String, ?> fields) {
        return createOnce("Lead", key, fields);
    }

    /**
     * Creates a Case once per {@code key}, as {@link #createLead(String, Map)} does a Lead, typically on a known
     * customer ({@code ContactId}, {@code AccountId}) with {@code Subject}, {@code Description}, {@code Origin} and
     * {@code Priority}, and returns its id. The owner follows the same rule as for a Lead.
     *
     * @throws SalesforceRejectedException  when Salesforce refuses the case
     * @throws SalesforceUnavailableException when Salesforce cannot take the call now; sending it again is safe
     */
    public String createCase(String key, Map<String, ?> fields) {
        return createOnce("Case", key, fields);
    }

    /**
     * Posts text to the Chatter feed of a record, user or group ({@code me} is the API user's own feed) and returns
     * the feed element's id ({@code 0D5...}). Each mentioned user or group is named first ("@Maria Lind ...") and
     * notified by Chatter.
     *
     * @throws SalesforceRejectedException  when Salesforce refuses the post (an unknown subject, a mention of
     *                                      something that is no user or group, an empty or over-long text)
     * @throws SalesforceUnavailableException when Salesforce cannot take the call now
     */
    public String postChatter(String subjectId, String text, List<String> mentionIds) {
        Objects.requireNonNull(subjectId, "subjectId");
        List<Map<String, Object>> segments = new ArrayList<>();
        for (String mention : mentionIds) {
            segments.add(Map.of("type", "Mention", "id", mention));
            segments.add(Map.of("type", "Text", "text", " "));
        }
        segments.add(Map.of("type", "Text", "text", text));
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("body", Map.of("messageSegments", segments));
        input.put("feedElementType", "FeedItem");
        input.put("subjectId", subjectId);
        Map<String, Object> headers = new HashMap<>();
        headers.put(SalesforceEndpointConfig.RAW_METHOD, "POST");
        headers.put(SalesforceEndpointConfig.RAW_PATH, "/services/data/v" + apiVersion() + "/chatter/feed-elements");
        Object body = call("salesforce:raw?format=JSON", write(input), headers).getMessage().getBody();
        return read(body, new TypeReference<Map<String, Object>>() { }).get("id").toString();
    }

    /** As {@link #postChatter(String, String, List)}, mentioning nobody. */
    public String postChatter(String subjectId, String text) {
        return postChatter(subjectId, text, List.of());
    }

    /**
     * How each Lead has been followed up since it was created: its status, owner and conversion, its
     * {@code LastActivityDate}, and when the newest Task or Event naming it was created. One Composite call per
     * {@link #LEADS_PER_CALL} leads, holding the Lead, Task and Event queries (more only when a lead has over 2,000
     * activities); leads that no longer exist are absent from the answer.
     *
     * @return by lead id as given, in the order given
     * @throws IllegalArgumentException when an id is not a Salesforce id
     * @throws SalesforceUnavailableException when Salesforce cannot answer now
     */
    public Map<String, LeadFollowUp> leadFollowUps(Collection<String> leadIds) {
        List<String> unique = new ArrayList<>(new LinkedHashSet<>(leadIds));
        Map<String, LeadFollowUp> followUps = new LinkedHashMap<>();
        for (int from = 0; from < unique.size(); from += LEADS_PER_CALL) {
            followUps.putAll(followUps(unique.subList(from, Math.min(unique.size(), from + LEADS_PER_CALL))));
        }
        return followUps;
    }

    private Map<String, LeadFollowUp> followUps(List<String> leadIds) {
        Map<String, String> givenByShortId = new HashMap<>();
        StringBuilder in = new StringBuilder();
        for (String id : leadIds) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a Salesforce record id: " + id);
            }
            givenByShortId.put(id.substring(0, 15), id);
            in.append(in.isEmpty() ? "" : ", ").append('\'').append(caseSafe(id)).append('\'');
        }
        SObjectComposite composite = new SObjectComposite(apiVersion(), false);
        composite.addQuery("SELECT Id, Status, OwnerId, IsConverted, CreatedDate, LastActivityDate FROM Lead"
                + " WHERE Id IN (" + in + ")", "leads");
        // newest first, so the first row per lead is its newest activity and a later page is rarely needed
        composite.addQuery("SELECT WhoId, CreatedDate FROM Task WHERE WhoId IN (" + in + ") ORDER BY CreatedDate DESC",
                "tasks");
        composite.addQuery("SELECT WhoId, CreatedDate FROM Event WHERE WhoId IN (" + in + ") ORDER BY CreatedDate"
                + " DESC", "events");
        SObjectCompositeResponse answer = call("salesforce:composite", composite, Map.of()).getMessage()
                .getBody(SObjectCompositeResponse.class);
        Map<String, Map<String, Object>> pages = new HashMap<>();
        for (SObjectCompositeResult result : answer.getCompositeResponse()) {
            pages.put(result.getReferenceId(), page(result));
        }

        Map<String, Instant> latest = new HashMap<>();
        for (String activities : List.of("tasks", "events")) {
            Map<String, Object> page = pages.get(activities);
            while (true) {
                for (Map<String, Object> row : records(page)) {
                    String lead = row.get("WhoId").toString().substring(0, 15);
                    Instant created = instant(row.get("CreatedDate"));
                    latest.merge(lead, created, (a, b) -> a.isAfter(b) ? a : b);
                }
                Object next = page.get("nextRecordsUrl");
                if (next == null || Boolean.TRUE.equals(page.get("done")) || latest.keySet().containsAll(
                        givenByShortId.keySet())) {
                    break;
                }
                page = queryMore(next.toString());
            }
        }

        Map<String, LeadFollowUp> byShortId = new HashMap<>();
        for (Map<String, Object> lead : records(pages.get("leads"))) {
            String shortId = lead.get("Id").toString().substring(0, 15);
            Object lastActivity = lead.get("LastActivityDate");
            byShortId.put(shortId, new LeadFollowUp(givenByShortId.get(shortId), (String) lead.get("Status"),
                    (String) lead.get("OwnerId"), Boolean.TRUE.equals(lead.get("IsConverted")),
                    instant(lead.get("CreatedDate")), lastActivity == null ? null : LocalDate.parse(
                    lastActivity.toString()), latest.get(shortId)));
        }
        Map<String, LeadFollowUp> inOrder = new LinkedHashMap<>();
        for (String id : leadIds) {
            LeadFollowUp followUp = byShortId.get(id.substring(0, 15));
            if (followUp != null) {
                inOrder.put(id, followUp);
            }
        }
        return inOrder;
    }

    /**
     * Hands a Lead to another user or queue (a follow-up escalation). Salesforce's own assignment rules stay out of
     * it: the owner is the one given.
     */
    public void reassignLead(String leadId, String ownerId) {
        DynamicSObject lead = new DynamicSObject("Lead");
        lead.set("OwnerId", ownerId);
        call("salesforce:updateSObject?sObjectName=Lead&sObjectId=" + leadId, lead,
                Map.of(AUTO_ASSIGN, "FALSE"));
    }

    /**
     * Every call, the first ones one at a time: the component logs in lazily on its first call, and concurrent first
     * calls (four action consumers at start-up) were seen to leave its login waiting forever after a failed attempt.
     * Once Salesforce has answered, calls go side by side.
     */
    private Exchange call(String uri, Object body, Map<String, Object> headers) {
        if (answered) {
            return calls.call(uri, body, headers);
        }
        firstCall.lock();
        try {
            Exchange exchange = calls.call(uri, body, headers);
            answered = true;
            return exchange;
        } catch (SalesforceRejectedException e) {
            // refused, but logged in: Salesforce answered
            answered = true;
            throw e;
        } finally {
            firstCall.unlock();
        }
    }

    private String createOnce(String sObjectName, String key, Map<String, ?> fields) {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw new IllegalArgumentException("a create needs a key of 1 to 255 characters: " + key);
        }
        Map<String, Object> values = new LinkedHashMap<>(fields);
        values.remove(ACTION_KEY_FIELD); // the key travels in the URL; Salesforce refuses it in the body too
        Object owner = fields.get("OwnerId");
        boolean ownerGiven = owner != null && !owner.toString().isBlank();
        Object body = call("salesforce:upsertSObject?rawPayload=true&sObjectName=" + sObjectName + "&sObjectIdName="
                        + ACTION_KEY_FIELD, write(values),
                Map.of(AUTO_ASSIGN, ownerGiven ? "FALSE" : "TRUE", SalesforceEndpointConfig.SOBJECT_EXT_ID_VALUE, key))
                .getMessage().getBody();
        Object id = body == null ? null : read(body, new TypeReference<Map<String, Object>>() {
        }).get("id");
        if (id == null) {
            throw new SalesforceRejectedException("upsertSObject " + sObjectName, 200, List.of(
                    new SalesforceRejectedException.Error("NO_RESULT", "Salesforce answered no id", List.of())), null);
        }
        return id.toString();
    }

    /** A Composite subrequest's query result; a failed one is reported as the call it stands for would be. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> page(SObjectCompositeResult result) {
        int status = result.getHttpStatusCode();
        if (status >= 200 && status < 300 && result.getBody() instanceof Map<?, ?> body) {
            return (Map<String, Object>) body;
        }
        List<SalesforceRejectedException.Error> errors = new ArrayList<>();
        if (result.getBody() instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> error) {
                    errors.add(new SalesforceRejectedException.Error(String.valueOf(error.get("errorCode")),
                            String.valueOf(error.get("message")), List.of()));
                }
            }
        }
        String operation = "composite query " + result.getReferenceId();
        if (status >= 500 || errors.stream().anyMatch(e -> e.code().equals("REQUEST_LIMIT_EXCEEDED"))) {
            throw new SalesforceUnavailableException(operation + " answered " + status + ": " + errors, status, null);
        }
        throw new SalesforceRejectedException(operation, status, errors, null);
    }

    private Map<String, Object> queryMore(String nextRecordsUrl) {
        Object body = call("salesforce:queryMore?rawPayload=true", nextRecordsUrl, Map.of()).getMessage()
                .getBody();
        return read(body, new TypeReference<>() { });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(Map<String, Object> page) {
        Object records = page == null ? null : page.get("records");
        return records instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** The API version the component speaks, which the raw and Composite requests must name in their URLs. */
    private String apiVersion() {
        if (apiVersion == null) {
            SalesforceComponent component = producer.getCamelContext().getComponent("salesforce",
                    SalesforceComponent.class);
            String configured = component == null || component.getConfig() == null ? null
                    : component.getConfig().getApiVersion();
            apiVersion = configured == null ? SalesforceEndpointConfig.DEFAULT_VERSION : configured;
        }
        return apiVersion;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a request for Salesforce", e);
        }
    }

    private <T> T read(Object body, TypeReference<T> type) {
        try {
            return body instanceof InputStream stream ? json.readValue(stream, type)
                    : json.readValue(String.valueOf(body), type);
        } catch (IOException e) {
            throw new IllegalStateException("Salesforce answered with unreadable JSON", e);
        }
    }

    /**
     * The 18-character form of an id: Salesforce compares either form in SOQL, but ids read back are 18 characters
     * long, and so are the ones the sandbox compares.
     */
    static String caseSafe(String id) {
        if (id.length() == 18) {
            return id;
        }
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".charAt(bits));
        }
        return id + suffix;
    }

    private static Instant instant(Object salesforceDateTime) {
        if (salesforceDateTime == null) {
            return null;
        }
        String text = salesforceDateTime.toString();
        return text.endsWith("Z") ? Instant.parse(text)
                : OffsetDateTime.parse(text, SALESFORCE_DATETIME).toInstant();
    }
}
