package io.rapport.connector.x.internal;

import io.rapport.connector.x.SocialCursorStore;
import io.rapport.connector.x.SocialEventJson;
import io.rapport.connector.x.XHeaders;
import io.rapport.connector.x.XSourceSettings;
import io.rapport.core.social.SocialEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.twitter.AbstractTwitterEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.v1.DirectMessage;
import twitter4j.v1.Status;
import twitter4j.v1.User;

/**
 * The Camel Twitter component's v1.1 consumers as routes into the sink: {@code twitter-search},
 * {@code twitter-timeline://mentions} and {@code twitter-directmessage}, each status or DM mapped to a canonical
 * {@link SocialEvent} ({@link TwitterEvents}) and sent as JSON.
 *
 * <p>Each consumer starts from its persisted cursor ({@code sinceId} on the endpoint, which the mentions and DM
 * consumers send) and runs under a {@link V1PollCursor} that filters what is not new and moves the cursor once the
 * sink took a poll's posts. The sink is retried with back-off until it accepts (the consumers cannot re-read what they
 * already moved past, and stopping the context ends the retries with the cursor before the post). A status that
 * cannot be mapped goes to the dead-letter endpoint. A failed poll (429, 5xx) makes the consumer skip
 * {@code errorBackoffPolls} polls.
 */
public final class TwitterRoutes extends RouteBuilder {

    public static final String SEARCH = "x-twitter-search";
    public static final String MENTIONS = "x-twitter-mentions";
    public static final String DIRECT_MESSAGES = "x-twitter-direct-messages";

    private static final Logger LOG = LoggerFactory.getLogger(TwitterRoutes.class);
    private static final String ADMITTED = "rapportAdmittedId";

    private final XSourceSettings settings;
    private final SocialCursorStore cursors;
    private final String sinkUri;
    private final Map<String, StatusTracker> status;
    private final Map<Long, User> senders = new ConcurrentHashMap<>();

    public TwitterRoutes(XSourceSettings settings, SocialCursorStore cursors, String sinkUri,
                         Map<String, StatusTracker> status) {
        this.settings = settings;
        this.cursors = cursors;
        this.sinkUri = sinkUri;
        this.status = status;
    }

