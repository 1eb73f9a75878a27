package io.rapport.connector.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rapport.connector.salesforce.ApiBudget;
import io.rapport.connector.salesforce.SalesforceRejectedException;
import io.rapport.connector.salesforce.SalesforceUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.salesforce.api.SalesforceException;

/**
 * One Salesforce API call through the Camel component, as the connector makes every call: tagged with the hub's
 * {@code Sforce-Call-Options} client (Change Data Capture reports it back as the change's origin), feeding the API
 * budget from {@code Sforce-Limit-Info}, and sorting failures into "try again later" (5xx, limit reached, no
 * answer) and "this request is wrong".
 */
public final class SalesforceCalls {

    private static final String CALL_OPTIONS = "Sforce-Call-Options";
    private static final String LIMIT_INFO = "Sforce-Limit-Info";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProducerTemplate producer;
    private final ApiBudget budget;
    private final String callOptions;

    public SalesforceCalls(ProducerTemplate producer, ApiBudget budget, String callOptions) {
        this.producer = producer;
        this.budget = budget;
        this.callOptions = callOptions;
    }

    /**
     * @throws SalesforceUnavailableException when Salesforce cannot take the call now
     * @throws SalesforceRejectedException when Salesforce rejected the request itself
     */
    public Exchange call(String uri, Object body, Map<String, Object> headers) {
        Exchange answer = producer.send(uri, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new LinkedHashMap<>(headers));
            exchange.getIn().setHeader(CALL_OPTIONS, callOptions);
        });
        budget.observeLimitInfo(answer.getMessage().getHeader(LIMIT_INFO, String.class));
        Exception failure = answer.getException();
        if (failure != null) {
            throw translate(uri, failure);
        }
        return answer;
    }

    public ApiBudget budget() {
        return budget;
    }

    private static RuntimeException translate(String uri, Exception failure) {
        String operation = uri.substring(0, uri.indexOf('?') > 0 ? uri.indexOf('?') : uri.length());
        SalesforceException salesforce = find(failure, SalesforceException.class);
        if (salesforce == null) {
            return new SalesforceUnavailableException(operation + " failed before Salesforce answered: "
                    + failure.getMessage(), 0, failure);
        }
        int status = salesforce.getStatusCode();
        List<SalesforceRejectedException.Error> errors = errorsOf(salesforce);
        boolean limitReached = errors.stream().anyMatch(error -> "REQUEST_LIMIT_EXCEEDED".equals(error.code()));
        if (status >= 500 || status == 0 || limitReached) {
            return new SalesforceUnavailableException(operation + " answered " + status + ": "
                    + salesforce.getMessage(), status, failure);
        }
        return new SalesforceRejectedException(operation, status, errors, failure);
    }

    /**
     * Salesforce's errors: parsed by the component for its typed operations, while its {@code raw} operation leaves
     * the answer's body, Salesforce's error list as JSON, in the exception's message.
     */
    private static List<SalesforceRejectedException.Error> errorsOf(SalesforceException salesforce) {
        if (!salesforce.getErrors().isEmpty()) {
            return salesforce.getErrors().stream().map(error -> new SalesforceRejectedException.Error(
                    error.getErrorCode(), error.getMessage(), error.getFields())).toList();
        }
        String message = salesforce.getMessage() == null ? "" : salesforce.getMessage().strip();
        if (message.startsWith("[")) {
            try {
                List<SalesforceRejectedException.Error> errors = new ArrayList<>();
                for (JsonNode error : JSON.readTree(message)) {
                    List<String> fields = new ArrayList<>();
                    error.path("fields").forEach(field -> fields.add(field.asText()));
                    errors.add(new SalesforceRejectedException.Error(error.path("errorCode").asText(),
                            error.path("message").asText(), fields));
                }
                return errors;
            } catch (IOException e) {
                // not Salesforce's error list after all: reported below as the message it is
            }
        }
        return List.of(new SalesforceRejectedException.Error("UNKNOWN", message, List.of()));
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
