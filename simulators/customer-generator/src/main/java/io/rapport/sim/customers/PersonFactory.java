package io.rapport.sim.customers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the synthetic population, household by household, including the cases that make entity resolution hard:
 * people who share a common name, couples and families sharing an address and a landline, twins (same family name,
 * birth date and address, different given names), and a parent and child of the same name at the same address.
 */
final class PersonFactory {

    private static final long MIN_BIRTH = LocalDate.of(1930, 1, 1).toEpochDay();
    private static final long MAX_BIRTH = LocalDate.of(2006, 12, 31).toEpochDay();
    private static final int RECENT = 512;

    private static final String[] COMPANY_WORDS = {"Nordic", "Global", "Atlantic", "Pacific", "Northern", "United",
        "Prime", "Alpha", "Summit", "Pioneer", "Bright", "Green", "Blue", "Silver", "Golden", "Union", "Central",
        "Metro", "City", "Coastal", "Harbour", "Valley", "Mountain", "Polar", "Evergreen", "Redwood", "Oak",
        "Granite", "Aurora", "Vertex"};
    private static final String[] COMPANY_KINDS = {"Solutions", "Consulting", "Logistics", "Systems", "Trading",
        "Holdings", "Industries", "Services", "Partners", "Technologies", "Media", "Foods", "Energy", "Capital",
        "Construction", "Design", "Engineering", "Software", "Health", "Retail", "Transport", "Analytics"};

    private final Catalog catalog;
    private final Profile profile;
    /** A small Bloom-style filter over generated e-mail addresses: distinct people rarely share an address. */
    private final long[] emailBits = new long[1 << 19];
    private final Person[] recent = new Person[RECENT];
    private int recentCount;
    private int recentNext;
    private long nextNumber = 1;

    PersonFactory(Catalog catalog, Profile profile) {
        this.catalog = catalog;
        this.profile = profile;
    }

    /** The next household: one to five people, each a separate entity, in a fixed order. */
    List<Person> nextHousehold(SplittableRandom r) {
        Country country = profile == Profile.FEBRL ? Country.AU : Country.GENERIC_MIX.pick(r);
        Address address = address(country, r);
        String[] cultures = country.cultures.pick(r);
        List<Person> household = new ArrayList<>(4);
        double u = r.nextDouble();
        if (u < 0.60) {
            household.add(person(country, cultures, r.nextBoolean(), null, adultBirth(r), address, r));
        } else if (u < 0.80) {
            couple(country, cultures, address, adultBirth(r), household, r);
        } else if (u < 0.90) {
            LocalDate parent = birthBetween(1930, 1980, r);
            couple(country, cultures, address, parent, household, r);
            int children = 1 + r.nextInt(3);
            String family = household.get(0).family;
            for (int i = 0; i < children; i++) {
                int year = Math.min(2006, parent.getYear() + 20 + r.nextInt(21));
                household.add(person(country, cultures, r.nextBoolean(), family, birthBetween(year, year, r), address, r));
            }
            shareLandline(household, address, 0.6, r);
        } else if (u < 0.93) {
            // Twins: same family name, birth date and address; different given names.
            LocalDate birth = birthBetween(1950, 2006, r);
            Person first = person(country, cultures, r.nextBoolean(), null, birth, address, r);
            Person second = person(country, cultures, r.nextBoolean(), first.family, birth, address, r);
            for (int attempt = 0; attempt < 20 && second.given.equals(first.given); attempt++) {
                second.given = givenName(cultures[0], second.male, r);
            }
            if (second.email != null) {
                second.email = email(second, r, true);
            }
            household.add(first);
            household.add(second);
            if (r.nextBoolean()) {
                int year = Math.max(1930, birth.getYear() - 20 - r.nextInt(16));
                household.add(person(country, cultures, r.nextBoolean(), first.family, birthBetween(year, year, r),
                        address, r));
            }
            shareLandline(household, address, 0.5, r);
        } else if (u < 0.96) {
            // Parent and child of the same name at the same address ("Sr." and "Jr."), born decades apart.
            boolean male = r.nextDouble() < 0.8;
            LocalDate seniorBirth = birthBetween(1930, 1970, r);
            Person senior = person(country, cultures, male, null, seniorBirth, address, r);
            int year = Math.min(2006, seniorBirth.getYear() + 20 + r.nextInt(17));
            Person junior = person(country, cultures, male, senior.family, birthBetween(year, year, r), address, r);
            junior.given = senior.given;
            if (junior.email != null) {
                junior.email = email(junior, r, true);
            }
            household.add(senior);
            household.add(junior);
            if (r.nextBoolean()) {
                household.add(person(country, cultures, !male, senior.family,
                        clamp(seniorBirth.plusDays(r.nextInt(2 * 365 * 5) - 365 * 5)), address, r));
            }
            shareLandline(household, address, 0.6, r);
        } else {
            // A namesake: same name as someone generated a little earlier, otherwise a different person.
            Person model = recentCount == 0 ? null : recent[r.nextInt(recentCount)];
            if (model == null) {
                household.add(person(country, cultures, r.nextBoolean(), null, adultBirth(r), address, r));
            } else {
                Person p = person(model.country, new String[] {model.givenCulture, model.familyCulture}, model.male,
                        model.family, adultBirth(r), address(model.country, r), r);
                p.given = model.given;
                if (p.email != null) {
                    p.email = email(p, r, true);
                }
                household.add(p);
            }
        }
        for (Person p : household) {
            recent[recentNext] = p;
            recentNext = (recentNext + 1) % RECENT;
            recentCount = Math.min(RECENT, recentCount + 1);
        }
        return household;
    }

