package io.rapport.sim.customers;

/** A postal address; {@code line2} (flat, building) is null when there is none. */
record Address(String streetNumber, String street, String line2, Locality locality, String postcode, Country country) {
}
