package io.rapport.sim.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CorruptorTest {

    private final Catalog catalog = Catalog.get();
    private final PersonFactory factory = new PersonFactory(catalog, Profile.GENERIC);

    private Person person() {
        Person p = new Person(1, Country.NO, true, "english", "english");
        p.given = "William";
        p.family = "Thompson";
        p.birth = LocalDate.of(1985, 3, 12);
        p.address = factory.address(Country.NO, new SplittableRandom(1));
        p.phone = new Phone(Country.NO, "91234567", 3);
        p.email = "william.thompson@gmail.com";
        p.nationalId = "12038512345";
        return p;
    }

    private Draft draft(Person p) {
        Draft d = new Draft(p);
        d.set(Column.GIVEN_NAME, p.given);
        d.set(Column.FAMILY_NAME, p.family);
        d.set(Column.EMAIL, p.email);
        d.set(Column.STREET, p.address.street());
        d.set(Column.LOCALITY, p.address.locality().name());
        d.set(Column.NATIONAL_ID, p.nationalId);
        d.birth = p.birth;
        d.phone = p.phone;
        return d;
    }

    private static String[] row(Draft d) {
        Column[] columns = Column.values();
        String[] row = new String[columns.length];
        d.fill(row, columns, "X-1", false);
        return row;
    }

    @Test
    void typosChangeOneCharacterPosition() {
        Corruptor c = new Corruptor(catalog, factory, Profile.GENERIC, new SplittableRandom(1));
        for (int i = 0; i < 500; i++) {
            String typo = c.typo("Thompson");
            if (typo == null) {
                continue;
            }
            assertThat(typo).isNotEqualTo("Thompson");
            assertThat(Math.abs(typo.length() - "Thompson".length())).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void eachCorruptionChangesWhatItSays() {
        Corruptor c = new Corruptor(catalog, factory, Profile.GENERIC, new SplittableRandom(2));
        Person p = person();

        Draft nick = draft(p);
        assertThat(c.apply(Corruption.NICKNAME, nick)).isTrue();
        assertThat(nick.get(Column.GIVEN_NAME)).isIn("Bill", "Will", "Billy", "Willy", "Liam");

        Draft swap = draft(p);
        assertThat(c.apply(Corruption.SWAP_NAMES, swap)).isTrue();
        assertThat(swap.get(Column.GIVEN_NAME)).isEqualTo("Thompson");
        assertThat(swap.get(Column.FAMILY_NAME)).isEqualTo("William");

        Draft dayMonth = draft(p);
        assertThat(c.apply(Corruption.SWAP_DAY_MONTH, dayMonth)).isTrue();
        assertThat(row(dayMonth)[Column.BIRTH_DATE.ordinal()]).isEqualTo("1985-12-03");

        Draft format = draft(p);
        assertThat(c.apply(Corruption.DATE_FORMAT, format)).isTrue();
        assertThat(row(format)[Column.BIRTH_DATE.ordinal()]).isIn("12/03/1985", "19850312", "12.03.1985", "12 March 1985");

        Draft full = draft(p);
        assertThat(c.apply(Corruption.FULL_NAME_ONLY, full)).isTrue();
        assertThat(full.get(Column.GIVEN_NAME)).isNull();
        assertThat(full.get(Column.FAMILY_NAME)).isNull();
        assertThat(full.get(Column.FULL_NAME)).containsIgnoringCase("William").containsIgnoringCase("Thompson");

        Draft phone = draft(p);
        assertThat(c.apply(Corruption.PHONE_FORMAT, phone)).isTrue();
        assertThat(row(phone)[Column.PHONE.ordinal()]).isNotEqualTo("912 34 567")
                .isIn("+47 912 34 567", "+4791234567", "0047-91234567", "91234567");

        Draft moved = draft(p);
        assertThat(c.apply(Corruption.MOVED, moved)).isTrue();
        assertThat(moved.get(Column.STREET)).isNotEqualTo(p.address.street());

        Draft digit = draft(p);
        assertThat(c.apply(Corruption.DIGIT_ERROR, digit)).isTrue();
        String[] before = row(draft(p));
        String[] after = row(digit);
        int changed = 0;
        for (int i = 0; i < before.length; i++) {
            changed += before[i].equals(after[i]) ? 0 : 1;
        }
        assertThat(changed).isEqualTo(1);

        Draft missing = draft(p);
        assertThat(c.apply(Corruption.MISSING_VALUE, missing)).isTrue();
        assertThat(String.join("", row(missing)).length()).isLessThan(String.join("", row(draft(p))).length());

        Draft noBirth = draft(p);
        noBirth.birth = null;
        assertThat(c.apply(Corruption.SWAP_DAY_MONTH, noBirth)).as("not applicable").isFalse();
    }

    @Test
    void ocrAndPhoneticRulesApplyOnePattern() {
        Corruptor c = new Corruptor(catalog, factory, Profile.GENERIC, new SplittableRandom(3));
        Draft d = draft(person());
        d.set(Column.GIVEN_NAME, "Philippe");
        d.set(Column.FAMILY_NAME, "Phillips");
        d.clear(Column.STREET);
        d.clear(Column.LOCALITY);
        boolean sawF = false;
        for (int i = 0; i < 200; i++) {
            String s = c.rule("Philippe", new String[][] {{"ph", "f"}, {"pp", "p"}}, true);
            assertThat(s).isIn("Filippe", "Philipe");
            sawF |= s.equals("Filippe");
        }
        assertThat(sawF).isTrue();
        assertThat(Text.fold("Bjørn Müller Åse Chloé", false)).isEqualTo("Bjorn Muller Ase Chloe");
        assertThat(Text.fold("Bjørn Müller Åse", true)).isEqualTo("Bjoern Mueller Aase");
        assertThat(Text.slug("O'Brien-Sæther")).isEqualTo("obriensaether");
    }
}
