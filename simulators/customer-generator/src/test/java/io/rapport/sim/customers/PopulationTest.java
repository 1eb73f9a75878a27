package io.rapport.sim.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopulationTest {

    private final Catalog catalog = Catalog.get();

    @Test
    void nameListsAreLargeAndCoverTheCulturesWithTheirDiacritics() {
        assertThat(catalog.givenMale.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(300);
        assertThat(catalog.givenFemale.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(300);
        assertThat(catalog.family.values().stream().mapToInt(List::size).sum()).isGreaterThanOrEqualTo(300);
        assertThat(catalog.givenMale.keySet()).containsAll(List.of("english", "nordic", "german", "french", "spanish",
                "indian", "chinese", "arabic"));
        assertThat(catalog.givenMale.get("nordic")).contains("Bjørn");
        assertThat(catalog.givenMale.get("spanish")).contains("José");
        assertThat(catalog.givenFemale.get("french")).contains("Chloé");
        assertThat(catalog.givenFemale.get("english")).contains("Zoë");
        assertThat(catalog.family.get("english").get(0)).isEqualTo("Smith");
        assertThat(catalog.family.get("norwegian").get(0)).isEqualTo("Hansen");
        assertThat(catalog.family.get("vietnamese").get(0)).isEqualTo("Nguyen");
        assertThat(catalog.nicknames.get("william")).contains("Bill");
        assertThat(catalog.nicknames.get("bill")).contains("William");
        assertThat(catalog.nicknames.get("elizabeth")).contains("Liz");
        long groups = Catalog.sections("nicknames.txt").get("").size();
        assertThat(groups).isGreaterThanOrEqualTo(60);
    }

    @Test
    void familyNamesAreSkewedWithALongTail() {
        PersonFactory factory = new PersonFactory(catalog, Profile.GENERIC);
        SplittableRandom r = new SplittableRandom(1);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            counts.merge(factory.familyName("english", r), 1, Integer::sum);
        }
        assertThat(counts.get("Smith")).isGreaterThan(600);
        assertThat(counts.get("Smith")).isGreaterThan(5 * counts.getOrDefault("Pearson", 1));
        assertThat(counts.size()).as("distinct names").isGreaterThan(900);
    }

    @Test
    void populationHasTheHardCases() {
        PersonFactory factory = new PersonFactory(catalog, Profile.GENERIC);
        SplittableRandom r = new SplittableRandom(2);
        List<List<Person>> households = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            households.add(factory.nextHousehold(r));
        }
        boolean twins = false;
        boolean juniorSenior = false;
        boolean sharedPhone = false;
        Map<String, Set<LocalDate>> namesakes = new HashMap<>();
        for (List<Person> h : households) {
            for (int a = 0; a < h.size(); a++) {
                Person p = h.get(a);
                assertThat(p.birth).isBetween(LocalDate.of(1930, 1, 1), LocalDate.of(2006, 12, 31));
                namesakes.computeIfAbsent(p.given + " " + p.family, k -> new HashSet<>()).add(p.birth);
                for (int b = a + 1; b < h.size(); b++) {
                    Person q = h.get(b);
                    assertThat(q.address).isEqualTo(p.address);
                    twins |= p.family.equals(q.family) && p.birth.equals(q.birth) && !p.given.equals(q.given);
                    juniorSenior |= p.given.equals(q.given) && p.family.equals(q.family)
                            && Math.abs(p.birth.getYear() - q.birth.getYear()) >= 18;
                    sharedPhone |= p.phone.equals(q.phone);
                }
            }
        }
        assertThat(twins).as("twins").isTrue();
        assertThat(juniorSenior).as("parent and child of the same name").isTrue();
        assertThat(sharedPhone).as("household sharing a landline").isTrue();
        assertThat(namesakes.values().stream().filter(s -> s.size() > 1).count())
                .as("different people with the same name").isGreaterThan(100);
    }

    @Test
    void addressesAreConsistentPerLocality() {
        PersonFactory factory = new PersonFactory(catalog, Profile.GENERIC);
        SplittableRandom r = new SplittableRandom(4);
        for (Country country : Country.values()) {
            for (int i = 0; i < 300; i++) {
                Address a = factory.address(country, r);
                Locality l = a.locality();
                if (l.outward() != null) {
                    assertThat(a.postcode()).matches("[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}");
                    assertThat(List.of(l.outward())).contains(a.postcode().split(" ")[0]);
                } else {
                    int code = Integer.parseInt(a.postcode().replace(" ", ""));
                    assertThat(code).isBetween(l.low(), l.high());
                }
                assertThat(a.street()).isNotBlank();
                assertThat(a.streetNumber()).matches("[0-9].*");
            }
        }
        assertThat(Country.GB.street(catalog, r)).matches(".+ [A-Z][a-z]+");
        assertThat(Country.FR.formatPostcode(6000)).isEqualTo("06000");
        assertThat(Country.SE.formatPostcode(11120)).isEqualTo("111 20");
    }

    @Test
    void nationalIdsCarryValidCheckDigits() {
        SplittableRandom r = new SplittableRandom(6);
        for (int i = 0; i < 200; i++) {
            LocalDate birth = PersonFactory.birthBetween(1930, 2006, r);
            String no = NationalIds.norwegian(birth, i % 2 == 0, r);
            assertThat(no).hasSize(11).startsWith(Text.padded(birth.getDayOfMonth(), 2));
            assertThat(mod11(no, new int[] {3, 7, 6, 1, 8, 9, 4, 5, 2, 1})).isZero();
            assertThat(mod11(no, new int[] {5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1})).isZero();
            assertThat((no.charAt(8) - '0') % 2 == 1).isEqualTo(i % 2 == 0);

            String se = NationalIds.swedish(birth, true, r);
            assertThat(se).matches("\\d{6}[-+]\\d{4}");
            String digits = se.substring(0, 6) + se.substring(7);
            int sum = 0;
            for (int k = 0; k < 10; k++) {
                int d = (digits.charAt(k) - '0') * (k % 2 == 0 ? 2 : 1);
                sum += d / 10 + d % 10;
            }
            assertThat(sum % 10).isZero();

            String fr = NationalIds.french(birth, false, "75011", r);
            assertThat(fr).hasSize(15).startsWith("2");
            assertThat(97 - Long.parseLong(fr.substring(0, 13)) % 97).isEqualTo(Long.parseLong(fr.substring(13)));

            assertThat(NationalIds.german(r)).matches("[1-9]\\d{10}");
            assertThat(NationalIds.british(r)).matches("[A-Z]{2}\\d{6}[A-D]");
            assertThat(NationalIds.american(r)).matches("\\d{3}-\\d{2}-\\d{4}");
            assertThat(NationalIds.generate(Country.AU, birth, true, "2000", r)).matches("[1-9]\\d{6}");
        }
    }

    private static int mod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }

    @Test
    void phonesAreWrittenInTheNationalAndInternationalForms() {
        Phone no = new Phone(Country.NO, "91234567", 3);
        assertThat(no.format(PhoneStyle.NATIONAL)).isEqualTo("912 34 567");
        assertThat(no.format(PhoneStyle.INTERNATIONAL)).isEqualTo("+47 912 34 567");
        assertThat(no.format(PhoneStyle.E164)).isEqualTo("+4791234567");
        assertThat(no.format(PhoneStyle.IDD)).isEqualTo("0047-91234567");
        assertThat(no.format(PhoneStyle.DIGITS)).isEqualTo("91234567");
        assertThat(new Phone(Country.NO, "22123456", 2).format(PhoneStyle.NATIONAL)).isEqualTo("22 12 34 56");
        Phone se = new Phone(Country.SE, "701234567", 2);
        assertThat(se.format(PhoneStyle.NATIONAL)).isEqualTo("070-123 45 67");
        assertThat(se.format(PhoneStyle.INTERNATIONAL)).isEqualTo("+46 70 123 45 67");
        Phone us = new Phone(Country.US, "4155550123", 3);
        assertThat(us.format(PhoneStyle.NATIONAL)).isEqualTo("(415) 555-0123");
        assertThat(us.format(PhoneStyle.INTERNATIONAL)).isEqualTo("+1 415-555-0123");
        Phone fr = new Phone(Country.FR, "612345678", 1);
        assertThat(fr.format(PhoneStyle.NATIONAL)).isEqualTo("06 12 34 56 78");
        assertThat(fr.format(PhoneStyle.INTERNATIONAL)).isEqualTo("+33 6 12 34 56 78");
        Phone gb = new Phone(Country.GB, "7123456789", 4);
        assertThat(gb.format(PhoneStyle.NATIONAL)).isEqualTo("07123 456789");
        assertThat(gb.format(PhoneStyle.INTERNATIONAL)).isEqualTo("+44 7123 456789");
        assertThat(new Phone(Country.AU, "212345678", 1).format(PhoneStyle.NATIONAL)).isEqualTo("02 12345678");
    }
}
