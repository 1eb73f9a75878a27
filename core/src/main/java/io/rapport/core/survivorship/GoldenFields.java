package io.rapport.core.survivorship;

import java.util.List;
import java.util.Set;

/**
 * The names of golden-record fields, and their order in {@link GoldenRecord#fields()}. Single-valued fields
 * follow the import column names; {@code emails}, {@code phones}, {@code social_handles} and {@code consents}
 * hold lists; one {@code consents.<purpose>} field per consent purpose follows {@code consents}, in purpose order.
 */
public final class GoldenFields {

    public static final String GIVEN_NAME = "given_name";
    public static final String FAMILY_NAME = "family_name";
    public static final String FULL_NAME = "full_name";
    public static final String ORGANIZATION = "organization";
    public static final String EMAIL = "email";
    public static final String EMAILS = "emails";
    public static final String PHONE = "phone";
    public static final String PHONES = "phones";
    public static final String ADDRESS = "address";
    public static final String BIRTH_DATE = "birth_date";
    public static final String NATIONAL_ID = "national_id";
    public static final String SOCIAL_HANDLES = "social_handles";
    public static final String CONSENTS = "consents";
    /** Prefix of the per-purpose consent fields: {@code consents.email}, {@code consents.profiling}, ... */
    public static final String CONSENT_PREFIX = "consents.";

    /** Every field a golden record can hold, in the order of {@link GoldenRecord#fields()} (per-purpose consents last). */
    public static final List<String> ORDER = List.of(GIVEN_NAME, FAMILY_NAME, FULL_NAME, ORGANIZATION, EMAIL, EMAILS,
            PHONE, PHONES, ADDRESS, BIRTH_DATE, NATIONAL_ID, SOCIAL_HANDLES, CONSENTS);

    /**
     * The fields a {@link FieldRule} can be configured for. {@code emails} and {@code phones} follow the rule of
     * {@code email} and {@code phone}; social handles are a union and consents always follow the most recent
     * statement per purpose, so neither takes a rule.
     */
    public static final Set<String> CONFIGURABLE = Set.of(GIVEN_NAME, FAMILY_NAME, FULL_NAME, ORGANIZATION, EMAIL,
            PHONE, ADDRESS, BIRTH_DATE, NATIONAL_ID);

    private GoldenFields() {
    }
}
