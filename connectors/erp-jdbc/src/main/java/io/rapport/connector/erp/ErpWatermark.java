package io.rapport.connector.erp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * How far a reader of the change table has got, allowing for transactions that commit out of order.
 *
 * <p>A change's sequence number is drawn when its row is inserted, but the row becomes visible only when its
 * transaction commits, so a change numbered 11 may become visible after 12 was read. A plain "highest number read"
 * would skip it forever. The watermark therefore keeps the highest number read and the ranges of numbers below it
 * that were missing (each with the time it was first seen missing); the feed looks for them again on every poll
 * until they appear or the gap timeout passes: a rolled-back transaction leaves a number that never appears.
 *
 * <p>Immutable. {@link #toString()} is the compact persistent form ({@code v1;1042;1030-1031@1717171717000,1035@...}),
 * read back by {@link #parse}.
 */
public final class ErpWatermark {

    /** A run of missing sequence numbers, {@code from..to} inclusive, missing since {@code firstSeen}. */
    public record Gap(long from, long to, Instant firstSeen) {
        public Gap {
            if (from > to || from < 1) {
                throw new IllegalArgumentException("not a gap: " + from + "-" + to);
            }
            Objects.requireNonNull(firstSeen, "firstSeen");
        }

        public long size() {
            return to - from + 1;
        }

        boolean contains(long seq) {
            return seq >= from && seq <= to;
        }
    }

    private static final String VERSION = "v1";
    private static final ErpWatermark INITIAL = new ErpWatermark(0, List.of());

    private final long highestSeq;
    private final List<Gap> gaps;

    private ErpWatermark(long highestSeq, List<Gap> gaps) {
        this.highestSeq = highestSeq;
        this.gaps = List.copyOf(gaps);
    }

    /** Before the first change: the next poll reads the change table from its start. */
    public static ErpWatermark initial() {
        return INITIAL;
    }

    /** After {@code seq}, with nothing missing below it. */
    public static ErpWatermark at(long seq) {
        if (seq < 0) {
            throw new IllegalArgumentException("sequence numbers start at 1: " + seq);
        }
        return seq == 0 ? INITIAL : new ErpWatermark(seq, List.of());
    }

    /** Reads the form {@link #toString()} writes; throws IllegalArgumentException for anything else. */
    public static ErpWatermark parse(String text) {
        String[] parts = Objects.requireNonNull(text, "text").strip().split(";", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("not an ERP change feed watermark: '" + text + "'");
        }
        try {
            long highest = Long.parseLong(parts[1]);
            List<Gap> gaps = new ArrayList<>();
            if (!parts[2].isEmpty()) {
                for (String gap : parts[2].split(",")) {
                    int at = gap.indexOf('@');
                    String range = gap.substring(0, at);
                    int dash = range.indexOf('-');
                    long from = Long.parseLong(dash < 0 ? range : range.substring(0, dash));
                    long to = dash < 0 ? from : Long.parseLong(range.substring(dash + 1));
                    gaps.add(new Gap(from, to, Instant.ofEpochMilli(Long.parseLong(gap.substring(at + 1)))));
                }
            }
            for (int i = 0; i < gaps.size(); i++) {
                Gap gap = gaps.get(i);
                if (gap.to() >= highest || i > 0 && gap.from() <= gaps.get(i - 1).to()) {
                    throw new IllegalArgumentException("gaps must be ascending, apart and below " + highest);
                }
            }
            return new ErpWatermark(highest, gaps);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an ERP change feed watermark: '" + text + "' (" + e.getMessage() + ")",
                    e);
        }
    }

    /** The highest sequence number read so far. */
    public long highestSeq() {
        return highestSeq;
    }

    /** The missing ranges below {@link #highestSeq()} still waited for, ascending. */
    public List<Gap> gaps() {
        return gaps;
    }

    /** How many sequence numbers are still waited for. */
    public long missingCount() {
        return gaps.stream().mapToLong(Gap::size).sum();
    }

    /**
     * The highest sequence number below which everything was read or given up: change rows up to here may be
     * purged. Never purge into a gap: the late row could be deleted before it was read.
     */
    public long purgeableUpTo() {
        return gaps.isEmpty() ? highestSeq : gaps.get(0).from() - 1;
    }

    /** After reading {@code seqs} (ascending, all above {@link #highestSeq()}): numbers skipped between become gaps. */
    ErpWatermark advance(List<Long> seqs, Instant now) {
        if (seqs.isEmpty()) {
            return this;
        }
        List<Gap> next = new ArrayList<>(gaps);
        long previous = highestSeq;
        for (long seq : seqs) {
            if (seq <= previous) {
                throw new IllegalArgumentException("sequence numbers must ascend above " + previous + ": " + seq);
            }
            if (seq > previous + 1) {
                next.add(new Gap(previous + 1, seq - 1, now));
            }
            previous = seq;
        }
        return new ErpWatermark(previous, next);
    }

    /** After late rows with these numbers were read: they are no longer missing. */
    ErpWatermark fill(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return this;
        }
        TreeSet<Long> found = new TreeSet<>(seqs);
        List<Gap> next = new ArrayList<>();
        for (Gap gap : gaps) {
            long from = gap.from();
            for (long seq : found.subSet(gap.from(), true, gap.to(), true)) {
                if (seq > from) {
                    next.add(new Gap(from, seq - 1, gap.firstSeen()));
                }
                from = seq + 1;
            }
            if (from <= gap.to()) {
                next.add(new Gap(from, gap.to(), gap.firstSeen()));
            }
        }
        return new ErpWatermark(highestSeq, next);
    }

    /** Gaps first seen more than {@code timeout} before {@code now} are given up; so are the oldest beyond {@code maxGaps}. */
    ErpWatermark expire(Instant now, Duration timeout, int maxGaps) {
        Instant deadline = now.minus(timeout);
        List<Gap> kept = new ArrayList<>();
        for (Gap gap : gaps) {
            if (!gap.firstSeen().isBefore(deadline)) {
                kept.add(gap);
            }
        }
        if (kept.size() > maxGaps) {
            kept = kept.subList(kept.size() - maxGaps, kept.size());
        }
        return kept.size() == gaps.size() ? this : new ErpWatermark(highestSeq, kept);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(VERSION).append(';').append(highestSeq).append(';');
        for (int i = 0; i < gaps.size(); i++) {
            Gap gap = gaps.get(i);
            if (i > 0) {
                s.append(',');
            }
            s.append(gap.from());
            if (gap.to() != gap.from()) {
                s.append('-').append(gap.to());
            }
            s.append('@').append(gap.firstSeen().toEpochMilli());
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErpWatermark other && highestSeq == other.highestSeq && gaps.equals(other.gaps);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(highestSeq) * 31 + gaps.hashCode();
    }
}
