package io.rapport.sim.salesforce;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The records created by committed transactions, each with its request's arrival, newest last: told to listeners
 * as they commit and kept (the most recent {@code capacity}) for inspection. Rolled-back creates never appear.
 */
final class CreatedRecords {

    private final int capacity;
    private final Deque<CreatedRecord> recent = new ArrayDeque<>();
    private final List<Consumer<CreatedRecord>> listeners = new CopyOnWriteArrayList<>();

    CreatedRecords(int capacity) {
        this.capacity = capacity;
    }

    void committed(SObjectStore.CommittedChanges committed) {
        RequestArrival arrival = committed.caller().arrival() == null ? RequestArrival.now()
                : committed.caller().arrival();
        for (SObjectStore.Change change : committed.changes()) {
            if (!change.changeType().equals("CREATE")) {
                continue;
            }
            CreatedRecord created = new CreatedRecord(change.type(), change.id(), arrival.at(), arrival.nanoTime(),
                    committed.caller().client());
            synchronized (this) {
                if (recent.size() == capacity) {
                    recent.removeFirst();
                }
                recent.addLast(created);
            }
            listeners.forEach(listener -> listener.accept(created));
        }
    }

    void onCreated(Consumer<CreatedRecord> listener) {
        listeners.add(listener);
    }

    synchronized List<CreatedRecord> recent() {
        return new ArrayList<>(recent);
    }

    synchronized void clear() {
        recent.clear();
    }
}
