package io.rapport.sim.social;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The brand's direct messages, in the order they were sent; ids grow with time like posts' do. */
final class DirectMessages {

    private final Clock clock;
    private final List<DirectMessage> messages = new ArrayList<>();
    private long lastId = 1_700_000_000_000_000_000L;

    DirectMessages(Clock clock) {
        this.clock = clock;
    }

    synchronized DirectMessage add(Author sender, Author recipient, String text, Instant at, Label label) {
        Instant when = at == null ? clock.instant() : at;
        lastId = Math.max(lastId + 1, (when.toEpochMilli() - 1288834974657L) << 22);
        DirectMessage message = new DirectMessage(lastId, sender, recipient, text, when, label);
        messages.add(message);
        return message;
    }

    synchronized List<DirectMessage> newestFirst() {
        List<DirectMessage> copy = new ArrayList<>(messages);
        Collections.reverse(copy);
        return copy;
    }
}