    private void couple(Country country, String[] cultures, Address address, LocalDate birth, List<Person> household,
            SplittableRandom r) {
        boolean male = r.nextBoolean();
        Person first = person(country, cultures, male, null, birth, address, r);
        double u = r.nextDouble();
        String family = u < 0.65 ? first.family : null;
        Person second = person(country, cultures, !male, family, clamp(birth.plusDays(r.nextInt(2 * 365 * 6) - 365 * 6)),
                address, r);
        if (u > 0.95 && !first.family.equals(second.family)) {
            second.family = second.family + '-' + first.family;
            if (second.email != null) {
                second.email = email(second, r, true);
            }
        }
        household.add(first);
        household.add(second);
        if (profile == Profile.GENERIC && r.nextDouble() < 0.1) {
            // A shared family mailbox.
            String shared = email(first, r, true);
            if (shared != null) {
                String local = Text.slug(first.family) + (r.nextBoolean() ? ".family" : "") + shared.substring(shared.indexOf('@'));
                first.email = local;
                second.email = local;
            }
        }
        shareLandline(household, address, 0.5, r);
    }

    private void shareLandline(List<Person> household, Address address, double probability, SplittableRandom r) {
        if (r.nextDouble() >= probability) {
            return;
        }
        Phone landline = address.country().landline(address.locality(), r);
        for (Person p : household) {
            if (r.nextDouble() < 0.7) {
                p.phone = landline;
            }
        }
    }

    Person person(Country country, String[] cultures, boolean male, String family, LocalDate birth, Address address,
            SplittableRandom r) {
        Person p = new Person(nextNumber++, country, male, cultures[0], cultures[1]);
        p.given = givenName(cultures[0], male, r);
        p.family = family != null ? family : familyName(cultures[1], r);
        p.birth = birth;
        p.address = address;
        p.phone = r.nextDouble() < 0.85 ? country.mobile(address.locality(), r) : country.landline(address.locality(), r);
        p.nationalId = NationalIds.generate(country, birth, male, address.postcode(), r);
        if (profile == Profile.GENERIC) {
            p.email = r.nextDouble() < 0.9 ? email(p, r, true) : null;
            p.organization = r.nextDouble() < 0.22 ? organization(country, p.family, r) : null;
            p.socialHandle = r.nextDouble() < 0.18 ? socialHandle(p, r) : null;
        }
        return p;
    }

    String givenName(String culture, boolean male, SplittableRandom r) {
        return (male ? catalog.givenMalePicker : catalog.givenFemalePicker).get(culture).pick(r);
    }

    String familyName(String culture, SplittableRandom r) {
        Picker<String> picker = catalog.familyPicker.get(culture);
        switch (culture) {
            case "spanish" -> {
                String first = picker.pick(r);
                if (r.nextDouble() < 0.5) {
                    String second = picker.pick(r);
                    return second.equals(first) ? first : first + ' ' + second;
                }
                return first;
            }
            case "norwegian", "swedish" -> {
                double u = r.nextDouble();
                if (u < 0.18) {
                    String father = catalog.givenMalePicker.get("nordic").pick(r);
                    String ending = culture.equals("norwegian") ? "sen" : "sson";
                    return father.endsWith("s") ? father + ending.substring(1) : father + ending;
                }
                if (u < 0.36) {
                    return compound(culture, r);
                }
                return picker.pick(r);
            }
            case "english", "german", "french" -> {
                return r.nextDouble() < 0.3 ? compound(culture, r) : picker.pick(r);
            }
            default -> {
                return picker.pick(r);
            }
        }
    }

    private String compound(String culture, SplittableRandom r) {
        List<String> prefixes = catalog.familyParts.get(culture + ".prefix");
        List<String> suffixes = catalog.familyParts.get(culture + ".suffix");
        return prefixes.get(r.nextInt(prefixes.size())) + suffixes.get(r.nextInt(suffixes.size()));
    }

    LocalDate adultBirth(SplittableRandom r) {
        return r.nextDouble() < 0.8 ? birthBetween(1945, 2000, r) : birthBetween(1930, 2006, r);
    }

