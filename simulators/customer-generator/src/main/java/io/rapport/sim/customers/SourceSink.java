package io.rapport.sim.customers;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One source's CSV file: hands out source ids and writes rows through a bounded shuffle window, so an entity's
 * records end up scattered instead of adjacent while memory stays constant.
 */
final class SourceSink {

    private static final long ID_SPACE = 1_000_000_000L;
    /** 3^18: coprime with 10^9, so counter * MULTIPLIER + offset (mod 10^9) never repeats within a source. */
    private static final long MULTIPLIER = 387_420_489L;

    final String name;
    private final Writer out;
    private final String prefix;
    private final long offset;
    private final String[] window;
    private final SplittableRandom shuffle;
    private int filled;
    private long counter;

    SourceSink(String name, Writer out, Profile profile, SplittableRandom random, int windowSize) {
        this.name = name;
        this.out = out;
        this.prefix = profile == Profile.FEBRL ? "rec-" : idPrefix(name);
        this.offset = random.nextLong(ID_SPACE);
        this.shuffle = random.split();
        this.window = new String[windowSize];
    }

    private static String idPrefix(String name) {
        StringBuilder b = new StringBuilder(4);
        for (int i = 0; i < name.length() && b.length() < 3; i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(c);
            }
        }
        return b.toString().toUpperCase(Locale.ROOT) + '-';
    }

    /** A new source id, unique within this source and unrelated to the entity or to the order of generation. */
    String nextId() {
        if (counter >= ID_SPACE) {
            throw new IllegalStateException("more than " + ID_SPACE + " records for source " + name);
        }
        long scrambled = (counter++ * MULTIPLIER + offset) % ID_SPACE;
        return prefix + Text.padded(scrambled, 9);
    }

    long written() {
        return counter;
    }

    void header(String line) throws IOException {
        out.write(line);
    }

    void write(String line) throws IOException {
        if (window.length == 0) {
            out.write(line);
            return;
        }
        if (filled < window.length) {
            window[filled++] = line;
            return;
        }
        int i = shuffle.nextInt(window.length);
        out.write(window[i]);
        window[i] = line;
    }

    void finish() throws IOException {
        while (filled > 0) {
            int i = shuffle.nextInt(filled);
            out.write(window[i]);
            window[i] = window[--filled];
            window[filled] = null;
        }
        out.flush();
    }
}
