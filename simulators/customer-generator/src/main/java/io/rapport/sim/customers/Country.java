package io.rapport.sim.customers;

import java.util.List;
import java.util.SplittableRandom;

/**
 * What differs between the countries of the synthetic population: the mix of name cultures, how streets, postcodes,
 * telephone numbers and national identifiers look, how the country itself gets written, and e-mail providers.
 */
enum Country {
    NO("47", "", "no", 8, 8,
            new String[] {"NO", "Norway", "Norge", "NOR"}, new double[] {5, 3, 2, 1},
            new String[] {"online.no", "live.no", "hotmail.no", "broadpark.no", "getmail.no"},
            new String[] {"AS", "AS", "ASA", "DA"},
            mix("nordic/norwegian", 80, "nordic/swedish", 3, "arabic/arabic", 4, "vietnamese/vietnamese", 2,
                    "english/english", 3, "german/german", 2, "indian/indian", 2, "spanish/spanish", 1,
                    "chinese/chinese", 1, "french/french", 2)),
    SE("46", "0", "se", 9, 9,
            new String[] {"SE", "Sweden", "Sverige", "SWE"}, new double[] {5, 3, 2, 1},
            new String[] {"telia.com", "hotmail.se", "live.se", "bredband.net", "spray.se"},
            new String[] {"AB", "AB", "HB", "KB"},
            mix("nordic/swedish", 82, "nordic/norwegian", 2, "arabic/arabic", 7, "spanish/spanish", 2,
                    "english/english", 2, "german/german", 2, "vietnamese/vietnamese", 1, "chinese/chinese", 1,
                    "indian/indian", 1)),
    DE("49", "0", "de", 11, 10,
            new String[] {"DE", "Germany", "Deutschland", "DEU"}, new double[] {5, 3, 2, 1},
            new String[] {"gmx.de", "web.de", "t-online.de", "freenet.de", "gmx.net"},
            new String[] {"GmbH", "GmbH", "AG", "KG", "GmbH & Co. KG"},
            mix("german/german", 83, "arabic/arabic", 5, "spanish/spanish", 2, "english/english", 2,
                    "french/french", 2, "nordic/swedish", 1, "vietnamese/vietnamese", 2, "chinese/chinese", 1,
                    "indian/indian", 2)),
    GB("44", "0", "en", 10, 10,
            new String[] {"GB", "United Kingdom", "UK", "Great Britain"}, new double[] {5, 3, 2, 1},
            new String[] {"btinternet.com", "hotmail.co.uk", "yahoo.co.uk", "sky.com", "virginmedia.com"},
            new String[] {"Ltd", "Ltd", "Limited", "LLP", "plc"},
            mix("english/english", 80, "indian/indian", 8, "arabic/arabic", 3, "chinese/chinese", 2,
                    "french/french", 2, "spanish/spanish", 2, "german/german", 1, "nordic/norwegian", 1,
                    "vietnamese/vietnamese", 1)),
    US("1", "", "en", 10, 10,
            new String[] {"US", "USA", "United States", "United States of America"}, new double[] {5, 3, 2, 1},
            new String[] {"comcast.net", "aol.com", "verizon.net", "att.net", "msn.com"},
            new String[] {"Inc.", "Inc.", "LLC", "Corp.", "Co."},
            mix("english/english", 62, "spanish/spanish", 19, "chinese/chinese", 5, "indian/indian", 4,
                    "vietnamese/vietnamese", 3, "arabic/arabic", 2, "german/german", 3, "french/french", 1,
                    "nordic/swedish", 1)),
    FR("33", "0", "fr", 9, 9,
            new String[] {"FR", "France", "FRA", "République française"}, new double[] {5, 3, 1, 1},
            new String[] {"orange.fr", "free.fr", "sfr.fr", "laposte.net", "wanadoo.fr"},
            new String[] {"SARL", "SAS", "SA", "EURL"},
            mix("french/french", 80, "arabic/arabic", 9, "spanish/spanish", 3, "english/english", 2,
                    "german/german", 2, "vietnamese/vietnamese", 2, "chinese/chinese", 1, "indian/indian", 1)),
    AU("61", "0", "en", 9, 9,
            new String[] {"AU", "Australia", "AUS"}, new double[] {5, 3, 1},
            new String[] {"bigpond.com", "optusnet.com.au", "iinet.net.au", "tpg.com.au"},
            new String[] {"Pty Ltd", "Pty Ltd", "Ltd"},
            mix("english/english", 78, "chinese/chinese", 6, "vietnamese/vietnamese", 4, "indian/indian", 4,
                    "spanish/spanish", 2, "arabic/arabic", 2, "german/german", 2, "french/french", 1,
                    "nordic/swedish", 1));