    static LocalDate birthBetween(int fromYear, int toYear, SplittableRandom r) {
        long from = LocalDate.of(fromYear, 1, 1).toEpochDay();
        long to = LocalDate.of(toYear, 12, 31).toEpochDay();
        return LocalDate.ofEpochDay(from + r.nextLong(to - from + 1));
    }

    private static LocalDate clamp(LocalDate date) {
        long day = date.toEpochDay();
        return day < MIN_BIRTH ? LocalDate.ofEpochDay(MIN_BIRTH) : day > MAX_BIRTH ? LocalDate.ofEpochDay(MAX_BIRTH) : date;
    }

    Address address(Country country, SplittableRandom r) {
        Locality locality = catalog.localityPicker.get(country).pick(r);
        return new Address(country.streetNumber(r), country.street(catalog, r), country.addressLine2(catalog, r),
                locality, locality.postcode(country, r), country);
    }

    /**
     * An address derived from the name: john.smith@, jsmith@, smith.john@, john.smith77@ at a common or a national
     * provider. With {@code unique}, one already handed out gets a number appended.
     */
    String email(Person p, SplittableRandom r, boolean unique) {
        String g = Text.slug(p.given);
        String f = Text.slug(p.family);
        if (g.isEmpty() || f.isEmpty()) {
            return null;
        }
        String local;
        double u = r.nextDouble();
        if (u < 0.32) {
            local = g + '.' + f;
        } else if (u < 0.42) {
            local = g + f;
        } else if (u < 0.47) {
            local = g + '_' + f;
        } else if (u < 0.59) {
            local = g.charAt(0) + f;
        } else if (u < 0.65) {
            local = f + '.' + g;
        } else if (u < 0.77) {
            local = g + '.' + f + (1 + r.nextInt(99));
        } else if (u < 0.85) {
            local = g + Text.padded(p.birth.getYear() % 100, 2);
        } else if (u < 0.92) {
            local = g.charAt(0) + "." + f;
        } else {
            local = f + g.charAt(0) + (10 + r.nextInt(990));
        }
        String domain = p.country.emailDomain(r);
        String address = local + '@' + domain;
        if (unique) {
            for (int attempt = 0; attempt < 4 && seen(address); attempt++) {
                address = local + (1 + r.nextInt(attempt < 2 ? 99 : 9999)) + '@' + domain;
            }
            remember(address);
        }
        return address;
    }

    private boolean seen(String address) {
        long h = hash(address);
        int bits = emailBits.length * 64;
        int a = (int) ((h >>> 1) % bits);
        int b = (int) ((h >>> 33) % bits);
        return (emailBits[a >>> 6] & (1L << a)) != 0 && (emailBits[b >>> 6] & (1L << b)) != 0;
    }

    private void remember(String address) {
        long h = hash(address);
        int bits = emailBits.length * 64;
        int a = (int) ((h >>> 1) % bits);
        int b = (int) ((h >>> 33) % bits);
        emailBits[a >>> 6] |= 1L << a;
        emailBits[b >>> 6] |= 1L << b;
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h ^ (h >>> 29);
    }

    String organization(Country country, String family, SplittableRandom r) {
        String suffix = country.companySuffixes[r.nextInt(country.companySuffixes.length)];
        String word = COMPANY_WORDS[r.nextInt(COMPANY_WORDS.length)];
        String kind = COMPANY_KINDS[r.nextInt(COMPANY_KINDS.length)];
        double u = r.nextDouble();
        if (u < 0.30) {
            return family + ' ' + suffix;
        }
        if (u < 0.70) {
            return word + ' ' + kind + ' ' + suffix;
        }
        String other = familyName(country.cultures.pick(r)[1], r);
        if (u < 0.80) {
            return family + " & " + other + ' ' + suffix;
        }
        if (u < 0.90) {
            // A comma in the value: the CSV writer must quote it.
            return family + ", " + other + " & Partners";
        }
        if (u < 0.93) {
            // Double quotes in the value: written doubled inside a quoted field.
            return word + " \"" + kind + "\" " + suffix;
        }
        return "The " + word + ' ' + kind + " Company";
    }

    private static String socialHandle(Person p, SplittableRandom r) {
        String g = Text.slug(p.given);
        String f = Text.slug(p.family);
        String handle = switch (r.nextInt(4)) {
            case 0 -> g + '_' + f;
            case 1 -> g + f;
            case 2 -> g.isEmpty() ? f : g.charAt(0) + f + (r.nextInt(100));
            default -> g + (1950 + r.nextInt(60));
        };
        if (handle.length() > 15) {
            handle = handle.substring(0, 15);
        }
        return '@' + handle;
    }

    long entitiesMade() {
        return nextNumber - 1;
    }
}
