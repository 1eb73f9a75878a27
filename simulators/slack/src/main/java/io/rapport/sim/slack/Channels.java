package io.rapport.sim.slack;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workspace's channels by id and by name. Slack names channels in lower case without spaces, and the Web API
 * takes a channel by id ({@code C0123ABCDEF}), by {@code #name} or by bare name.
 */
final class Channels {

    /** One channel: archived ones refuse new messages. */
    record Channel(String id, String name, boolean archived) {
    }

    private final Map<String, Channel> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByName = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(0x1A2B3C);

    synchronized Channel create(String name) {
        String normalized = normalize(name);
        String existing = idByName.get(normalized);
        if (existing != null) {
            return byId.get(existing);
        }
        Channel channel = new Channel("C0" + Long.toString(sequence.incrementAndGet(), 36).toUpperCase(Locale.ROOT)
                + "RPT", normalized, false);
        byId.put(channel.id(), channel);
        idByName.put(normalized, channel.id());
        return channel;
    }

    synchronized void archive(String name) {
        Channel channel = find(name).orElseThrow(() -> new IllegalArgumentException("no channel " + name));
        byId.put(channel.id(), new Channel(channel.id(), channel.name(), true));
    }

    /** The channel an id, {@code #name} or name designates. */
    Optional<Channel> find(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Channel byItsId = byId.get(reference);
        if (byItsId != null) {
            return Optional.of(byItsId);
        }
        String id = idByName.get(normalize(reference));
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    private static String normalize(String name) {
        String bare = name.startsWith("#") ? name.substring(1) : name;
        if (bare.isBlank()) {
            throw new IllegalArgumentException("a channel needs a name");
        }
        return bare.toLowerCase(Locale.ROOT);
    }
}
