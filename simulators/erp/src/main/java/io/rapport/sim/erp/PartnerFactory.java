package io.rapport.sim.erp;

import io.rapport.sim.erp.SeedRows.Address;
import io.rapport.sim.erp.SeedRows.Partner;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns one generated person into an ERP business partner: a person, or the organization the person stands for,
 * with the commercial fields an ERP adds (VAT number, credit limit, currency, payment terms, block) and a bill-to
 * address, sometimes a separate ship-to address.
 */
final class PartnerFactory {

    /** The ERP users who keep the customer master, and the nightly batch user. */
    static final String[] CLERKS = {"MBERG", "JSMITH", "KMUELLER", "ALAMBERT", "SNILSSON", "ERP_BATCH"};
    private static final int[] PERSON_CREDIT = {0, 500, 1_000, 2_000, 5_000};
    private static final int[] ORGANIZATION_CREDIT = {5_000, 10_000, 25_000, 50_000, 100_000, 250_000};
    private static final String[] PERSON_TERMS = {"PREP", "NT14", "NT14", "NT30", "COD"};
    private static final String[] ORGANIZATION_TERMS = {"NT30", "NT30", "NT30", "NT60", "NT14"};
    private static final String[] INVOICE_MAILBOXES = {"invoice", "accounts", "ap", "billing", "info"};

    private final SeedOptions options;
    private final LocalDateTime asOf;
    /** The last bill-to address seen per country: a plausible warehouse or second site for a ship-to address. */
    private final Map<ErpCountry, Address> lastAddress = new EnumMap<>(ErpCountry.class);

    PartnerFactory(SeedOptions options) {
        this.options = options;
        this.asOf = options.asOf().atTime(18, 0);
    }

    /** The partner and its addresses; null when the person lacks a usable address or lives elsewhere. */
    SeedRows.Customer make(String partnerNo, Map<String, String> person, SplittableRandom r) {
        ErpCountry country = ErpCountry.parse(person.get("country"));
        if (country == null || !options.countries().contains(country) || person.get("street") == null
                || person.get("locality") == null) {
            return null;
        }
        boolean organization = r.nextDouble() < options.organizationShare();
        LocalDateTime createdAt = asOf.minusMinutes(r.nextLong(10L * 365 * 24 * 60));
        LocalDateTime changedAt = r.nextDouble() < 0.4 ? createdAt
                : createdAt.plusMinutes(r.nextLong(Math.max(1, java.time.Duration.between(createdAt, asOf).toMinutes())));
        String changedBy = CLERKS[r.nextInt(CLERKS.length)];
        int rowVersion = changedAt.equals(createdAt) ? 1 : 2 + r.nextInt(6);

        Partner partner;
        if (organization) {
            String name = person.getOrDefault("organization", person.get("family_name") + " " + country.companySuffix);
            partner = new Partner(partnerNo, "ORGANIZATION", null, null, name, null, null, country.vatNumber(r),
                    companyMailbox(name, country, r), person.get("phone"), amount(ORGANIZATION_CREDIT, r),
                    country.currency, ORGANIZATION_TERMS[r.nextInt(ORGANIZATION_TERMS.length)], r.nextDouble() < 0.03,
                    createdAt, changedAt, changedBy, rowVersion);
        } else {
            partner = new Partner(partnerNo, "PERSON", person.get("given_name"), person.get("family_name"), null,
                    date(person.get("birth_date")), person.get("national_id"),
                    r.nextDouble() < 0.04 ? country.vatNumber(r) : null, person.get("email"), person.get("phone"),
                    amount(PERSON_CREDIT, r), country.currency, PERSON_TERMS[r.nextInt(PERSON_TERMS.length)],
                    r.nextDouble() < 0.02, createdAt, changedAt, changedBy, rowVersion);
        }

        List<Address> addresses = new ArrayList<>(2);
        Address bill = new Address(partnerNo, "BILL", person.get("street"), person.get("street_number"),
                person.get("address_line2"), person.get("postcode"), person.get("locality"), person.get("region"),
                country.name(), changedAt, changedBy);
        addresses.add(bill);
        Address site = lastAddress.put(country, bill);
        if (site != null && r.nextDouble() < (organization ? 0.35 : 0.08)) {
            addresses.add(new Address(partnerNo, "SHIP", site.street(), site.houseNo(), site.street2(), site.postcode(),
                    site.city(), site.region(), site.country(), changedAt, changedBy));
        }
        return new SeedRows.Customer(partner, addresses, List.of(), List.of());
    }

    private static String companyMailbox(String organization, ErpCountry country, SplittableRandom r) {
        String ascii = Normalizer.normalize(organization, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder domain = new StringBuilder();
        for (String word : ascii.split("[^a-z0-9]+")) {
            if (!word.isEmpty() && !word.equals(country.companySuffix.toLowerCase(Locale.ROOT).replace(".", ""))
                    && domain.length() < 24) {
                domain.append(domain.length() == 0 ? "" : "-").append(word);
            }
        }
        if (domain.length() == 0) {
            domain.append("company");
        }
        return INVOICE_MAILBOXES[r.nextInt(INVOICE_MAILBOXES.length)] + "@" + domain + "." + country.topLevelDomain;
    }

    private static BigDecimal amount(int[] choices, SplittableRandom r) {
        return BigDecimal.valueOf(choices[r.nextInt(choices.length)]).setScale(2);
    }

    private static LocalDate date(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }
}
