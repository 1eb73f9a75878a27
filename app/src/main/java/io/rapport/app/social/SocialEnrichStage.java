package io.rapport.app.social;

import io.rapport.app.broker.MessageHeaders;
import io.rapport.app.camel.jmsbatch.JmsBatchMessage;
import io.rapport.app.pipeline.UnprocessableMessageException;
import io.rapport.core.social.DuplicatePosts;
import io.rapport.core.social.SocialEvent;
import io.rapport.core.social.SocialEventEnricher;
import io.rapport.core.social.SocialEventEnricher.Enrichment;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code social-enrich} stage: a batch of raw posts from {@code inbound.social} is normalized, enriched, linked to
 * customers, collapsed with the posts it repeats, stored, and run through the rules, in one database transaction; the
 * actions the rules decide on are then handed to {@code social.action}. Idempotent Receiver: a post already stored
 * is not stored again, only its undispatched actions are handed on again. Referenced by name ({@value #BEAN_NAME})
 * from routes/social-listening.yaml.
 */
public class SocialEnrichStage implements Processor {

    public static final String BEAN_NAME = "enrichSocialBatch";
    public static final String STAGE = "social-enrich";

    private record Incoming(String id, String source, SocialEvent event, Instant receivedAt, String raw) {
    }

    private final SocialPayloadReader reader;
    private final SocialEventEnricher enricher;
    private final SocialIdentityLinker linker;
    private final SocialEventStore store;
    private final SocialActionPlanner planner;
    private final SocialActionDispatcher dispatcher;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public SocialEnrichStage(SocialPayloadReader reader, SocialEventEnricher enricher, SocialIdentityLinker linker,
                             SocialEventStore store, SocialActionPlanner planner, SocialActionDispatcher dispatcher,
                             TransactionTemplate transactions, Clock clock) {
        this.reader = reader;
        this.enricher = enricher;
        this.linker = linker;
        this.store = store;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        List<JmsBatchMessage> messages = exchange.getMessage().getMandatoryBody(List.class);
        Map<String, Incoming> batch = read(messages);
        Map<String, List<String>> toDispatch = transactions.execute(status -> apply(batch));
        dispatcher.dispatch(toDispatch);
    }

    /** Parsing and normalizing is CPU work with no shared state: it runs on every core, outside the transaction. */
    private Map<String, Incoming> read(List<JmsBatchMessage> messages) {
        Instant now = clock.instant();
        List<Incoming> parsed = messages.parallelStream().map(message -> parse(message, now)).toList();
        Map<String, Incoming> batch = new LinkedHashMap<>();
        // the same post twice in one batch is one post
        parsed.forEach(in -> batch.putIfAbsent(in.id(), in));
        return batch;
    }

    private Incoming parse(JmsBatchMessage message, Instant now) {
        String source = message.property(MessageHeaders.SOURCE);
        SocialEvent event;
        try {
            event = reader.read(source == null ? "unknown" : source, message.body(), null);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableMessageException("not a readable social post: " + e.getMessage());
        }
        String id = SocialEventIds.idOf(event.key());
        Object receivedAt = message.properties().get(SocialInboundGateway.RECEIVED_AT);
        Instant arrived = receivedAt instanceof Number millis ? Instant.ofEpochMilli(millis.longValue()) : now;
        return new Incoming(id, source == null ? event.platform() : source, withRawPayloadId(event, id), arrived,
                message.body());
    }

    private Map<String, List<String>> apply(Map<String, Incoming> batch) {
        Instant now = clock.instant();
        Set<String> stored = store.stored(batch.keySet());
        Map<String, List<String>> toDispatch = new LinkedHashMap<>(store.plannedActions(stored));
        List<Incoming> fresh = batch.values().stream().filter(in -> !stored.contains(in.id())).toList();
        if (fresh.isEmpty()) {
            return toDispatch;
        }
        Map<String, AuthorLink> authors = linker.link(fresh.stream().map(Incoming::event).toList(), now);
        Map<String, Set<String>> participants = store.participants(
                fresh.stream().map(in -> in.event().conversationId()).toList());
        Map<String, String> owners = collapseOwners(fresh);
        Map<String, String> newKeys = new LinkedHashMap<>();
        int[] threadSizes = new int[fresh.size()];
        String[] collapsedInto = new String[fresh.size()];
        for (int i = 0; i < fresh.size(); i++) {
            Incoming in = fresh.get(i);
            SocialEvent event = in.event();
            Set<String> thread = participants.computeIfAbsent(event.conversationId(), c -> new HashSet<>());
            thread.add(SocialIdentityLinker.authorKey(event));
            threadSizes[i] = thread.size();
            for (String key : DuplicatePosts.collapseKeys(event)) {
                String owner = owners.get(key);
                if (owner == null) {
                    owners.put(key, in.id());
                    newKeys.put(key, in.id());
                } else if (collapsedInto[i] == null && !owner.equals(in.id())) {
                    collapsedInto[i] = owner;
                }
            }
        }
        // enrichment is the stage's CPU work: every core takes a share while the transaction waits
        List<Enrichment> enrichments = IntStream.range(0, fresh.size()).parallel()
                .mapToObj(i -> enricher.enrich(fresh.get(i).event(), threadSizes[i])).toList();
        List<EnrichedPost> posts = new ArrayList<>(fresh.size());
        List<PlannedAction> actions = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            Incoming in = fresh.get(i);
            EnrichedPost post = new EnrichedPost(in.id(), in.source(), in.event(), enrichments.get(i),
                    authors.get(SocialIdentityLinker.authorKey(in.event())), collapsedInto[i], in.receivedAt(),
                    in.raw());
            posts.add(post);
            if (!post.collapsed()) {
                actions.addAll(planner.plan(post));
            }
        }
        store.save(posts, newKeys, actions, now);
        actions.forEach(action -> toDispatch.computeIfAbsent(action.eventId(), e -> new ArrayList<>())
                .add(action.actionId()));
        return toDispatch;
    }

    private Map<String, String> collapseOwners(List<Incoming> fresh) {
        List<String> keys = new ArrayList<>();
        fresh.forEach(in -> keys.addAll(DuplicatePosts.collapseKeys(in.event())));
        return new HashMap<>(store.collapseOwners(keys));
    }

    private static SocialEvent withRawPayloadId(SocialEvent e, String id) {
        return new SocialEvent(e.platform(), e.postId(), e.author(), e.text(), e.language(), e.createdAt(),
                e.conversationId(), e.references(), e.mentions(), e.hashtags(), e.engagement(), e.url(), id);
    }
}
