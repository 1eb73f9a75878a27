package io.rapport.sim.customers;

/** The columns of the hub's customer CSV import contract, in the contract's order. */
enum Column {
    SOURCE_ID("source_id"),
    GIVEN_NAME("given_name"),
    FAMILY_NAME("family_name"),
    FULL_NAME("full_name"),
    ORGANIZATION("organization"),
    EMAIL("email"),
    PHONE("phone"),
    STREET_NUMBER("street_number"),
    STREET("street"),
    ADDRESS_LINE2("address_line2"),
    LOCALITY("locality"),
    REGION("region"),
    POSTCODE("postcode"),
    COUNTRY("country"),
    BIRTH_DATE("birth_date"),
    NATIONAL_ID("national_id"),
    SOCIAL_HANDLE("social_handle");

    static final int COUNT = values().length;

    final String header;

    Column(String header) {
        this.header = header;
    }
}
