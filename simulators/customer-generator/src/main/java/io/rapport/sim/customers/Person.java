package io.rapport.sim.customers;

import java.time.LocalDate;

/** One real-world person: the entity every record of the ground truth points at. Values here are the true ones. */
final class Person {

    final long number;
    final Country country;
    final boolean male;
    final String givenCulture;
    final String familyCulture;
    String given;
    String family;
    LocalDate birth;
    Address address;
    Phone phone;
    String email;
    String nationalId;
    String organization;
    String socialHandle;

    Person(long number, Country country, boolean male, String givenCulture, String familyCulture) {
        this.number = number;
        this.country = country;
        this.male = male;
        this.givenCulture = givenCulture;
        this.familyCulture = familyCulture;
    }

    String entityId() {
        return "E" + number;
    }
}