    /** The countries of the generic profile and how much of the population lives in each. */
    static final Picker<Country> GENERIC_MIX = Picker.weighted(List.of(NO, SE, DE, GB, US, FR),
            new double[] {25, 15, 15, 15, 20, 10});

    private static final String[] COMMON_DOMAINS = {"gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "icloud.com"};
    private static final Picker<String> COMMON_DOMAIN = Picker.weighted(List.of(COMMON_DOMAINS),
            new double[] {35, 10, 8, 7, 5});
    /** German mobile prefixes that take eight more digits. */
    private static final String[] DE_MOBILE = {"151", "152", "157", "159", "160", "162", "163", "172", "176", "177",
        "178", "179"};
    private static final String[] NO_MOBILE_4 = {"40", "41", "45", "46", "47", "48"};
    private static final String[] SE_MOBILE = {"70", "72", "73", "76"};
    private static final String[] FR_MOBILE = {"60", "61", "62", "64", "65", "66", "67", "68", "73", "74", "75", "76",
        "77", "78"};

    final String dialCode;
    final String trunk;
    final String streetLanguage;
    final int mobileLength;
    final int landlineLength;
    private final Picker<String> nameForm;
    private final String[] domains;
    final String[] companySuffixes;
    final Picker<String[]> cultures;

    Country(String dialCode, String trunk, String streetLanguage, int mobileLength, int landlineLength,
            String[] names, double[] nameWeights, String[] domains, String[] companySuffixes,
            Picker<String[]> cultures) {
        this.dialCode = dialCode;
        this.trunk = trunk;
        this.streetLanguage = streetLanguage;
        this.mobileLength = mobileLength;
        this.landlineLength = landlineLength;
        this.nameForm = Picker.weighted(List.of(names), nameWeights);
        this.domains = domains;
        this.companySuffixes = companySuffixes;
        this.cultures = cultures;
    }

    private static Picker<String[]> mix(Object... pairs) {
        String[][] items = new String[pairs.length / 2][];
        double[] weights = new double[pairs.length / 2];
        for (int i = 0; i < pairs.length; i += 2) {
            items[i / 2] = ((String) pairs[i]).split("/");
            weights[i / 2] = ((Number) pairs[i + 1]).doubleValue();
        }
        return Picker.weighted(List.of(items), weights);
    }

    /** "NO", "Norway", "Norge" or "NOR": systems disagree on how to write a country. */
    String countryName(SplittableRandom random) {
        return nameForm.pick(random);
    }

    String emailDomain(SplittableRandom random) {
        return random.nextDouble() < 0.6 ? COMMON_DOMAIN.pick(random) : domains[random.nextInt(domains.length)];
    }

    String formatPostcode(int code) {
        return switch (this) {
            case NO, AU -> Text.padded(code, 4);
            case SE -> {
                String s = Text.padded(code, 5);
                yield s.substring(0, 3) + ' ' + s.substring(3);
            }
            default -> Text.padded(code, 5);
        };
    }

    // ---------------------------------------------------------------------------------------------- telephones

    Phone mobile(Locality locality, SplittableRandom r) {
        StringBuilder b = new StringBuilder(12);
        int prefix;
        switch (this) {
            case NO -> {
                if (r.nextDouble() < 0.7) {
                    b.append('9').append(r.nextInt(10));
                } else {
                    b.append(NO_MOBILE_4[r.nextInt(NO_MOBILE_4.length)]);
                }
                prefix = 3;
            }
            case SE -> {
                b.append(SE_MOBILE[r.nextInt(SE_MOBILE.length)]);
                prefix = 2;
            }
            case DE -> {
                b.append(DE_MOBILE[r.nextInt(DE_MOBILE.length)]);
                prefix = 3;
            }
            case GB -> {
                b.append('7').append(1 + r.nextInt(3)).append(r.nextInt(10)).append(r.nextInt(10));
                prefix = 4;
            }
            case US -> {
                return landline(locality, r);
            }
            case FR -> {
                b.append(FR_MOBILE[r.nextInt(FR_MOBILE.length)]);
                prefix = 1;
            }
            case AU -> {
                b.append('4').append(r.nextInt(4));
                prefix = 1;
            }
            default -> throw new IllegalStateException(name());
        }
        while (b.length() < mobileLength) {
            b.append(r.nextInt(10));
        }
        return new Phone(this, b.toString(), prefix);
    }

    Phone landline(Locality locality, SplittableRandom r) {
        String area = locality.areaCode();
        StringBuilder b = new StringBuilder(12).append(area);
        if (this == US) {
            int exchange;
            do {
                exchange = 200 + r.nextInt(800);
            } while (exchange % 100 == 11 || exchange == 555);
            b.append(exchange);
        } else if (this != NO) {
            // (Norwegian area codes are the first two digits of the number itself.)
            String first = locality.firstDigits();
            b.append(first.charAt(r.nextInt(first.length())));
        }
        while (b.length() < landlineLength) {
            b.append(r.nextInt(10));
        }
        return new Phone(this, b.toString(), this == NO ? 2 : area.length());
    }

    String formatPhone(Phone phone, PhoneStyle style) {
        String nsn = phone.nsn();
        return switch (style) {
            case NATIONAL -> nationalPhone(phone);
            case INTERNATIONAL -> {
                if (this == US) {
                    yield "+1 " + nsn.substring(0, 3) + '-' + nsn.substring(3, 6) + '-' + nsn.substring(6);
                }
                String national = nationalPhone(phone);
                yield '+' + dialCode + ' ' + (trunk.isEmpty() ? national : national.substring(1).replace('-', ' '));
            }
            case E164 -> '+' + dialCode + nsn;
            // From Europe "00"; North Americans write the long-distance 1 instead.
            case IDD -> this == US ? "1-" + nsn.substring(0, 3) + '-' + nsn.substring(3, 6) + '-' + nsn.substring(6)
                    : "00" + dialCode + '-' + nsn;
            case DIGITS -> trunk + nsn;
        };
    }

    private String nationalPhone(Phone phone) {
        String nsn = phone.nsn();
        int p = Math.min(phone.prefixLength(), nsn.length());
        String rest = nsn.substring(p);
        return switch (this) {
            case NO -> p == 3 ? group(nsn, 3, 2, 3) : group(nsn, 2, 2, 2, 2);
            case SE -> '0' + nsn.substring(0, p) + '-' + (rest.length() >= 8 ? group(rest, 3, 3, 2)
                    : rest.length() == 7 ? group(rest, 3, 2, 2) : group(rest, 2, 2, 2));
            case DE -> '0' + nsn.substring(0, p) + ' ' + rest;
            case GB -> {
                if (p == 4 && nsn.charAt(0) == '7') {
                    yield '0' + nsn.substring(0, 4) + ' ' + rest;
                }
                yield switch (p) {
                    case 2 -> "0" + nsn.substring(0, 2) + ' ' + group(rest, 4, 4);
                    case 3 -> "0" + nsn.substring(0, 3) + ' ' + group(rest, 3, 4);
                    default -> "0" + nsn.substring(0, p) + ' ' + rest;
                };
            }
            case US -> '(' + nsn.substring(0, 3) + ") " + nsn.substring(3, 6) + '-' + nsn.substring(6);
            case FR -> '0' + nsn.substring(0, 1) + ' ' + group(nsn.substring(1), 2, 2, 2, 2);
            case AU -> '0' + nsn.substring(0, 1) + ' ' + nsn.substring(1);
        };
    }

    /** Splits digits into groups of the given sizes (the last group takes what is left) joined by spaces. */
    static String group(String digits, int... sizes) {
        StringBuilder b = new StringBuilder(digits.length() + sizes.length);
        int at = 0;
        for (int i = 0; i < sizes.length && at < digits.length(); i++) {
            int end = i == sizes.length - 1 ? digits.length() : Math.min(digits.length(), at + sizes[i]);
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(digits, at, end);
            at = end;
        }
        if (at < digits.length()) {
            b.append(digits, at, digits.length());
        }
        return b.toString();
    }

    // ------------------------------------------------------------------------------------------------ streets

    private static final String[] GB_TYPES = {"Street", "Road", "Avenue", "Lane", "Place", "Crescent", "Close",
        "Drive", "Gardens", "Way", "Grove", "Terrace"};
    private static final double[] GB_TYPE_WEIGHTS = {30, 30, 10, 10, 5, 5, 5, 5, 3, 3, 3, 2};
    private static final String[] US_TYPES = {"Street", "Avenue", "Road", "Lane", "Drive", "Boulevard", "Place",
        "Court", "Way", "Crescent"};
    private static final double[] US_TYPE_WEIGHTS = {35, 20, 10, 8, 10, 5, 4, 4, 3, 1};
    private static final String[] AU_TYPES = {"Street", "Road", "Avenue", "Place", "Crescent", "Circuit", "Close",
        "Drive", "Court", "Parade", "Lane"};
    private static final double[] AU_TYPE_WEIGHTS = {35, 15, 8, 10, 8, 5, 5, 6, 4, 2, 2};
    private static final String[] NO_TYPES = {"veien", "gata", "vegen", "gate", "bakken", "stien", "lia", "tunet"};
    private static final double[] NO_TYPE_WEIGHTS = {40, 25, 8, 6, 8, 5, 4, 4};
    private static final String[] SE_TYPES = {"gatan", "vägen", "stigen", "gränd", "backen", "allén"};
    private static final double[] SE_TYPE_WEIGHTS = {40, 35, 8, 6, 6, 5};
    private static final String[] DE_TYPES = {"straße", "weg", "allee", "platz", "gasse", "ring", "damm"};
    private static final double[] DE_TYPE_WEIGHTS = {55, 20, 7, 7, 5, 3, 3};
    private static final String[] FR_TYPES = {"Rue", "Avenue", "Boulevard", "Place", "Chemin", "Allée", "Impasse",
        "Quai"};
    private static final double[] FR_TYPE_WEIGHTS = {55, 15, 8, 6, 6, 4, 4, 2};

    private static final Picker<String> GB_TYPE = Picker.weighted(List.of(GB_TYPES), GB_TYPE_WEIGHTS);
    private static final Picker<String> US_TYPE = Picker.weighted(List.of(US_TYPES), US_TYPE_WEIGHTS);
    private static final Picker<String> AU_TYPE = Picker.weighted(List.of(AU_TYPES), AU_TYPE_WEIGHTS);
    private static final Picker<String> NO_TYPE = Picker.weighted(List.of(NO_TYPES), NO_TYPE_WEIGHTS);
    private static final Picker<String> SE_TYPE = Picker.weighted(List.of(SE_TYPES), SE_TYPE_WEIGHTS);
    private static final Picker<String> DE_TYPE = Picker.weighted(List.of(DE_TYPES), DE_TYPE_WEIGHTS);
    private static final Picker<String> FR_TYPE = Picker.weighted(List.of(FR_TYPES), FR_TYPE_WEIGHTS);

    String street(Catalog catalog, SplittableRandom r) {
        List<String> stems = catalog.streets.get(streetLanguage);
        String stem = stems.get(r.nextInt(stems.size()));
        return switch (this) {
            case GB -> stem + ' ' + GB_TYPE.pick(r);
            case US -> stem + ' ' + US_TYPE.pick(r);
            case AU -> stem + ' ' + AU_TYPE.pick(r);
            case NO -> glue(stem, NO_TYPE.pick(r));
            case SE -> glue(stem, SE_TYPE.pick(r));
            case DE -> glue(stem, DE_TYPE.pick(r));
            case FR -> FR_TYPE.pick(r) + ' ' + stem;
        };
    }

    private static String glue(String stem, String type) {
        return stem.endsWith("-") ? stem + Text.capitalize(type) : stem + type;
    }

    String streetNumber(SplittableRandom r) {
        int max = switch (this) {
            case GB, US, AU -> 320;
            case FR -> 180;
            default -> 140;
        };
        // Log-uniform: low house numbers are far more common than high ones.
        int n = 1 + (int) StrictMath.exp(r.nextDouble() * StrictMath.log(max));
        double u = r.nextDouble();
        return switch (this) {
            case NO, SE -> u < 0.08 ? n + String.valueOf((char) ('A' + r.nextInt(4))) : Integer.toString(n);
            case DE -> u < 0.08 ? n + String.valueOf((char) ('a' + r.nextInt(4))) : Integer.toString(n);
            case FR -> u < 0.04 ? n + " bis" : u < 0.05 ? n + " ter" : Integer.toString(n);
            case AU -> u < 0.04 ? (1 + r.nextInt(12)) + "/" + n : Integer.toString(n);
            default -> u < 0.03 ? n + String.valueOf((char) ('A' + r.nextInt(3))) : Integer.toString(n);
        };
    }

    private static final String[] DE_LINE2 = {"Hinterhaus", "Vorderhaus", "2. OG", "3. Etage", "Aufgang B", "Seitenflügel"};
    private static final String[] FR_LINE2 = {"Bât. B", "Escalier C", "3e étage", "Résidence Les Pins",
        "Résidence du Parc", "Appt 12"};

    /** The second address line, most often absent: flat, apartment or building. */
    String addressLine2(Catalog catalog, SplittableRandom r) {
        double u = r.nextDouble();
        return switch (this) {
            case GB -> u < 0.08 ? "Flat " + (1 + r.nextInt(30)) + (r.nextDouble() < 0.2 ? "A" : "")
                    : u < 0.09 ? "Flat " + (1 + r.nextInt(9)) + "\nRiverside House" : null;
            case US -> u < 0.06 ? "Apt " + (1 + r.nextInt(30)) + (char) ('A' + r.nextInt(6))
                    : u < 0.09 ? "Suite " + (100 * (1 + r.nextInt(9)) + r.nextInt(20))
                    : u < 0.10 ? "Unit " + (1 + r.nextInt(40)) : null;
            case NO -> u < 0.06 ? "H0" + (1 + r.nextInt(6)) + "0" + (1 + r.nextInt(6)) : null;
            case SE -> u < 0.06 ? "lgh " + (1000 + 100 * r.nextInt(6) + 1 + r.nextInt(9)) : null;
            case DE -> u < 0.05 ? DE_LINE2[r.nextInt(DE_LINE2.length)] : null;
            case FR -> u < 0.08 ? FR_LINE2[r.nextInt(FR_LINE2.length)] : null;
            case AU -> u < 0.2 ? catalog.buildings.get(r.nextInt(catalog.buildings.size())) : null;
        };
    }

    /** Street type abbreviations systems like to use: Road -> Rd, veien -> vn., straße -> str. */
    static String abbreviateStreet(String street) {
        String[][] pairs = {{" Street", " St"}, {" Road", " Rd"}, {" Avenue", " Ave"}, {" Lane", " Ln"},
            {" Place", " Pl"}, {" Crescent", " Cres"}, {" Drive", " Dr"}, {" Court", " Ct"}, {" Terrace", " Tce"},
            {" Boulevard", " Blvd"}, {" Close", " Cl"}, {" Parade", " Pde"}, {" Circuit", " Cct"},
            {"veien", "vn."}, {"gata", "gt."}, {"gate", "gt."}, {"vägen", "v."}, {"gatan", "g."},
            {"straße", "str."}, {"Straße", "Str."}, {"Boulevard ", "Bd "}, {"Avenue ", "Av. "}};
        for (String[] pair : pairs) {
            if (street.endsWith(pair[0].strip()) || street.startsWith(pair[0])) {
                int at = street.lastIndexOf(pair[0]);
                if (at >= 0) {
                    return street.substring(0, at) + pair[1] + street.substring(at + pair[0].length());
                }
            }
        }
        return null;
    }
}
