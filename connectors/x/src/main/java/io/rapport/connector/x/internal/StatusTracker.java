package io.rapport.connector.x.internal;

import io.rapport.connector.x.XStatus;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The live {@link XStatus} of one source: its consumer updates it, health checks read snapshots. */
public final class StatusTracker {

    private final AtomicReference<XStatus> current;

    public StatusTracker(String name) {
        this.current = new AtomicReference<>(XStatus.stopped(name));
    }

    public XStatus snapshot() {
        return current.get();
    }

    void update(UnaryOperator<XStatus> change) {
        current.updateAndGet(change);
    }

    void state(XStatus.State state, Instant nextPoll, String backoffReason) {
        update(s -> new XStatus(s.name(), state, s.lastPoll(), nextPoll, backoffReason, s.rateLimitRemaining(),
                s.rateLimitReset(), s.delivered(), s.deadLettered(), s.lastError()));
    }

    void polled(Instant at) {
        update(s -> new XStatus(s.name(), s.state() == XStatus.State.BACKING_OFF ? s.state() : XStatus.State.POLLING,
                at, s.nextPoll(), s.backoffReason(), s.rateLimitRemaining(), s.rateLimitReset(), s.delivered(),
                s.deadLettered(), s.lastError()));
    }

    void rateLimit(RateLimitHeaders limit) {
        if (limit.remaining() == null && limit.reset() == null) {
            return;
        }
        update(s -> new XStatus(s.name(), s.state(), s.lastPoll(), s.nextPoll(), s.backoffReason(),
                limit.remaining(), limit.reset(), s.delivered(), s.deadLettered(), s.lastError()));
    }

    void delivered() {
        update(s -> new XStatus(s.name(), s.state(), s.lastPoll(), s.nextPoll(), s.backoffReason(),
                s.rateLimitRemaining(), s.rateLimitReset(), s.delivered() + 1, s.deadLettered(), s.lastError()));
    }

    void deadLettered() {
        update(s -> new XStatus(s.name(), s.state(), s.lastPoll(), s.nextPoll(), s.backoffReason(),
                s.rateLimitRemaining(), s.rateLimitReset(), s.delivered(), s.deadLettered() + 1, s.lastError()));
    }

    void error(String error) {
        update(s -> new XStatus(s.name(), s.state(), s.lastPoll(), s.nextPoll(), s.backoffReason(),
                s.rateLimitRemaining(), s.rateLimitReset(), s.delivered(), s.deadLettered(), error));
    }
}
