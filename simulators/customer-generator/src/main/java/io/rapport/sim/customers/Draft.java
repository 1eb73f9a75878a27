package io.rapport.sim.customers;

import java.time.LocalDate;

/**
 * One record on its way to a CSV line: text values per column, plus the birth date and telephone kept structured
 * (value and written form) until the end, so that corruptions can swap a day and month or change a format.
 */
final class Draft {

    final Person person;
    private final String[] values = new String[Column.COUNT];
    LocalDate birth;
    DateStyle dateStyle = DateStyle.ISO;
    /** Text written instead of the birth date (an invalid value). */
    String birthOverride;
    Phone phone;
    PhoneStyle phoneStyle = PhoneStyle.NATIONAL;
    /** Text written instead of the telephone number (an invalid value). */
    String phoneOverride;

    Draft(Person person) {
        this.person = person;
    }

    boolean has(Column c) {
        return switch (c) {
            case BIRTH_DATE -> birth != null || birthOverride != null;
            case PHONE -> phone != null || phoneOverride != null;
            default -> values[c.ordinal()] != null;
        };
    }

    String get(Column c) {
        return values[c.ordinal()];
    }

    void set(Column c, String value) {
        values[c.ordinal()] = value == null || value.isEmpty() ? null : value;
    }

    void clear(Column c) {
        if (c == Column.BIRTH_DATE) {
            birth = null;
            birthOverride = null;
        } else if (c == Column.PHONE) {
            phone = null;
            phoneOverride = null;
        }
        values[c.ordinal()] = null;
    }

    /** Writes the final values of {@code columns} into {@code row}; blanks become "". */
    void fill(String[] row, Column[] columns, String sourceId, boolean lowerCase) {
        for (int i = 0; i < columns.length; i++) {
            Column c = columns[i];
            String value;
            switch (c) {
                case SOURCE_ID -> {
                    row[i] = sourceId;
                    continue;
                }
                case BIRTH_DATE -> value = birthOverride != null ? birthOverride
                        : birth != null ? dateStyle.format(birth) : null;
                case PHONE -> value = phoneOverride != null ? phoneOverride
                        : phone != null ? phone.format(phoneStyle) : null;
                default -> value = values[c.ordinal()];
            }
            if (value == null) {
                row[i] = "";
            } else {
                row[i] = lowerCase ? Text.lower(value) : value;
            }
        }
    }
}
