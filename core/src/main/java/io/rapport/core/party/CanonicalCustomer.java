package io.rapport.core.party;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Canonical Data Model of a customer: one source record in the shape every source is normalized into, the
 * input of identity resolution and survivorship. Display values keep the source's spelling; matching works on
 * keys derived from them. Values the normalizer could not accept are absent (or kept without their normalized
 * form) and named in {@link #qualityIssues()}: never silently dropped, never "fixed" into something else.
 *
 * <p>{@link #MODEL_VERSION} changes whenever a field is added, removed or changes meaning; stored canonical
 * records carry the version they were written with. See docs/canonical-model.md.
 */
public record CanonicalCustomer(
        int modelVersion,
        SourceRef source,
        PartyType type,
        PersonName name,
        String organization,
        List<EmailAddress> emails,
        List<PhoneNumber> phones,
        PostalAddress address,
        LocalDate birthDate,
        NationalId nationalId,
        List<SocialHandle> socialHandles,
        List<Consent> consents,
        Map<String, String> attributes,
        List<QualityIssue> qualityIssues) {

    public static final int MODEL_VERSION = 1;

    public CanonicalCustomer {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        name = name == null ? PersonName.NONE : name;
        address = address == null ? PostalAddress.NONE : address;
        emails = List.copyOf(emails == null ? List.of() : emails);
        phones = List.copyOf(phones == null ? List.of() : phones);
        socialHandles = List.copyOf(socialHandles == null ? List.of() : socialHandles);
        consents = List.copyOf(consents == null ? List.of() : consents);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        qualityIssues = List.copyOf(qualityIssues == null ? List.of() : qualityIssues);
    }
}
