package io.rapport.connector.x.internal;

import io.rapport.connector.x.SocialCursorStore;
import io.rapport.connector.x.XStatus;
import java.time.Instant;
import java.util.TreeSet;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.TwitterException;

/**
 * The persisted {@code since_id} of one Camel Twitter consumer, wrapped around each of its polls as the endpoint's
 * poll strategy: at the start of a poll it fixes the floor (the stored cursor), the route lets through only ids above
 * it ({@link #admit}) and reports each one the sink took ({@link #delivered}), and when the poll ends the cursor moves
 * to the highest id below the first one not delivered. So the order the consumer emits in does not matter (the DM
 * consumer emits newest first), camel-twitter 4.17.0's search consumer re-emitting every match each poll (it never
 * sends {@code since_id}) and the mentions consumer's double call change nothing, and a restart neither skips nor
 * repeats.
 */
public final class V1PollCursor implements PollingConsumerPollStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(V1PollCursor.class);

    private final SocialCursorStore cursors;
    private final String name;
    private final StatusTracker status;
    private final TreeSet<Long> admitted = new TreeSet<>();
    private final TreeSet<Long> delivered = new TreeSet<>();
    private long floor;

    public V1PollCursor(SocialCursorStore cursors, String name, StatusTracker status) {
        this.cursors = cursors;
        this.name = name;
        this.status = status;
        this.floor = stored();
    }

    /** The stored cursor; 1 (camel-twitter's "none") when there is none yet. */
    public long stored() {
        return cursors.get(name).map(Long::parseLong).orElse(1L);
    }

    @Override
    public synchronized boolean begin(Consumer consumer, Endpoint endpoint) {
        floor = stored();
        admitted.clear();
        delivered.clear();
        status.polled(Instant.now());
        return true;
    }

    /** Whether this id is new: above the cursor, and not already let through in this poll. */
    public synchronized boolean admit(long id) {
        return id > floor && admitted.add(id);
    }

    public synchronized void delivered(long id) {
        delivered.add(id);
        status.delivered();
    }

    @Override
    public synchronized void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        advance();
        status.state(XStatus.State.IDLE, null, null);
    }

    @Override
    public synchronized boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        advance();
        String reason = cause instanceof TwitterException x && x.exceededRateLimitation()
                ? "429 from X (rate limit" + (x.getRateLimitStatus() == null ? ""
                : ", resets in " + x.getRateLimitStatus().getSecondsUntilReset() + " s") + "): skipping polls"
                : "poll failed (" + cause.getMessage() + "): skipping polls";
        LOG.warn("{}: {}", name, reason);
        status.error(reason);
        status.state(XStatus.State.BACKING_OFF, null, reason);
        return false;
    }

    private void advance() {
        Long firstMissing = admitted.stream().filter(id -> !delivered.contains(id)).findFirst().orElse(null);
        Long last = firstMissing == null ? (delivered.isEmpty() ? null : delivered.last())
                : delivered.lower(firstMissing);
        if (last != null && last > floor) {
            cursors.put(name, String.valueOf(last));
            floor = last;
        }
    }
}
