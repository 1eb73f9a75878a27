package io.rapport.sim.customers;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** What the generated population and files look like. */
public enum Profile {

    /**
     * People in Norway, Sweden, Germany, the United Kingdom, the United States and France, with each country's
     * telephone, postcode and national identifier formats, e-mail addresses, organizations and social handles, and
     * the country written in several forms ("NO", "Norway", "Norge"). Every contract column is present.
     */
    GENERIC(EnumSet.allOf(Column.class)),

    /**
     * Mimics the FEBRL data set generator: Australian addresses and states, four-digit postcodes, birth dates as
     * YYYYMMDD, seven-digit soc_sec_id as national_id, telephone often absent, no e-mail, every value lower case,
     * the second address line sometimes a building or complex name.
     */
    FEBRL(EnumSet.of(Column.SOURCE_ID, Column.GIVEN_NAME, Column.FAMILY_NAME, Column.PHONE, Column.STREET_NUMBER,
            Column.STREET, Column.ADDRESS_LINE2, Column.LOCALITY, Column.REGION, Column.POSTCODE, Column.BIRTH_DATE,
            Column.NATIONAL_ID));

    private final Set<Column> columns;

    Profile(Set<Column> columns) {
        this.columns = columns;
    }

    boolean has(Column column) {
        return columns.contains(column);
    }

    Column[] columnArray() {
        return columns.toArray(new Column[0]);
    }

    /** The CSV header of this profile's files, in the import contract's column order. */
    public List<String> columns() {
        return columns.stream().map(c -> c.header).toList();
    }

    /** "generic" or "febrl", case-insensitively. */
    public static Profile parse(String name) {
        for (Profile p : values()) {
            if (p.name().equalsIgnoreCase(name.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "'; use generic or febrl");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
