package io.rapport.core.ingest;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into physical lines and decodes each one as strict UTF-8. Decoding per line (not per
 * file) is what lets one badly encoded row be rejected while the rows around it are still read, and the byte
 * limit per line is what keeps a file without newlines from being buffered whole.
 */
final class PhysicalLines {

    /** One physical line: its 1-based number, and either its text or the reason it could not be read. */
    record Line(long number, String text, String problem) {
        boolean readable() {
            return problem == null;
        }
    }

    private static final int BOM_0 = 0xEF;
    private static final int BOM_1 = 0xBB;
    private static final int BOM_2 = 0xBF;

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private long lineNumber;
    private boolean atEnd;

    PhysicalLines(InputStream in, int maxLineBytes) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        if (atEnd) {
            return null;
        }
        buffer.reset();
        boolean tooLong = false;
        long length = 0;
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            length++;
            if (length > maxLineBytes) {
                tooLong = true;
            } else {
                buffer.write(b);
            }
        }
        if (b == -1) {
            atEnd = true;
            if (length == 0) {
                return null;
            }
        }
        lineNumber++;
        if (tooLong) {
            return new Line(lineNumber, null, "line is " + length + " bytes long; the limit is " + maxLineBytes);
        }
        return decode(buffer.toByteArray());
    }

    private Line decode(byte[] bytes) {
        int start = 0;
        int end = bytes.length;
        if (lineNumber == 1 && end >= 3 && (bytes[0] & 0xFF) == BOM_0 && (bytes[1] & 0xFF) == BOM_1
                && (bytes[2] & 0xFF) == BOM_2) {
            start = 3;
        }
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        ByteBuffer input = ByteBuffer.wrap(bytes, start, end - start);
        CharBuffer output = CharBuffer.allocate(end - start);
        decoder.reset();
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            return new Line(lineNumber, null, "not valid UTF-8 at byte " + (input.position() - start + 1)
                    + " of the line (the import expects UTF-8)");
        }
        decoder.flush(output);
        output.flip();
        return new Line(lineNumber, output.toString(), null);
    }
}
