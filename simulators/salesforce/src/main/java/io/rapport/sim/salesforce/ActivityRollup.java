package io.rapport.sim.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code LastActivityDate} of the Leads, Contacts, Accounts, Opportunities and Cases an activity names (by
 * {@code WhoId} or {@code WhatId}), as Salesforce documents it: the most recent of the due dates of the events and of
 * the closed tasks logged against the record. An event counts by its {@code ActivityDate} (or the day of its
 * {@code ActivityDateTime}), a task once its {@code Status} is Completed, by its {@code ActivityDate} or, without
 * one, the day it was saved. An open task does not move it, nor does an older date.
 */
final class ActivityRollup implements SObjectStore.AfterSave {

    private static final List<String> ROLLED_UP = List.of("Lead", "Contact", "Account", "Opportunity", "Case");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    @Override
    public void afterSave(String type, Map<String, Object> record, SObjectStore.Transaction tx) {
        if (!type.equals("Task") && !type.equals("Event")) {
            return;
        }
        Optional<LocalDate> date = activityDate(type, record);
        if (date.isEmpty()) {
            return;
        }
        for (String lookup : List.of("WhoId", "WhatId")) {
            Object id = Records.get(record, lookup);
            if (id != null) {
                rollUp(id.toString(), date.get(), tx);
            }
        }
    }

    private static void rollUp(String id, LocalDate date, SObjectStore.Transaction tx) {
        String type = tx.typeOfLive(id);
        if (type == null || !ROLLED_UP.contains(type)) {
            return;
        }
        Object current = tx.field(type, id, "LastActivityDate");
        if (current == null || LocalDate.parse(current.toString()).isBefore(date)) {
            tx.setDerived(type, id, "LastActivityDate", date.toString());
        }
    }

    private static Optional<LocalDate> activityDate(String type, Map<String, Object> record) {
        Object due = Records.get(record, "ActivityDate");
        if (type.equals("Event")) {
            Object at = Records.get(record, "ActivityDateTime");
            return due != null ? parseDate(due) : at != null ? parseDate(at) : saved(record);
        }
        if (!"Completed".equalsIgnoreCase(String.valueOf(Records.get(record, "Status")))) {
            return Optional.empty();
        }
        return due != null ? parseDate(due) : saved(record);
    }

    private static Optional<LocalDate> saved(Map<String, Object> record) {
        return parseDate(record.get("LastModifiedDate"));
    }

    private static Optional<LocalDate> parseDate(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString();
        try {
            if (text.length() == 10) {
                return Optional.of(LocalDate.parse(text));
            }
            try {
                return Optional.of(OffsetDateTime.parse(text, STAMP).withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDate());
            } catch (DateTimeParseException e) {
                return Optional.of(LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC));
            }
        } catch (DateTimeParseException e) {
            // a date Salesforce would have refused; the sandbox leaves the roll-up alone rather than fail the save
            return Optional.empty();
        }
    }
}
