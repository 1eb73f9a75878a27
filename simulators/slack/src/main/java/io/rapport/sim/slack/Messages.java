package io.rapport.sim.slack;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The messages posted to the workspace, oldest first, with Slack timestamps that only grow. */
final class Messages {

    private final Clock clock;
    private final List<SlackMessage> posted = new ArrayList<>();
    private final List<Consumer<SlackMessage>> listeners = new CopyOnWriteArrayList<>();
    private long lastMicros;

    Messages(Clock clock) {
        this.clock = clock;
    }

    SlackMessage post(Channels.Channel channel, String text, String via, String username, String blocks,
                      String attachments, Instant receivedAt) {
        SlackMessage message;
        synchronized (this) {
            Instant now = clock.instant();
            long micros = Math.max(lastMicros + 1, now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000);
            lastMicros = micros;
            String ts = String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
            message = new SlackMessage(channel.id(), channel.name(), ts, text, via, username, blocks, attachments,
                    receivedAt);
            posted.add(message);
        }
        listeners.forEach(listener -> listener.accept(message));
        return message;
    }

    void onMessage(Consumer<SlackMessage> listener) {
        listeners.add(listener);
    }

    synchronized List<SlackMessage> all() {
        return List.copyOf(posted);
    }

    synchronized void clear() {
        posted.clear();
    }
}
