package io.rapport.core.match;

import io.rapport.core.customer.SourceName;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.EmailAddress;
import io.rapport.core.party.NationalId;
import io.rapport.core.party.PartyType;
import io.rapport.core.party.PersonName;
import io.rapport.core.party.PhoneNumber;
import io.rapport.core.party.PostalAddress;
import io.rapport.core.party.SourceRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test fixture: a canonical person record built field by field with the record constructors. */
final class Person {

    private static int counter;

    private String source = "crm";
    private String id = "p" + (++counter);
    private String given;
    private String family;
    private String full;
    private String streetNumber;
    private String street;
    private String line2;
    private String locality;
    private String region;
    private String postcode;
    private LocalDate birthDate;
    private String nationalId;
    private final List<EmailAddress> emails = new ArrayList<>();
    private final List<PhoneNumber> phones = new ArrayList<>();
    private final Map<String, String> attributes = new HashMap<>();

    static Person person(String given, String family) {
        Person p = new Person();
        p.given = given;
        p.family = family;
        return p;
    }

    /** A FEBRL-style Australian person: name, address, birth date (yyyymmdd) and a 7-digit id. */
    static Person febrl(String given, String family, String streetNumber, String street, String locality,
                        String postcode, String state, String birth, String id) {
        return person(given, family).address(streetNumber, street, locality, postcode, state).born(birth).nid(id);
    }

    Person copy() {
        Person p = new Person();
        p.source = source;
        p.given = given;
        p.family = family;
        p.full = full;
        p.streetNumber = streetNumber;
        p.street = street;
        p.line2 = line2;
        p.locality = locality;
        p.region = region;
        p.postcode = postcode;
        p.birthDate = birthDate;
        p.nationalId = nationalId;
        p.emails.addAll(emails);
        p.phones.addAll(phones);
        p.attributes.putAll(attributes);
        return p;
    }

    Person from(String source, String id) {
        this.source = source;
        this.id = id;
        return this;
    }

    Person given(String value) {
        given = value;
        return this;
    }

    Person family(String value) {
        family = value;
        return this;
    }

    Person fullName(String value) {
        full = value;
        return this;
    }

    Person address(String number, String street, String locality, String postcode, String state) {
        this.streetNumber = number;
        this.street = street;
        this.locality = locality;
        this.postcode = postcode;
        this.region = state;
        return this;
    }

    Person streetNumber(String value) {
        streetNumber = value;
        return this;
    }

    Person street(String value) {
        street = value;
        return this;
    }

    Person line2(String value) {
        line2 = value;
        return this;
    }

    Person locality(String value) {
        locality = value;
        return this;
    }

    Person postcode(String value) {
        postcode = value;
        return this;
    }

    Person region(String value) {
        region = value;
        return this;
    }

    /** Birth date as yyyymmdd, or null. */
    Person born(String yyyymmdd) {
        birthDate = yyyymmdd == null ? null : LocalDate.of(Integer.parseInt(yyyymmdd.substring(0, 4)),
                Integer.parseInt(yyyymmdd.substring(4, 6)), Integer.parseInt(yyyymmdd.substring(6, 8)));
        return this;
    }

    Person nid(String value) {
        nationalId = value;
        return this;
    }

    Person email(String canonical, boolean verified) {
        emails.add(new EmailAddress(canonical, canonical, verified));
        return this;
    }

    Person phone(String e164) {
        phones.add(new PhoneNumber(e164, e164));
        return this;
    }

    Person attribute(String name, String value) {
        attributes.put(name, value);
        return this;
    }

    CanonicalCustomer canonical() {
        return new CanonicalCustomer(CanonicalCustomer.MODEL_VERSION,
                new SourceRef(SourceName.of(source), id, Instant.parse("2026-01-01T00:00:00Z")), PartyType.PERSON,
                new PersonName(given, family, full), null, emails, phones,
                new PostalAddress(streetNumber, street, line2, locality, region, postcode, "AU"),
                birthDate, nationalId == null ? null : new NationalId(nationalId), List.of(), List.of(), attributes,
                List.of());
    }

    MatchProfile profile() {
        return MatchProfile.of(canonical());
    }
}
