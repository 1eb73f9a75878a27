package io.rapport.connector.x;

import io.rapport.connector.x.internal.StatusTracker;
import io.rapport.connector.x.internal.TwitterRoutes;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;

/**
 * The app's entry point to the X sources: the routes for whatever {@link XSourceSettings} enables, all delivering to
 * one sink, and their live status.
 *
 * <pre>{@code
 * XRoutes x = XRoutes.create(settings, cursorStore, "jms:queue:inbound.social");
 * for (RoutesBuilder routes : x.routeBuilders()) {
 *     camelContext.addRoutes(routes);
 * }
 * x.status();   // one XStatus per enabled source, for health and metrics
 * }</pre>
 *
 * <p>Routes (ids): {@code x-recent-search} ({@code xv2:search}) and {@code x-filtered-stream} ({@code xv2:stream})
 * send single-post X v2 documents ({@link XHeaders#FORMAT_X_V2_POST}) for the hub's {@code XPostNormalizer};
 * {@code x-twitter-search}, {@code x-twitter-mentions} and {@code x-twitter-direct-messages} (the Camel Twitter
 * component) send canonical events as JSON ({@link XHeaders#FORMAT_SOCIAL_EVENT}, {@link SocialEventJson}). Every
 * message carries {@link XHeaders#SOURCE} and {@link XHeaders#MESSAGE_KEY}. The builders can be added to a new
 * CamelContext again (a restart): cursors come from the store each time.
 */
public final class XRoutes {

    public static final String ROUTE_RECENT_SEARCH = XApiEndpoint.Kind.SEARCH.routeId();
    public static final String ROUTE_FILTERED_STREAM = XApiEndpoint.Kind.STREAM.routeId();
    public static final String ROUTE_TWITTER_SEARCH = TwitterRoutes.SEARCH;
    public static final String ROUTE_TWITTER_MENTIONS = TwitterRoutes.MENTIONS;
    public static final String ROUTE_TWITTER_DIRECT_MESSAGES = TwitterRoutes.DIRECT_MESSAGES;

    private final XSourceSettings settings;
    private final SocialCursorStore cursors;
    private final String sinkUri;
    private final Map<XApiEndpoint.Kind, StatusTracker> v2Status = new EnumMap<>(XApiEndpoint.Kind.class);
    private final Map<String, StatusTracker> v1Status = new LinkedHashMap<>();

    private XRoutes(XSourceSettings settings, SocialCursorStore cursors, String sinkUri) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cursors = Objects.requireNonNull(cursors, "cursorStore");
        if (sinkUri == null || sinkUri.isBlank()) {
            throw new IllegalArgumentException("the X sources need a sink endpoint URI");
        }
        this.sinkUri = sinkUri;
        if (settings.recentSearch().enabled()) {
            v2Status.put(XApiEndpoint.Kind.SEARCH, new StatusTracker(ROUTE_RECENT_SEARCH));
        }
        if (settings.filteredStream().enabled()) {
            v2Status.put(XApiEndpoint.Kind.STREAM, new StatusTracker(ROUTE_FILTERED_STREAM));
        }
        XSourceSettings.Twitter twitter = settings.twitter();
        if (twitter.searchEnabled()) {
            v1Status.put(ROUTE_TWITTER_SEARCH, new StatusTracker(ROUTE_TWITTER_SEARCH));
        }
        if (twitter.mentionsEnabled()) {
            v1Status.put(ROUTE_TWITTER_MENTIONS, new StatusTracker(ROUTE_TWITTER_MENTIONS));
        }
        if (twitter.directMessagesEnabled()) {
            v1Status.put(ROUTE_TWITTER_DIRECT_MESSAGES, new StatusTracker(ROUTE_TWITTER_DIRECT_MESSAGES));
        }
    }

    /**
     * @param sinkUri where every post goes, e.g. {@code jms:queue:inbound.social}; the cursor moves past a post only
     *                once this endpoint accepted it
     */
    public static XRoutes create(XSourceSettings settings, SocialCursorStore cursorStore, String sinkUri) {
        return new XRoutes(settings, cursorStore, sinkUri);
    }

    /** One builder per API generation that has something enabled; empty when nothing is. */
    public List<RoutesBuilder> routeBuilders() {
        List<RoutesBuilder> builders = new ArrayList<>();
        if (!v2Status.isEmpty()) {
            builders.add(new RouteBuilder() {
                @Override
                public void configure() {
                    if (getContext().hasComponent(XApiComponent.SCHEME) == null) {
                        getContext().addComponent(XApiComponent.SCHEME, new XApiComponent(settings, cursors,
                                v2Status));
                    }
                    errorHandler(noErrorHandler());  // the consumers retry: a refused post keeps its cursor
                    for (XApiEndpoint.Kind kind : v2Status.keySet()) {
                        from(XApiComponent.SCHEME + ":" + kind.name().toLowerCase(java.util.Locale.ROOT))
                                .routeId(kind.routeId())
                                .to(sinkUri);
                    }
                }
            });
        }
        if (!v1Status.isEmpty()) {
            builders.add(new TwitterRoutes(settings, cursors, sinkUri, v1Status));
        }
        return builders;
    }

    /** What each enabled source is doing now. */
    public List<XStatus> status() {
        List<XStatus> all = new ArrayList<>();
        v2Status.values().forEach(tracker -> all.add(tracker.snapshot()));
        v1Status.values().forEach(tracker -> all.add(tracker.snapshot()));
        return all;
    }

    /** The status of one route by its id, or null when that source is not enabled. */
    public XStatus status(String routeId) {
        return status().stream().filter(s -> s.name().equals(routeId)).findFirst().orElse(null);
    }

    /** The cursor names in the store, by route id: {@code <source>.v2.recent-search}, {@code <source>.v1.search}... */
    public Map<String, String> cursorNames() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(ROUTE_RECENT_SEARCH, XApiEndpoint.Kind.SEARCH.cursorName(settings.source()));
        names.putAll(TwitterRoutes.cursorNames(settings.source()));
        return names;
    }
}
