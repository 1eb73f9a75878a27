package io.rapport.connector.salesforce;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Where a Lead stands for the follow-up check: its status and owner, whether it was converted, when it was created,
 * and the activity logged on it since.
 *
 * @param leadId           the id as the caller gave it
 * @param lastActivityDate Salesforce's {@code LastActivityDate}: the latest due date of the lead's events and closed
 *                         tasks (a date, no time; open tasks do not set it); null when none
 * @param latestActivityAt when the newest Task or Event naming the lead ({@code WhoId}) was created, open ones
 *                         included; null when none
 */
public record LeadFollowUp(String leadId, String status, String ownerId, boolean converted, Instant createdDate,
                           LocalDate lastActivityDate, Instant latestActivityAt) {

    /** Whether anyone has logged any activity on the lead: a task or event naming it, or a LastActivityDate. */
    public boolean hasActivity() {
        return latestActivityAt != null || lastActivityDate != null;
    }
}
