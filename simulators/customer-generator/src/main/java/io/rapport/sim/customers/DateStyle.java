package io.rapport.sim.customers;

import java.time.LocalDate;

/** Written forms of a birth date. */
enum DateStyle {
    /** 1985-03-12 */
    ISO,
    /** 12/03/1985 */
    DMY_SLASH,
    /** 19850312, as FEBRL writes dates */
    COMPACT,
    /** 12.03.1985, as Norwegian and German systems often write dates */
    DMY_DOT,
    /** 12 March 1985 */
    LONG;

    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December"};

    String format(LocalDate date) {
        return format(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** Formats any year, month and day, also impossible ones (February 30th), for invalid values. */
    String format(int year, int month, int day) {
        StringBuilder b = new StringBuilder(16);
        switch (this) {
            case ISO -> {
                Text.appendPadded(b, year, 4);
                b.append('-');
                Text.appendPadded(b, month, 2);
                b.append('-');
                Text.appendPadded(b, day, 2);
            }
            case DMY_SLASH, DMY_DOT -> {
                char sep = this == DMY_SLASH ? '/' : '.';
                Text.appendPadded(b, day, 2);
                b.append(sep);
                Text.appendPadded(b, month, 2);
                b.append(sep);
                Text.appendPadded(b, year, 4);
            }
            case COMPACT -> {
                Text.appendPadded(b, year, 4);
                Text.appendPadded(b, month, 2);
                Text.appendPadded(b, day, 2);
            }
            case LONG -> {
                b.append(day).append(' ');
                b.append(month >= 1 && month <= 12 ? MONTHS[month - 1] : "Month" + month);
                b.append(' ').append(year);
            }
            default -> throw new IllegalStateException(name());
        }
        return b.toString();
    }
}
