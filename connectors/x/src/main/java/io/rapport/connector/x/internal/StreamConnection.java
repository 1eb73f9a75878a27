package io.rapport.connector.x.internal;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hc.core5.http.io.EofSensorInputStream;

/**
 * An open filtered-stream response: the body as camel-http handed it over (not cached), or the refusal X answered
 * instead. {@link #abort()} drops the connection at once: closing the body normally would read the endless chunked
 * stream to its end first.
 */
public final class StreamConnection {

    private final InputStream body;
    private final HttpAnswer answer;

    StreamConnection(InputStream body, HttpAnswer answer) {
        this.body = body;
        this.answer = answer;
    }

    /** The answer's status and headers; for a refusal also its body. */
    public HttpAnswer answer() {
        return answer;
    }

    /** The refusal, or null when the stream is open. */
    public HttpAnswer refusal() {
        return body == null ? answer : null;
    }

    public InputStream body() {
        return body;
    }

    public void abort() {
        if (body == null) {
            return;
        }
        try {
            if (body instanceof EofSensorInputStream sensor) {
                sensor.abort();
            } else {
                // an unexpected wrapper: close it where a slow close cannot hold anyone up
                Thread closer = new Thread(() -> {
                    try {
                        body.close();
                    } catch (IOException ignored) {
                        // the connection is gone either way
                    }
                }, "x-stream-close");
                closer.setDaemon(true);
                closer.start();
            }
        } catch (IOException ignored) {
            // aborting a connection that already failed
        }
    }
}