    public static Map<String, String> cursorNames(String source) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(SEARCH, source + ".v1.search");
        names.put(MENTIONS, source + ".v1.mentions");
        names.put(DIRECT_MESSAGES, source + ".v1.direct-messages");
        return names;
    }

    @Override
    public void configure() throws Exception {
        XSourceSettings.Twitter twitter = settings.twitter();
        if (twitter.restBaseUrl() != null && !twitter.restBaseUrl().isBlank()) {
            // Twitter4J 4.1 reads its base URL from this system property only (camel-twitter has no option for it)
            System.setProperty("twitter4j.restBaseURL", twitter.restBaseUrl());
        }
        errorHandler(defaultErrorHandler()
                .maximumRedeliveries(-1).redeliveryDelay(settings.backoff().networkStep().toMillis())
                .useExponentialBackOff().backOffMultiplier(2)
                .maximumRedeliveryDelay(settings.backoff().httpMax().toMillis())
                .retryAttemptedLogLevel(LoggingLevel.WARN));
        Map<String, String> names = cursorNames(settings.source());
        if (twitter.searchEnabled()) {
            String keywords = URLEncoder.encode(twitter.searchQuery(), StandardCharsets.UTF_8).replace("+", "%20");
            route(SEARCH, "twitter-search://" + keywords + "?count=100&numberOfPages=" + twitter.searchPages(),
                    names.get(SEARCH), Status.class, Status::getId, status -> TwitterEvents.fromStatus(status),
                    id -> String.valueOf(id), "public");
        }
        if (twitter.mentionsEnabled()) {
            route(MENTIONS, "twitter-timeline://mentions?count=200", names.get(MENTIONS), Status.class,
                    Status::getId, status -> TwitterEvents.fromStatus(status), id -> String.valueOf(id), "public");
        }
        if (twitter.directMessagesEnabled()) {
            route(DIRECT_MESSAGES, "twitter-directmessage://inbox?count=50", names.get(DIRECT_MESSAGES),
                    DirectMessage.class, DirectMessage::getId, this::directMessage,
                    TwitterEvents::directMessageId, "private");
        }
    }

    private <T> void route(String routeId, String uri, String cursorName, Class<T> type, Function<T, Long> idOf,
                           Function<T, SocialEvent> mapping, Function<Long, String> postId, String visibility)
            throws Exception {
        XSourceSettings.Twitter twitter = settings.twitter();
        V1PollCursor cursor = new V1PollCursor(cursors, cursorName, status.get(routeId));
        AbstractTwitterEndpoint endpoint = getContext().getEndpoint(uri + "&" + credentials(twitter)
                + "&sinceId=" + cursor.stored() + "&delay=" + twitter.pollInterval().toMillis()
                + "&backoffErrorThreshold=1&backoffMultiplier=" + twitter.errorBackoffPolls(),
                AbstractTwitterEndpoint.class);
        endpoint.setPollStrategy(cursor);
        from(endpoint).routeId(routeId)
                .process(exchange -> {
                    T item = exchange.getIn().getBody(type);
                    long id = idOf.apply(item);
                    if (!cursor.admit(id)) {
                        exchange.setRouteStop(true);
                        return;
                    }
                    exchange.setProperty(ADMITTED, id);
                    String key = "x:" + postId.apply(id);
                    exchange.getIn().setHeader(XHeaders.SOURCE, settings.source());
                    exchange.getIn().setHeader(XHeaders.MESSAGE_KEY, key);
                    exchange.getIn().setHeader(XHeaders.VISIBILITY, visibility);
                    try {
                        exchange.getIn().setBody(SocialEventJson.write(mapping.apply(item)));
                        exchange.getIn().setHeader(XHeaders.PAYLOAD_FORMAT, XHeaders.FORMAT_SOCIAL_EVENT);
                    } catch (RuntimeException e) {
                        deadLetter(exchange, item, key, e);
                        cursor.delivered(id);
                        exchange.setRouteStop(true);
                    }
                })
                .to(sinkUri)
                .process(exchange -> cursor.delivered(exchange.getProperty(ADMITTED, Long.class)));
    }

    private SocialEvent directMessage(DirectMessage message) {
        return TwitterEvents.fromDirectMessage(message, sender(message.getSenderId()));
    }

    /** The DM's sender from users/show (cached), for the handle v1.1 DM events lack; null when it fails. */
    private User sender(long id) {
        User known = senders.get(id);
        if (known != null) {
            return known;
        }
        try {
            AbstractTwitterEndpoint endpoint = (AbstractTwitterEndpoint) getContext().getRoute(DIRECT_MESSAGES)
                    .getEndpoint();
            User user = endpoint.getProperties().getTwitter().v1().users().showUser(id);
            senders.put(id, user);
            return user;
        } catch (Exception e) {
            LOG.warn("could not look up the sender {} of a direct message ({}); its handle stays unknown", id,
                    e.getMessage());
            return null;
        }
    }

    private void deadLetter(Exchange exchange, Object item, String key, RuntimeException cause) {
        String reason = "cannot map " + item.getClass().getSimpleName() + " " + key + " to a social event: " + cause;
        LOG.warn("{}", reason);
        try (var template = getContext().createProducerTemplate()) {
            template.send(settings.deadLetterUri(), dead -> {
                dead.getIn().setBody(String.valueOf(item));
                dead.getIn().setHeaders(exchange.getIn().getHeaders());
                dead.getIn().setHeader(XHeaders.DEAD_LETTER_REASON, reason);
            });
        } catch (Exception e) {
            LOG.error("the dead-letter endpoint refused it too; it was: {}", item, e);
        }
    }

    private static String credentials(XSourceSettings.Twitter twitter) {
        return "consumerKey=RAW(" + twitter.consumerKey() + ")&consumerSecret=RAW(" + twitter.consumerSecret()
                + ")&accessToken=RAW(" + twitter.accessToken() + ")&accessTokenSecret=RAW("
                + twitter.accessTokenSecret() + ")";
    }
}
