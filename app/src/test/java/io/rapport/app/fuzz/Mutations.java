package io.rapport.app.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of bad input: mostly valid inputs with a few byte-level mutations (flipped bits, inserted, deleted,
 * repeated or swapped chunks, truncation, and tokens that trip parsers up: quotes, separators, line endings, brackets,
 * invalid UTF-8, byte-order marks, control and bidi characters, astral code points, a value over every size limit),
 * plus purely random bytes.
 */
public final class Mutations {

    /** Byte sequences that parsers of text, CSV and JSON get wrong. */
    public static final List<byte[]> TOKENS = List.of(
            ascii("\""), ascii("\"\""), ascii(","), ascii(";"), ascii("\n"), ascii("\r\n"), ascii("\r"), ascii("\t"),
            ascii("{"), ascii("}"), ascii("["), ascii("]"), ascii(":"), ascii("\\"), ascii("\\u0000"), ascii("\\uD800"),
            ascii("null"), ascii("true"), ascii("-1"), ascii("0"), ascii("1e309"), ascii("-0.0"),
            ascii("99999999999999999999999"), ascii("NaN"), ascii("\"\":\"\""), ascii("{\"a\":1,\"a\":2}"),
            new byte[] {0}, new byte[] {0x1b}, new byte[] {0x7f},
            new byte[] {(byte) 0xc0, (byte) 0x80},                       // overlong NUL
            new byte[] {(byte) 0xff}, new byte[] {(byte) 0xfe, (byte) 0xff},
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},          // a lone surrogate, UTF-8 encoded
            new byte[] {(byte) 0xe2, (byte) 0x82},                       // a character cut short
            new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},          // byte-order mark
            utf8("\u202e"), utf8("\u200d"), utf8("\u0301\u0301\u0301"), utf8("\uD83D\uDE00"), utf8("\u00a0"),
            utf8("\u2028"), utf8("\uFFFD"), utf8("Ǆ"), utf8("İ"), utf8("ß"),
            ascii("A".repeat(70_000)),                                   // over the line and field limits
            ascii("[".repeat(2_000)), ascii("{\"a\":".repeat(1_500)));  // nesting past parsers' depth limits

    private Mutations() {
    }

    /** A seed with 0 to {@code maxEdits} mutations; a fifth of the time, random bytes instead. */
    public static Arbitrary<byte[]> of(List<byte[]> seeds, int maxEdits) {
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.of(seeds), edit().list().ofMaxSize(maxEdits))
                .as((seed, edits) -> {
                    byte[] bytes = seed;
                    for (Edit edit : edits) {
                        bytes = edit.apply(bytes);
                    }
                    return bytes;
                });
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, mutated),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(512)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(256).map(Mutations::utf8)));
    }

    private static Arbitrary<Edit> edit() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 255),
                Arbitraries.integers().between(0, TOKENS.size() - 1)).as(Edit::new);
    }

    enum Kind { FLIP_BIT, SET_BYTE, INSERT_BYTE, INSERT_TOKEN, DELETE, REPEAT, SWAP, TRUNCATE }

    /** One mutation; positions are fractions of the input's length, so an edit applies to any input. */
    record Edit(Kind kind, double at, double span, int value, int token) {

        byte[] apply(byte[] in) {
            int n = in.length;
            int pos = (int) (at * n);
            int len = Math.max(1, (int) (span * Math.min(n, 64)));
            switch (kind) {
                case FLIP_BIT -> {
                    if (n == 0) {
                        return in;
                    }
                    byte[] out = in.clone();
                    out[Math.min(pos, n - 1)] ^= (byte) (1 << (value & 7));
                    return out;
                }
                case SET_BYTE -> {
                    if (n == 0) {
                        return new byte[] {(byte) value};
                    }
                    byte[] out = in.clone();
                    out[Math.min(pos, n - 1)] = (byte) value;
                    return out;
                }
                case INSERT_BYTE -> {
                    return splice(in, pos, 0, new byte[] {(byte) value});
                }
                case INSERT_TOKEN -> {
                    return splice(in, pos, 0, TOKENS.get(token));
                }
                case DELETE -> {
                    return splice(in, pos, Math.min(len, n - pos), new byte[0]);
                }
                case REPEAT -> {
                    int end = Math.min(n, pos + len);
                    byte[] chunk = Arrays.copyOfRange(in, pos, end);
                    ByteArrayOutputStream copies = new ByteArrayOutputStream();
                    for (int i = 0; i < 1 + value % 8; i++) {
                        copies.writeBytes(chunk);
                    }
                    return splice(in, end, 0, copies.toByteArray());
                }
                case SWAP -> {
                    int other = (int) (span * n);
                    int a = Math.min(pos, other);
                    int b = Math.max(pos, other);
                    int chunk = Math.min(value % 16 + 1, b - a);
                    if (chunk <= 0 || b + chunk > n) {
                        return in;
                    }
                    byte[] out = in.clone();
                    System.arraycopy(in, b, out, a, chunk);
                    System.arraycopy(in, a, out, b, chunk);
                    return out;
                }
                case TRUNCATE -> {
                    return Arrays.copyOf(in, pos);
                }
                default -> throw new IllegalStateException(kind.name());
            }
        }

        private static byte[] splice(byte[] in, int pos, int remove, byte[] insert) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + insert.length);
            out.write(in, 0, pos);
            out.writeBytes(insert);
            out.write(in, pos + remove, in.length - pos - remove);
            return out.toByteArray();
        }
    }

    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
