package io.rapport.core.survivorship;

import io.rapport.core.customer.SourceName;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.Consent;
import io.rapport.core.party.EmailAddress;
import io.rapport.core.party.NationalId;
import io.rapport.core.party.PartyType;
import io.rapport.core.party.PersonName;
import io.rapport.core.party.PhoneNumber;
import io.rapport.core.party.PostalAddress;
import io.rapport.core.party.QualityIssue;
import io.rapport.core.party.SocialHandle;
import io.rapport.core.party.SourceRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test fixture: collects the parts of one source record and calls the {@link CanonicalCustomer} constructor. */
final class Member {

    private final SourceRef source;
    private PartyType type = PartyType.PERSON;
    private PersonName name = PersonName.NONE;
    private String organization;
    private final List<EmailAddress> emails = new ArrayList<>();
    private final List<PhoneNumber> phones = new ArrayList<>();
    private PostalAddress address = PostalAddress.NONE;
    private LocalDate birthDate;
    private NationalId nationalId;
    private final List<SocialHandle> socialHandles = new ArrayList<>();
    private final List<Consent> consents = new ArrayList<>();
    private final List<QualityIssue> issues = new ArrayList<>();

    private Member(SourceRef source) {
        this.source = source;
    }

    /** A person record of {@code system:id}, last changed on 2024-01-{@code day} at noon UTC. */
    static Member of(String system, String id, int day) {
        return new Member(ref(system, id, day));
    }

    static SourceRef ref(String system, String id, int day) {
        return new SourceRef(SourceName.of(system), id, Instant.parse("2024-01-01T12:00:00Z").plusSeconds((day - 1) * 86_400L));
    }

    Member organization(String organization) {
        this.type = PartyType.ORGANIZATION;
        this.organization = organization;
        return this;
    }

    Member employer(String organization) {
        this.organization = organization;
        return this;
    }

    Member name(String given, String family) {
        this.name = new PersonName(given, family, null);
        return this;
    }

    Member name(String given, String family, String full) {
        this.name = new PersonName(given, family, full);
        return this;
    }

    Member email(String canonical) {
        emails.add(new EmailAddress(canonical, canonical, false));
        return this;
    }

    Member invalidEmail(String original) {
        emails.add(new EmailAddress(original, null, false));
        issues.add(new QualityIssue("email", "not an email address"));
        return this;
    }

    Member phone(String original, String e164) {
        phones.add(new PhoneNumber(original, e164));
        return this;
    }

    Member address(String streetNumber, String street, String locality, String postcode, String country) {
        this.address = new PostalAddress(streetNumber, street, null, locality, null, postcode, country);
        return this;
    }

    Member address(PostalAddress address) {
        this.address = address;
        return this;
    }

    Member birthDate(String isoDate) {
        this.birthDate = LocalDate.parse(isoDate);
        return this;
    }

    Member nationalId(String value) {
        this.nationalId = new NationalId(value);
        return this;
    }

    Member social(String network, String handle) {
        socialHandles.add(new SocialHandle(network, handle));
        return this;
    }

    Member consent(String purpose, boolean granted) {
        consents.add(new Consent(purpose, granted));
        return this;
    }

    Member issue(String column) {
        issues.add(new QualityIssue(column, "rejected by the normalizer"));
        return this;
    }

    CanonicalCustomer build() {
        return new CanonicalCustomer(CanonicalCustomer.MODEL_VERSION, source, type, name, organization, emails, phones,
                address, birthDate, nationalId, socialHandles, consents, Map.of(), issues);
    }
}
