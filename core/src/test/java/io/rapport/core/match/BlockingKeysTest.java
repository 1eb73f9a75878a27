package io.rapport.core.match;

import static io.rapport.core.match.Person.febrl;
import static io.rapport.core.match.Person.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BlockingKeysTest {

    private final BlockingKeys keys = new BlockingKeys(MatchSettings.defaults().blocking());

    private static Person original() {
        return febrl("michaela", "neumann", "8", "stanley street", "winston hills", "4223", "nsw", "19151111",
                "5304218");
    }

    /** Per field, ways a duplicate can damage it: a typo that changes the sound, a digit typo, or nothing left. */
    private static Map<String, List<UnaryOperator<Person>>> corruptions() {
        Map<String, List<UnaryOperator<Person>>> c = new LinkedHashMap<>();
        c.put("given", List.of(p -> p.given("nichaela"), p -> p.given("mikaela"), p -> p.given(null)));
        c.put("family", List.of(p -> p.family("beumann"), p -> p.family("neuwann"), p -> p.family(null)));
        c.put("street_number", List.of(p -> p.streetNumber("3"), p -> p.streetNumber(null)));
        c.put("street", List.of(p -> p.street("stanely street"), p -> p.street(null)));
        c.put("locality", List.of(p -> p.locality("winstom hills"), p -> p.locality(null)));
        c.put("postcode", List.of(p -> p.postcode("4233"), p -> p.postcode(null)));
        c.put("birth_date", List.of(p -> p.born("19511111"), p -> p.born("19151112"), p -> p.born(null)));
        c.put("national_id", List.of(p -> p.nid("5304213"), p -> p.nid(null)));
        return c;
    }

    private boolean shareAKey(Person a, Person b) {
        Set<String> shared = new HashSet<>(keys.of(a.profile()));
        shared.retainAll(keys.of(b.profile()));
        return !shared.isEmpty();
    }

    @Test
    void filedUnderAgreesWithTheKeysThemselves() {
        List<Person> variants = new java.util.ArrayList<>();
        variants.add(original());
        variants.add(febrl("neumann", "michaela", "8", "stanley street", "winston hills", "4223", "nsw", "19150101",
                null));
        corruptions().values().forEach(damages -> damages.forEach(damage -> variants.add(damage.apply(original()))));
        for (Person a : variants) {
            for (Person b : variants) {
                Set<String> otherKeys = keys.of(b.profile());
                for (String key : keys.of(a.profile())) {
                    String kind = BlockingKeys.kindOf(key);
                    if (!BlockingKeys.identifies(key)) {
                        assertThat(BlockingKeys.filedUnder(kind, a.profile(), b.profile()))
                                .as("%s: %s / %s", key, a, b).isEqualTo(otherKeys.contains(key));
                    }
                }
            }
        }
    }

    @Test
    void aDuplicateWithAnyOneFieldDamagedSharesAKeyWithItsOriginal() {
        for (Map.Entry<String, List<UnaryOperator<Person>>> field : corruptions().entrySet()) {
            for (UnaryOperator<Person> damage : field.getValue()) {
                Person duplicate = damage.apply(original());
                assertThat(shareAKey(original(), duplicate)).as(field.getKey()).isTrue();
            }
        }
    }

    @Test
    void aDuplicateWithAnyTwoFieldsDamagedStillSharesAKeyWithItsOriginal() {
        List<Map.Entry<String, List<UnaryOperator<Person>>>> fields = List.copyOf(corruptions().entrySet());
        for (int i = 0; i < fields.size(); i++) {
            for (int j = i + 1; j < fields.size(); j++) {
                for (UnaryOperator<Person> first : fields.get(i).getValue()) {
                    for (UnaryOperator<Person> second : fields.get(j).getValue()) {
                        Person duplicate = second.apply(first.apply(original()));
                        assertThat(shareAKey(original(), duplicate))
                                .as(fields.get(i).getKey() + " + " + fields.get(j).getKey()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void swappedGivenAndFamilyNamesShareTheNamesKey() {
        Person swapped = original().given("neumann").family("michaela");
        assertThat(keys.of(swapped.profile())).filteredOn(k -> k.startsWith("names:"))
                .containsExactlyElementsOf(keys.of(original().profile()).stream().filter(k -> k.startsWith("names:"))
                        .toList());
    }

    @Test
    void everyKeyStartsWithItsKind() {
        Person p = original().email("m.neumann@example.com", false).phone("+61738451234");
        Set<String> produced = keys.of(p.profile());
        assertThat(produced).extracting(BlockingKeys::kindOf).containsExactlyInAnyOrderElementsOf(BlockingKeys.KINDS);
        assertThat(produced).contains("dob:19151111", "nid:5304218", "email:m.neumann@example.com",
                "phone:+61738451234", "pc-sn:4223:8");
    }

    @Test
    void onlyEnabledKindsAreProducedAndTheBlockSizeLimitIsExposed() {
        BlockingKeys few = new BlockingKeys(new MatchSettings.Blocking(List.of("dob", "nid"), 50, null));
        assertThat(few.of(original().profile())).containsExactly("dob:19151111", "nid:5304218");
        assertThat(few.maxBlockSize()).isEqualTo(50);
        assertThat(keys.maxBlockSize()).isEqualTo(MatchSettings.Blocking.DEFAULT_MAX_BLOCK_SIZE);
    }

    @Test
    void aRecordWithNothingToBlockOnHasNoKeys() {
        assertThat(keys.of(person(null, null).profile())).isEmpty();
    }
}
