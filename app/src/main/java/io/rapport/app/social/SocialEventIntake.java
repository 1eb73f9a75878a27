package io.rapport.app.social;

import io.rapport.core.customer.SourceName;
import io.rapport.core.social.SocialEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

/**
 * {@code POST /api/v1/social/events}: one post from any network. It is checked here (size, UTF-8, shape, fields), so
 * the sender learns at once what is wrong with it, then queued durably on {@code inbound.social} for enrichment.
 */
public class SocialEventIntake {

    /** What the caller gets back: the id to read the enriched event with, and the post's key. */
    public record Accepted(String id, String key) {
    }

    /** The body is larger than the configured limit. */
    public static class PayloadTooLargeException extends RuntimeException {
        public PayloadTooLargeException(String message) {
            super(message);
        }
    }

    private final SocialPayloadReader reader;
    private final SocialInboundGateway gateway;
    private final int maxPayloadBytes;
    private final Clock clock;

    public SocialEventIntake(SocialPayloadReader reader, SocialInboundGateway gateway, int maxPayloadBytes,
                             Clock clock) {
        this.reader = reader;
        this.gateway = gateway;
        this.maxPayloadBytes = maxPayloadBytes;
        this.clock = clock;
    }

    public Accepted accept(SourceName source, InputStream body) throws IOException {
        long receivedAt = clock.millis();
        String payload = utf8(readAtMost(body));
        SocialEvent event = reader.read(source.value(), payload, null);
        String id = SocialEventIds.idOf(event.key());
        gateway.send(id, source.value(), payload, receivedAt, UUID.randomUUID().toString());
        return new Accepted(id, event.key());
    }

    private byte[] readAtMost(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(maxPayloadBytes + 1);
        if (bytes.length > maxPayloadBytes) {
            throw new PayloadTooLargeException("the post is larger than " + maxPayloadBytes + " bytes: send one post"
                    + " per request (rapport.social.max-payload-bytes sets the limit)");
        }
        if (bytes.length == 0) {
            throw new SocialPayloadReader.InvalidPayloadException("the body is empty: send one post as JSON");
        }
        return bytes;
    }

    /** Strict: a replacement character would silently change what the customer wrote. */
    static String utf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new SocialPayloadReader.InvalidPayloadException("the body is not valid UTF-8: "
                    + result.length() + " malformed byte(s) at byte offset " + in.position()
                    + " (the API takes UTF-8 JSON)");
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new SocialPayloadReader.InvalidPayloadException("the body is not valid UTF-8: it ends inside a"
                    + " character");
        }
        out.flip();
        return out.toString();
    }
}
