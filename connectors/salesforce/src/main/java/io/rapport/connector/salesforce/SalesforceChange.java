package io.rapport.connector.salesforce;

import java.time.Instant;
import java.util.List;

/**
 * One Change Data Capture event as the hub needs it: which records of which type changed how, who made the change
 * ({@code changeOrigin}, which names the API client) and the event's replay id. Change events carry only changed
 * fields, so the hub reads the records themselves; gap events carry no values at all.
 *
 * @param changeType CREATE, UPDATE, DELETE, UNDELETE, or a GAP_ variant of them, or GAP_OVERFLOW
 */
public record SalesforceChange(String entity, String changeType, List<String> recordIds, String changeOrigin,
                               long replayId, Instant committedAt) {

    public SalesforceChange {
        recordIds = List.copyOf(recordIds);
        changeOrigin = changeOrigin == null ? "" : changeOrigin;
    }

    /** Whether the change was made by the API client of this name, as the hub's own writes are. */
    public boolean madeBy(String callOptionsClient) {
        for (String part : changeOrigin.split(";")) {
            if (part.trim().equals("client=" + callOptionsClient)) {
                return true;
            }
        }
        return false;
    }

    /** Whether Salesforce lost track of individual changes of this type and every record must be read again. */
    public boolean overflow() {
        return changeType.equals("GAP_OVERFLOW");
    }

    public boolean deletion() {
        return changeType.equals("DELETE") || changeType.equals("GAP_DELETE");
    }
}
