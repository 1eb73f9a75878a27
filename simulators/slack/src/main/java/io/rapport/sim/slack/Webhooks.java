package io.rapport.sim.slack;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Incoming webhooks: each a secret path {@code /services/T.../B.../<24 characters>} bound to one channel when it is
 * created, as installing a Slack app with an incoming webhook binds it.
 */
final class Webhooks {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final String teamId;
    private final Map<String, String> channelIdByPath = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(0x5EB);
    private final SecureRandom random = new SecureRandom();

    Webhooks(String teamId) {
        this.teamId = teamId;
    }

    /** A new webhook posting to the channel; its path, {@code /services/T.../B.../secret}. */
    String create(Channels.Channel channel) {
        StringBuilder secret = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String path = "/services/" + teamId + "/B0" + Long.toString(sequence.incrementAndGet(), 36).toUpperCase()
                + "WHK/" + secret;
        channelIdByPath.put(path, channel.id());
        return path;
    }

    /** Disables a webhook, as removing it from the app does: it then answers 404 {@code no_service}. */
    boolean remove(String path) {
        return channelIdByPath.remove(path) != null;
    }

    Optional<String> channelIdOf(String path) {
        return Optional.ofNullable(channelIdByPath.get(path));
    }

    String teamId() {
        return teamId;
    }
}
