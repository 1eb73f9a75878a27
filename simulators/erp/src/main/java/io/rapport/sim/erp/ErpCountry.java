package io.rapport.sim.erp;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The countries the seeded ERP sells to, with what an ERP keeps per country: currency, VAT rate, the shape of a
 * VAT number and the company suffix. The people come from the customer generator, which writes a country in
 * several forms; {@link #parse} reads them all.
 */
public enum ErpCountry {

    NO("NOK", "25", "11.50", "AS", "no", List.of("NO", "Norway", "Norge", "NOR")),
    SE("SEK", "25", "11.30", "AB", "se", List.of("SE", "Sweden", "Sverige", "SWE")),
    DE("EUR", "19", "1.00", "GmbH", "de", List.of("DE", "Germany", "Deutschland", "DEU")),
    GB("GBP", "20", "0.85", "Ltd", "co.uk", List.of("GB", "United Kingdom", "UK", "Great Britain")),
    US("USD", "0", "1.08", "Inc.", "com", List.of("US", "USA", "United States", "United States of America")),
    FR("EUR", "20", "1.00", "SARL", "fr", List.of("FR", "France", "FRA", "République française"));

    final String currency;
    /** VAT in percent; US sales tax is left out, as many ERPs leave it to a tax engine. */
    final BigDecimal vatPercent;
    /** Price list factor from the EUR list price. */
    final BigDecimal priceFactor;
    final String companySuffix;
    final String topLevelDomain;
    private final List<String> names;

    ErpCountry(String currency, String vatPercent, String priceFactor, String companySuffix, String topLevelDomain,
            List<String> names) {
        this.currency = currency;
        this.vatPercent = new BigDecimal(vatPercent);
        this.priceFactor = new BigDecimal(priceFactor);
        this.companySuffix = companySuffix;
        this.topLevelDomain = topLevelDomain;
        this.names = names;
    }

    /** The country written as ISO code, English or native name or alpha-3 code; null for anything else. */
    public static ErpCountry parse(String text) {
        if (text == null) {
            return null;
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        for (ErpCountry country : values()) {
            for (String name : country.names) {
                if (name.toLowerCase(Locale.ROOT).equals(wanted)) {
                    return country;
                }
            }
        }
        return null;
    }

    /** A VAT registration number in the country's format (check digits are not computed). */
    String vatNumber(SplittableRandom r) {
        return switch (this) {
            case NO -> "NO" + digits(9, r) + "MVA";
            case SE -> "SE" + digits(10, r) + "01";
            case DE -> "DE" + digits(9, r);
            case GB -> "GB" + digits(9, r);
            case US -> digits(2, r) + "-" + digits(7, r); // an EIN
            case FR -> "FR" + digits(2, r) + digits(9, r);
        };
    }

    private static String digits(int count, SplittableRandom r) {
        StringBuilder s = new StringBuilder(count);
        s.append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < count; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }
}
