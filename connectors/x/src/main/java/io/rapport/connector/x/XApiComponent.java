package io.rapport.connector.x;

import io.rapport.connector.x.internal.StatusTracker;
import java.util.Map;
import java.util.Objects;
import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The X API v2 sources as a Camel component ({@value #SCHEME}): {@code xv2:search} polls recent search and
 * {@code xv2:stream} reads the filtered stream, each consumer emitting one single-post X v2 document per exchange
 * and making its HTTP calls through camel-http endpoints. Configured as a whole by {@link XSourceSettings}; the
 * endpoints take no options. {@link XRoutes} registers it and builds the routes.
 */
public final class XApiComponent extends DefaultComponent {

    public static final String SCHEME = "xv2";

    private final XSourceSettings settings;
    private final SocialCursorStore cursors;
    private final Map<XApiEndpoint.Kind, StatusTracker> status;

    XApiComponent(XSourceSettings settings, SocialCursorStore cursors, Map<XApiEndpoint.Kind, StatusTracker> status) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.status = status;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        XApiEndpoint.Kind kind = switch (remaining) {
            case "search" -> XApiEndpoint.Kind.SEARCH;
            case "stream" -> XApiEndpoint.Kind.STREAM;
            default -> throw new IllegalArgumentException("xv2 has the endpoints xv2:search and xv2:stream, not "
                    + uri);
        };
        return new XApiEndpoint(uri, this, kind);
    }

    XSourceSettings settings() {
        return settings;
    }

    SocialCursorStore cursors() {
        return cursors;
    }

    StatusTracker status(XApiEndpoint.Kind kind) {
        return status.computeIfAbsent(kind, k -> new StatusTracker(k.routeId()));
    }
}
