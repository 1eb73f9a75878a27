package io.rapport.connector.x.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads newline-delimited JSON off the filtered stream one line at a time, with a bound: a line longer than
 * {@code maxBytes} is skipped to its end and reported, not read into memory, and a line that is not UTF-8 is reported
 * with its bytes instead of being decoded with replacement characters. {@code \r\n} and {@code \n} both end a line; an
 * empty line is X's heartbeat.
 */
final class NdjsonLines {

    /** One line: its text, or the problem with it and the bytes kept for the dead-letter endpoint. */
    record Line(String text, String problem, byte[] raw) {
        boolean heartbeat() {
            return text != null && text.isEmpty();
        }
    }

    private final InputStream in;
    private final int maxBytes;

    NdjsonLines(InputStream in, int maxBytes) {
        this.in = new BufferedInputStream(in, 8192);
        this.maxBytes = maxBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long length = 0;
        int b;
        int last = -1;
        while ((b = in.read()) != -1 && b != '\n') {
            length++;
            last = b;
            if (length <= maxBytes) {
                line.write(b);
            }
        }
        if (last == '\r') {
            length--;
        }
        if (b == -1 && length == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        if (last == '\r' && bytes.length > length) {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
        }
        if (length > maxBytes) {
            return new Line(null, "a stream line of " + length + " bytes, more than the " + maxBytes
                    + " allowed; its first " + maxBytes + " bytes are kept", bytes);
        }
        if (b == -1) {
            return new Line(null, "the stream ended in the middle of a line", bytes);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Line(text.strip().isEmpty() ? "" : text, null, bytes);
        } catch (CharacterCodingException e) {
            return new Line(null, "a stream line that is not valid UTF-8 (" + e + "); its bytes are kept", bytes);
        }
    }
}
