package io.rapport.sim.slack;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slack's posting limit: about one message per second per channel, short bursts allowed. Counted per channel in
 * one-second windows; over the limit a post is refused with 429 and a {@code Retry-After} of the seconds left in the
 * window. Off (0) by default, so that tests and demos post as fast as they like unless they ask for it.
 */
final class ChannelRateLimit {

    private record Window(long second, int count) {
    }

    private final int perSecond;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ChannelRateLimit(int perSecond, Clock clock) {
        this.perSecond = perSecond;
        this.clock = clock;
    }

    /** Counts a post to the channel. @throws SlackError 429 when the channel's window is full */
    void acquire(String channelId, String rateLimitError) {
        if (perSecond <= 0) {
            return;
        }
        long second = clock.millis() / 1000;
        Window window = windows.compute(channelId, (id, current) -> current == null || current.second() != second
                ? new Window(second, 1) : new Window(second, current.count() + 1));
        if (window.count() > perSecond) {
            throw SlackError.rateLimited(1, rateLimitError);
        }
    }
}
