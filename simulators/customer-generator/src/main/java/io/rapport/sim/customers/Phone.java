package io.rapport.sim.customers;

/**
 * A telephone number as digits: the national significant number (no trunk 0, no country code) and how long its
 * area or mobile prefix is, which the national written forms group by.
 */
record Phone(Country country, String nsn, int prefixLength) {

    String format(PhoneStyle style) {
        return country.formatPhone(this, style);
    }

    Phone withNsn(String digits) {
        return new Phone(country, digits, prefixLength);
    }
}
