package io.rapport.connector.x;

import io.rapport.connector.x.internal.XSearchConsumer;
import io.rapport.connector.x.internal.XStreamConsumer;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** {@code xv2:search} or {@code xv2:stream}: a source only (replies go through {@link XReplyClient}). */
public final class XApiEndpoint extends DefaultEndpoint {

    /** The two X API v2 sources, with the route id and cursor name each runs under. */
    public enum Kind {
        SEARCH("x-recent-search", "v2.recent-search"),
        STREAM("x-filtered-stream", null);

        private final String routeId;
        private final String cursor;

        Kind(String routeId, String cursor) {
            this.routeId = routeId;
            this.cursor = cursor;
        }

        public String routeId() {
            return routeId;
        }

        /** The name of its cursor under the source's name, e.g. {@code x.v2.recent-search}; null for the stream. */
        public String cursorName(String source) {
            return cursor == null ? null : source + "." + cursor;
        }
    }

    private final Kind kind;

    XApiEndpoint(String uri, XApiComponent component, Kind kind) {
        super(uri, component);
        this.kind = kind;
    }

    @Override
    public XApiComponent getComponent() {
        return (XApiComponent) super.getComponent();
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(getEndpointUri() + " is a source; replies go through XReplyClient");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        XApiComponent component = getComponent();
        XSourceSettings settings = component.settings();
        Consumer consumer = switch (kind) {
            case SEARCH -> new XSearchConsumer(this, processor, settings, component.cursors(),
                    kind.cursorName(settings.source()), component.status(kind));
            case STREAM -> new XStreamConsumer(this, processor, settings, component.status(kind));
        };
        configureConsumer(consumer);
        return consumer;
    }
}
