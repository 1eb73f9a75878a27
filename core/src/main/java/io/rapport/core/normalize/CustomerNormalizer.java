package io.rapport.core.normalize;

import io.rapport.core.customer.SourceRecord;
import io.rapport.core.ingest.CustomerCsvContract;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.Consent;
import io.rapport.core.party.PartyType;
import io.rapport.core.party.PersonName;
import io.rapport.core.party.PostalAddress;
import io.rapport.core.party.SourceRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Normalizer: turns a {@link SourceRecord} in the import contract's columns into a {@link CanonicalCustomer}.
 * Display values (names, organization, street, locality, region) keep the source's spelling; emails, phones,
 * country, postcode, birth date, national id, social handles and consents are brought into one form each.
 * A value that cannot be accepted never stops the record: it becomes a quality issue naming the column and the
 * reason (never the value, which may be personal data), and everything else is still normalized. Rules per
 * column: docs/canonical-model.md.
 *
 * <p>Immutable and thread-safe; one instance serves all records.
 */
public final class CustomerNormalizer {

    static final String GIVEN_NAME = "given_name";
    static final String FAMILY_NAME = "family_name";
    static final String FULL_NAME = "full_name";
    static final String ORGANIZATION = "organization";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String STREET_NUMBER = "street_number";
    static final String STREET = "street";
    static final String ADDRESS_LINE2 = "address_line2";
    static final String LOCALITY = "locality";
    static final String REGION = "region";
    static final String POSTCODE = "postcode";
    static final String COUNTRY = "country";
    static final String BIRTH_DATE = "birth_date";
    static final String NATIONAL_ID = "national_id";
    static final String SOCIAL_HANDLE = "social_handle";
    /** Consumed special columns: not in the import contract's list, not kept as attributes. */
    static final String EMAIL_VERIFIED = "email_verified";
    static final String SOURCE_UPDATED_AT = "source_updated_at";
    static final String UPDATED_AT = "updated_at";

    private final NormalizationSettings settings;
    private final EmailNormalizer emails = new EmailNormalizer();
    private final PhoneNormalizer phones = new PhoneNormalizer();
    private final PostcodeNormalizer postcodes = new PostcodeNormalizer();
    private final BirthDateParser birthDates = new BirthDateParser();
    private final NationalIdNormalizer nationalIds = new NationalIdNormalizer();
    private final SocialHandleParser socialHandles = new SocialHandleParser();
    private final ConsentParser consents = new ConsentParser();
    private final SourceTimestampParser timestamps = new SourceTimestampParser();

    public CustomerNormalizer(NormalizationSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Normalizes one record. Never throws for bad values; throws NullPointerException for a null argument.
     *
     * @param receivedAt when the hub received the record: the SourceRef timestamp when the record has no
     *                   {@code source_updated_at} or {@code updated_at} column, and the day after which a birth
     *                   date is in the future
     */
    public CanonicalCustomer normalize(SourceRecord record, Instant receivedAt) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Issues issues = new Issues();
        Map<String, String> known = new LinkedHashMap<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        List<Consent> consentList = new ArrayList<>(2);
        for (Map.Entry<String, String> field : record.fields().entrySet()) {
            String column = field.getKey();
            String value = field.getValue();
            if (column == null || value == null) {
                continue;
            }
            String name = CustomerCsvContract.canonicalColumnName(column);
            if (CustomerCsvContract.KNOWN_COLUMNS.contains(name) || name.equals(EMAIL_VERIFIED)
                    || name.equals(SOURCE_UPDATED_AT) || name.equals(UPDATED_AT)) {
                known.put(name, value);
            } else if (ConsentParser.isConsentColumn(name)) {
                if (Values.display(value) == null) {
                    continue; // a blank consent says nothing
                }
                Consent consent = consents.parse(name, value, issues);
                if (consent != null) {
                    consentList.add(consent);
                }
            } else {
                attributes.put(column, value);
            }
        }

        PersonName name = new PersonName(Values.display(known.get(GIVEN_NAME)), Values.display(known.get(FAMILY_NAME)),
                Values.display(known.get(FULL_NAME)));
        String organization = Values.display(known.get(ORGANIZATION));
        PartyType type = organization != null && name.isEmpty() ? PartyType.ORGANIZATION : PartyType.PERSON;

        String defaultRegion = settings.defaultRegion();
        String countryText = Values.display(known.get(COUNTRY));
        String country = defaultRegion;
        if (countryText != null) {
            country = CountryCodes.toAlpha2(countryText);
            if (country == null) {
                issues.add(COUNTRY, "not a recognized country name or ISO 3166 code");
            }
        }
        // the region to read national phone numbers and slash dates in: the record's country, else the default
        String region = country != null ? country : defaultRegion;

        boolean verified = false;
        String verifiedText = Values.display(known.get(EMAIL_VERIFIED));
        if (verifiedText != null) {
            Boolean flag = BooleanFlag.parse(verifiedText);
            if (flag == null) {
                issues.add(EMAIL_VERIFIED, BooleanFlag.NOT_A_FLAG);
            }
            verified = Boolean.TRUE.equals(flag);
        }

        PostalAddress address = new PostalAddress(
                Values.display(known.get(STREET_NUMBER)),
                Values.display(known.get(STREET)),
                Values.display(known.get(ADDRESS_LINE2)),
                Values.display(known.get(LOCALITY)),
                Values.display(known.get(REGION)),
                postcodes.normalize(known.get(POSTCODE), country, POSTCODE, issues),
                country);

        return new CanonicalCustomer(
                CanonicalCustomer.MODEL_VERSION,
                new SourceRef(record.source(), record.sourceId(), sourceTimestamp(known, receivedAt, issues)),
                type,
                name,
                organization,
                emails.normalize(known.get(EMAIL), verified, EMAIL, issues),
                phones.normalize(known.get(PHONE), region, defaultRegion, PHONE, issues),
                address,
                birthDates.parse(known.get(BIRTH_DATE), region, receivedAt, BIRTH_DATE, issues),
                nationalIds.normalize(known.get(NATIONAL_ID), NATIONAL_ID, issues),
                socialHandles.parse(known.get(SOCIAL_HANDLE), SOCIAL_HANDLE, issues),
                consentList,
                attributes,
                issues.toList());
    }

    /** source_updated_at, else updated_at, else receivedAt; an unreadable timestamp is flagged and replaced by receivedAt. */
    private Instant sourceTimestamp(Map<String, String> known, Instant receivedAt, Issues issues) {
        String column = known.get(SOURCE_UPDATED_AT) != null && !known.get(SOURCE_UPDATED_AT).isBlank()
                ? SOURCE_UPDATED_AT : UPDATED_AT;
        String text = Values.display(known.get(column));
        if (text == null) {
            return receivedAt;
        }
        Instant timestamp = timestamps.parse(text);
        if (timestamp == null) {
            issues.add(column, "not an ISO 8601 timestamp or date; the time of receipt is used instead");
            return receivedAt;
        }
        return timestamp;
    }

    /** The settings this normalizer applies. */
    public NormalizationSettings settings() {
        return settings;
    }

    @Override
    public String toString() {
        return "CustomerNormalizer[defaultRegion=" + settings.defaultRegion() + "]";
    }
}
