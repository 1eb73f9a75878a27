package io.rapport.connector.x.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.rapport.connector.x.SocialCursorStore;
import io.rapport.connector.x.XHeaders;
import io.rapport.connector.x.XSourceSettings;
import io.rapport.connector.x.XStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls X API v2 recent search and hands each new post to the route, oldest first, as a single-post document.
 *
 * <p>A poll (a "round") asks for everything after the persisted {@code since_id}, following {@code next_token} to the
 * last page, and only then delivers, oldest first, writing the cursor after each post the route accepted: a crash or a
 * refusing sink leaves the cursor on the last delivered post, so the next round neither skips nor repeats. Pages are
 * collected before delivery because X pages newest first; a round interrupted by the rate limit resumes from its
 * {@code next_token} once the window resets.
 *
 * <p>Pacing: the poll interval, never earlier than {@code x-rate-limit-reset} once {@code x-rate-limit-remaining}
 * reached 0; a 429 waits for the reset (or backs off exponentially without one); 5xx, network errors and a refusing
 * sink back off. Nothing here fails the route: the status says what it waits for.
 */
public final class XSearchConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(XSearchConsumer.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final XSourceSettings settings;
    private final SocialCursorStore cursors;
    private final String cursorName;
    private final StatusTracker status;
    private final Backoff backoff;
    private XHttp http;
    private PostDelivery delivery;
    private ScheduledExecutorService executor;
    private Round round;
    private RateLimitHeaders lastLimit = RateLimitHeaders.NONE;

    /** One poll's pages so far: where it started, where the next page is, and the posts by id. */
    private static final class Round {
        final String sinceId;
        final Instant startTime;
        String nextToken;
        final Map<String, Map<String, Object>> documents = new LinkedHashMap<>();
        final List<Map<String, Object>> withoutId = new ArrayList<>();

        Round(String sinceId, Instant startTime) {
            this.sinceId = sinceId;
            this.startTime = startTime;
        }
    }

    public XSearchConsumer(Endpoint endpoint, Processor processor, XSourceSettings settings,
                           SocialCursorStore cursors, String cursorName, StatusTracker status) {
        super(endpoint, processor);
        this.settings = settings;
        this.cursors = cursors;
        this.cursorName = cursorName;
        this.status = status;
        this.backoff = new Backoff(settings.backoff());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        http = new XHttp(getEndpoint().getCamelContext(), settings.baseUrl(), settings.bearerToken());
        delivery = new PostDelivery(this, settings.source(), settings.deadLetterUri(), status);
        executor = getEndpoint().getCamelContext().getExecutorServiceManager()
                .newSingleThreadScheduledExecutor(this, "x-recent-search");
        round = null;
        schedule(Duration.ZERO, XStatus.State.IDLE, null);
    }

    @Override
    protected void doStop() throws Exception {
        if (executor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownNow(executor);
            executor.awaitTermination(5, TimeUnit.SECONDS);
        }
        if (http != null) {
            http.close();
        }
        if (delivery != null) {
            delivery.close();
        }
        status.state(XStatus.State.STOPPED, null, null);
        super.doStop();
    }

    private void poll() {
        if (!isRunAllowed()) {
            return;
        }
        try {
            pollOnce();
        } catch (RuntimeException | Error e) {
            LOG.error("recent search poll failed unexpectedly; backing off", e);
            status.error(String.valueOf(e));
            schedule(backoff.next(Backoff.Cause.HTTP), XStatus.State.BACKING_OFF, "unexpected: " + e);
        }
    }

    private void pollOnce() {
        if (round == null) {
            String sinceId = cursors.get(cursorName).orElse(null);
            Duration lookback = settings.recentSearch().initialLookback();
            round = new Round(sinceId, sinceId == null && lookback != null
                    ? Instant.now().minus(lookback).truncatedTo(ChronoUnit.SECONDS) : null);
        }
        while (true) {
            status.polled(Instant.now());
            HttpAnswer answer;
            try {
                answer = http.get(XApiPaths.RECENT_SEARCH, query(round));
            } catch (Exception e) {
                failed(Backoff.Cause.NETWORK, "network: " + e.getMessage());
                return;
            }
            lastLimit = RateLimitHeaders.of(answer);
            status.rateLimit(lastLimit);
            if (answer.status() == 429) {
                rateLimited(lastLimit, XProblem.describe(answer));
                return;
            }
            if (!answer.ok()) {
                String problem = XProblem.describe(answer);
                if (answer.status() < 500) {
                    LOG.error("X refused the recent search ({}); check x.recent-search.query and the bearer token",
                            problem);
                }
                failed(Backoff.Cause.HTTP, problem);
                return;
            }
            Map<String, Object> page;
            try {
                page = SinglePostDocuments.JSON.readValue(answer.body(), MAP);
            } catch (Exception e) {
                failed(Backoff.Cause.HTTP, "unreadable search answer: " + e.getMessage());
                return;
            }
            for (Map<String, Object> document : SinglePostDocuments.split(page, Set.of())) {
                String id = SinglePostDocuments.id(document);
                if (id == null) {
                    round.withoutId.add(document);
                } else {
                    round.documents.putIfAbsent(id, document);
                }
            }
            round.nextToken = page.get("meta") instanceof Map<?, ?> meta && meta.get("next_token") != null
                    ? meta.get("next_token").toString() : null;
            if (round.nextToken == null) {
                break;
            }
            Instant notBefore = lastLimit.notBefore();
            if (notBefore != null && notBefore.isAfter(Instant.now())) {
                schedule(Duration.between(Instant.now(), notBefore), XStatus.State.BACKING_OFF,
                        "rate limit used up (x-rate-limit-remaining 0): the next page waits for x-rate-limit-reset");
                return;
            }
        }
        Round complete = round;
        round = null;
        if (!deliver(complete)) {
            failed(Backoff.Cause.HTTP, "the sink refused a post; its cursor stays before it");
            return;
        }
        backoff.reset();
        Duration wait = settings.recentSearch().pollInterval();
        Instant notBefore = lastLimit.notBefore();
        if (notBefore != null && Duration.between(Instant.now(), notBefore).compareTo(wait) > 0) {
            schedule(Duration.between(Instant.now(), notBefore), XStatus.State.BACKING_OFF,
                    "rate limit used up (x-rate-limit-remaining 0): waiting for x-rate-limit-reset");
        } else {
            schedule(wait, XStatus.State.IDLE, null);
        }
    }

    /** Oldest first; the cursor follows each accepted post. False once the route refuses one. */
    private boolean deliver(Round complete) {
        for (Map<String, Object> document : complete.withoutId) {
            delivery.deadLetter(json(document), "an X post without an id: it cannot be keyed or ordered", null);
        }
        List<String> ids = new ArrayList<>(complete.documents.keySet());
        ids.sort(SinglePostDocuments.BY_ID);
        for (String id : ids) {
            if (!isRunAllowed()) {
                return true;  // stopping: the cursor stays on the last delivered post
            }
            if (SinglePostDocuments.number(id) == null) {
                delivery.deadLetter(json(complete.documents.get(id)), "an X post whose id is not a number: " + id,
                        "x:" + id);
                continue;
            }
            if (!delivery.deliver(json(complete.documents.get(id)), "x:" + id, XHeaders.FORMAT_X_V2_POST)) {
                return false;
            }
            cursors.put(cursorName, id);
        }
        return true;
    }

    private Map<String, String> query(Round current) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("query", settings.recentSearch().query());
        query.put("max_results", String.valueOf(settings.recentSearch().maxResults()));
        query.putAll(XApiPaths.fields());
        if (current.sinceId != null) {
            query.put("since_id", current.sinceId);
        } else if (current.startTime != null) {
            query.put("start_time", current.startTime.toString());
        }
        if (current.nextToken != null) {
            query.put("next_token", current.nextToken);
        }
        return query;
    }

    private void rateLimited(RateLimitHeaders limit, String problem) {
        Instant now = Instant.now();
        if (limit.reset() != null && limit.reset().isAfter(now)) {
            schedule(Duration.between(now, limit.reset()), XStatus.State.BACKING_OFF,
                    "429 from X (" + problem + "): waiting for x-rate-limit-reset");
        } else {
            schedule(backoff.next(Backoff.Cause.RATE_LIMIT), XStatus.State.BACKING_OFF,
                    "429 from X (" + problem + ") without a usable reset: backing off");
        }
    }

    private void failed(Backoff.Cause cause, String reason) {
        LOG.warn("recent search: {}; backing off", reason);
        status.error(reason);
        schedule(backoff.next(cause), XStatus.State.BACKING_OFF, reason);
    }

    private void schedule(Duration delay, XStatus.State state, String reason) {
        status.state(state, Instant.now().plus(delay), reason);
        if (isRunAllowed() || isStarting()) {
            try {
                executor.schedule(this::poll, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    private static String json(Object document) {
        try {
            return SinglePostDocuments.JSON.writeValueAsString(document);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a post back as JSON", e);
        }
    }
}
