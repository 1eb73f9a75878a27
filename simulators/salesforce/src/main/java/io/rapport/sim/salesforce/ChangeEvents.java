package io.rapport.sim.salesforce;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Change Data Capture: every committed create, update, delete and undelete of Account, Contact, Lead, Case and Task,
 * through any API, becomes a change event for {@code /data/<Object>ChangeEvent} (and {@code /data/ChangeEvents}) in
 * Salesforce's shape, with a replay id that only grows. Events are kept in a buffer bounded by age and count, as
 * Salesforce keeps them for 72 hours; listeners hear each as it is published.
 */
final class ChangeEvents {

    static final Set<String> TRACKED = Set.of("Account", "Contact", "Lead", "Case", "Task");

    /** A published event: its replay id, when, and its Bayeux message ({@code data} and {@code channel}). */
    record Event(long replayId, Instant publishedAt, String entity, Map<String, Object> message) {
    }

    /**
     * Retained events a subscriber takes next, oldest first, and the replay id up to which the retained events were
     * looked through (the subscriber's next starting point when it takes them all).
     */
    record Page(List<Event> events, long through) {
    }

    private final Deque<Event> retained = new ArrayDeque<>();
    private final List<Consumer<Map<String, Object>>> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final Duration retention;
    private final int capacity;
    private final String userId;
    private long lastReplayId;
    private long commitNumber;

    ChangeEvents(Clock clock, Duration retention, int capacity, String userId) {
        this.clock = clock;
        this.retention = retention;
        this.capacity = capacity;
        this.userId = userId;
    }

    /** Publishes the events of one committed transaction, in order, under one transaction key. */
    void publish(SObjectStore.CommittedChanges committed) {
        int sequence = 0;
        for (SObjectStore.Change change : committed.changes()) {
            if (!TRACKED.contains(change.type())) {
                continue;
            }
            Map<String, Object> header = header(change.type(), change.changeType(), List.of(change.id()),
                    committed.caller().changeOrigin(), committed.transactionKey(), ++sequence);
            header.put("changedFields", change.changeType().equals("UPDATE") ? change.changedFields() : List.of());
            header.put("nulledFields", change.nulledFields());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("ChangeEventHeader", header);
            payload.putAll(change.values());
            append(change.type(), payload);
        }
    }

    /**
     * Publishes gap events, as Salesforce does when it cannot give the changes themselves: GAP_CREATE, GAP_UPDATE,
     * GAP_DELETE or GAP_UNDELETE for the records, header only; the subscriber must read the records to catch up.
     */
    synchronized void publishGap(String entity, String changeType, List<String> recordIds) {
        Map<String, Object> header = header(entity, changeType, recordIds, "", "gap-" + (commitNumber + 1), 1);
        header.put("changedFields", List.of());
        header.put("nulledFields", List.of());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("ChangeEventHeader", header);
        append(entity, payload);
    }

    void onEvent(Consumer<Map<String, Object>> listener) {
        listeners.add(listener);
    }

    /** The retained events after a replay id (-1: none of the past; -2: all retained), oldest first. */
    synchronized List<Event> after(long replayId) {
        expire();
        if (replayId == -1) {
            return List.of();
        }
        List<Event> events = new ArrayList<>();
        for (Event event : retained) {
            if (replayId == -2 || event.replayId() > replayId) {
                events.add(event);
            }
        }
        return events;
    }

    /**
     * At most {@code limit} retained events after a replay id (-2: all retained) whose entity the filter accepts,
     * oldest first. Looks from the newest backwards, so a subscriber that is nearly caught up costs little.
     */
    synchronized Page page(long afterReplayId, Predicate<String> entity, int limit) {
        expire();
        List<Event> newer = new ArrayList<>();
        Iterator<Event> newestFirst = retained.descendingIterator();
        while (newestFirst.hasNext()) {
            Event event = newestFirst.next();
            if (afterReplayId != -2 && event.replayId() <= afterReplayId) {
                break;
            }
            newer.add(event);
        }
        List<Event> page = new ArrayList<>();
        for (int i = newer.size() - 1; i >= 0; i--) {
            Event event = newer.get(i);
            if (entity.test(event.entity())) {
                page.add(event);
                if (page.size() == limit) {
                    return new Page(page, event.replayId());
                }
            }
        }
        return new Page(page, Math.max(afterReplayId, lastReplayId));
    }

    /** Whether a subscriber can resume after this replay id: it is -1, -2, or still within the retained window. */
    synchronized boolean canReplayFrom(long replayId) {
        expire();
        if (replayId == -1 || replayId == -2) {
            return true;
        }
        long oldest = retained.isEmpty() ? lastReplayId + 1 : retained.peekFirst().replayId();
        return replayId >= oldest - 1 && replayId <= lastReplayId;
    }

    synchronized long lastReplayId() {
        return lastReplayId;
    }

    private Map<String, Object> header(String entity, String changeType, List<String> recordIds, String origin,
                                       String transactionKey, int sequence) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("entityName", entity);
        header.put("recordIds", recordIds);
        header.put("changeType", changeType);
        header.put("changeOrigin", origin);
        header.put("transactionKey", transactionKey);
        header.put("sequenceNumber", sequence);
        header.put("commitTimestamp", clock.millis());
        header.put("commitNumber", 0L);
        header.put("commitUser", userId);
        header.put("diffFields", List.of());
        return header;
    }

    private synchronized void append(String entity, Map<String, Object> payload) {
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) payload.get("ChangeEventHeader");
        header.put("commitNumber", ++commitNumber);
        long replayId = ++lastReplayId;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("schema", schemaId(entity));
        data.put("payload", payload);
        data.put("event", Map.of("replayId", replayId));
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("data", data);
        message.put("channel", "/data/" + entity + "ChangeEvent");
        retained.addLast(new Event(replayId, clock.instant(), entity, message));
        expire();
        for (Consumer<Map<String, Object>> listener : listeners) {
            try {
                listener.accept(message);
            } catch (RuntimeException e) {
                // a listener's failure must not undo or fail the API call that made the change
            }
        }
    }

    private void expire() {
        Instant oldest = clock.instant().minus(retention);
        while (!retained.isEmpty() && (retained.size() > capacity || retained.peekFirst().publishedAt().isBefore(oldest))) {
            retained.removeFirst();
        }
    }

    /** A stable schema id per entity, shaped like Salesforce's 22-character ones. */
    private static String schemaId(String entity) {
        byte[] bytes = new byte[16];
        byte[] name = (entity + "ChangeEvent").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < name.length; i++) {
            bytes[i % 16] = (byte) (bytes[i % 16] * 31 + name[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
