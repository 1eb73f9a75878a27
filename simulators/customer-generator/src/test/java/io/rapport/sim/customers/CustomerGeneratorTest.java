package io.rapport.sim.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CustomerGeneratorTest {

    private static GeneratorOptions.Builder options() {
        return GeneratorOptions.builder().seed(11).records(6_000);
    }

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() {
        Generated a = Generated.run(options().build());
        Generated b = Generated.run(options().build());
        Generated c = Generated.run(options().seed(12).build());

        assertThat(b.csv).isEqualTo(a.csv);
        assertThat(b.truth).isEqualTo(a.truth);
        assertThat(b.result).isEqualTo(a.result);
        assertThat(c.csv.get("crm")).isNotEqualTo(a.csv.get("crm"));
    }

    @Test
    void filesAreStrictRfc4180WithMinimalQuotingAndTheContractHeader() {
        Generated g = Generated.run(options().records(20_000).build());

        boolean quotedComma = false;
        boolean quotedQuote = false;
        boolean quotedNewline = false;
        for (String source : g.csv.keySet()) {
            List<List<String>> rows = g.rows.get(source);
            assertThat(rows.get(0)).containsExactlyElementsOf(Profile.GENERIC.columns());
            assertThat(rows.get(0)).containsExactly("source_id", "given_name", "family_name", "full_name",
                    "organization", "email", "phone", "street_number", "street", "address_line2", "locality", "region",
                    "postcode", "country", "birth_date", "national_id", "social_handle");
            for (List<String> row : rows) {
                assertThat(row).hasSize(rows.get(0).size());
                for (String field : row) {
                    quotedComma |= field.contains(",");
                    quotedQuote |= field.contains("\"");
                    quotedNewline |= field.contains("\n");
                }
            }
            // Parsing and writing back with minimal quoting reproduces the file byte for byte: every field that
            // needs quotes has them, no other field does, and inner quotes are doubled.
            assertThat(Rfc4180.write(rows)).isEqualTo(g.csv.get(source));
        }
        assertThat(quotedComma).as("some value holds a comma").isTrue();
        assertThat(quotedQuote).as("some value holds a double quote").isTrue();
        assertThat(quotedNewline).as("some value holds a line break").isTrue();
        assertThat(g.truthRows.get(0)).containsExactly("source", "source_id", "entity_id");
    }

    @Test
    void truthListsEveryRecordExactlyOnceAndSourceIdsAreUniquePerSource() {
        Generated g = Generated.run(options().records(10_000).build());

        Set<String> records = new HashSet<>();
        for (String source : g.rows.keySet()) {
            for (List<String> row : g.rows.get(source).subList(1, g.rows.get(source).size())) {
                assertThat(records.add(source + "/" + row.get(0))).as("unique " + source + " id " + row.get(0)).isTrue();
            }
        }
        Set<String> truth = new HashSet<>();
        for (List<String> row : g.truthRows.subList(1, g.truthRows.size())) {
            assertThat(row).hasSize(3);
            assertThat(truth.add(row.get(0) + "/" + row.get(1))).isTrue();
        }
        assertThat(truth).isEqualTo(records).hasSize(10_000);
        assertThat(g.result.records()).isEqualTo(10_000);
        assertThat(g.result.recordsPerSource().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10_000);
        for (String source : GeneratorOptions.DEFAULT_SOURCES) {
            assertThat(g.result.recordsPerSource().get(source)).isEqualTo(g.rows.get(source).size() - 1L)
                    .isBetween(3_000L, 3_700L);
        }
    }

    @Test
    void duplicateCountsFollowTheOptions() {
        Generated g = Generated.run(GeneratorOptions.builder().seed(3).entities(5_000).duplicateRatio(0.4)
                .maxDuplicates(5).build());
        Map<String, Integer> perEntity = g.recordsPerEntity();

        assertThat(perEntity).hasSize(5_000);
        assertThat(g.result.entities()).isEqualTo(5_000);
        long duplicated = perEntity.values().stream().filter(n -> n > 1).count();
        assertThat(duplicated).isEqualTo(g.result.duplicatedEntities());
        assertThat(duplicated / 5_000.0).isCloseTo(0.4, within(0.03));
        assertThat(perEntity.values()).allSatisfy(n -> assertThat(n).isBetween(1, 6));
        assertThat(perEntity.values()).contains(6);
        long records = perEntity.values().stream().mapToLong(Integer::longValue).sum();
        assertThat(records).isEqualTo(g.result.records()).isEqualTo(5_000 + g.result.duplicateRecords());
        // Every duplicate carries at least one and at most maxModifications corruptions.
        long corruptions = g.result.corruptions().values().stream().mapToLong(Long::longValue).sum();
        assertThat(corruptions).isBetween(g.result.duplicateRecords(), 3 * g.result.duplicateRecords());

        Generated none = Generated.run(GeneratorOptions.builder().seed(3).entities(2_000).duplicateRatio(0).build());
        assertThat(none.result.records()).isEqualTo(2_000);
        assertThat(none.recordsPerEntity().values()).containsOnly(1);

        Generated pairs = Generated.run(GeneratorOptions.builder().seed(3).entities(2_000).duplicateRatio(1)
                .maxDuplicates(1).build());
        assertThat(pairs.recordsPerEntity().values()).containsOnly(2);

        Generated uniform = Generated.run(GeneratorOptions.builder().seed(3).entities(4_000).duplicateRatio(1)
                .maxDuplicates(3).duplicateDistribution(DuplicateDistribution.UNIFORM).build());
        assertThat(uniform.result.records() / 4_000.0).isCloseTo(1 + 2.0, within(0.1));
    }

    @Test
    void duplicatesAlsoLandInTheSameSourceAsTheirOriginal() {
        Generated g = Generated.run(options().records(5_000).build());
        Set<String> seen = new HashSet<>();
        boolean sameSource = false;
        for (List<String> row : g.truthRows.subList(1, g.truthRows.size())) {
            sameSource |= !seen.add(row.get(0) + "/" + row.get(2));
        }
        assertThat(sameSource).isTrue();
    }

    @Test
    void recordTargetIsHitExactly() {
        for (long target : new long[] {1, 2, 7, 999}) {
            Generated g = Generated.run(options().records(target).build());
            assertThat(g.result.records()).isEqualTo(target);
            assertThat(g.truthRows).hasSize((int) target + 1);
        }
    }

    @Test
    void genericProfileWritesCountriesInSeveralFormsAndNativeDiacritics() {
        Generated g = Generated.run(options().records(20_000).build());
        Set<String> countries = new HashSet<>();
        boolean diacritics = false;
        for (String source : g.rows.keySet()) {
            for (Map<String, String> r : g.records(source)) {
                countries.add(r.get("country"));
                diacritics |= r.get("given_name").matches(".*[øåæéèëöüñó].*");
            }
        }
        assertThat(countries).contains("NO", "Norway", "Norge", "SE", "Sverige", "DE", "Deutschland", "GB", "UK", "US",
                "USA", "FR", "France");
        assertThat(diacritics).isTrue();
    }

    @Test
    void febrlProfileLooksLikeFebrl() {
        Generated g = Generated.run(GeneratorOptions.builder().seed(5).records(8_000).profile(Profile.FEBRL)
                .sources("febrl").invalidRatio(0).build());
        assertThat(g.header("febrl")).containsExactly("source_id", "given_name", "family_name", "phone",
                "street_number", "street", "address_line2", "locality", "region", "postcode", "birth_date",
                "national_id");
        Pattern date = Pattern.compile("(19[0-9]{2}|20[0-2][0-9])(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])");
        Set<String> states = Set.of("nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt");
        int phones = 0;
        int buildings = 0;
        List<Map<String, String>> records = g.records("febrl");
        for (Map<String, String> r : records) {
            assertThat(r.get("source_id")).startsWith("rec-");
            if (!r.get("birth_date").isEmpty()) {
                assertThat(r.get("birth_date")).matches(date);
            }
            if (!r.get("national_id").isEmpty()) {
                assertThat(r.get("national_id")).matches("[0-9]{7}");
            }
            if (!r.get("region").isEmpty()) {
                assertThat(states).contains(r.get("region"));
            }
            if (!r.get("postcode").isEmpty()) {
                assertThat(r.get("postcode")).matches("[0-9]{4}");
            }
            for (Map.Entry<String, String> e : r.entrySet()) {
                if (!e.getKey().equals("source_id")) {
                    assertThat(e.getValue()).isEqualTo(e.getValue().toLowerCase());
                }
            }
            phones += r.get("phone").isEmpty() ? 0 : 1;
            buildings += r.get("address_line2").isEmpty() ? 0 : 1;
        }
        assertThat(phones).as("phone often absent").isLessThan(records.size() / 2);
        assertThat(buildings).as("some building names").isGreaterThan(records.size() / 20);
    }

    @Test
    void invalidValuesAppearAtTheRequestedRatio() {
        Generated all = Generated.run(options().records(2_000).invalidRatio(1).build());
        assertThat(all.result.invalidValues()).isEqualTo(2_000);
        Generated none = Generated.run(options().records(2_000).invalidRatio(0).noiseRatio(0).build());
        assertThat(none.result.invalidValues()).isZero();
        assertThat(none.result.noisyRecords()).isZero();
        for (Map<String, String> r : none.records("crm")) {
            if (!r.get("birth_date").isEmpty()) {
                // Without invalid values every date is a real calendar date in one of the known forms.
                assertThat(r.get("birth_date")).matches(
                        "\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4}|\\d{8}|\\d{2}\\.\\d{2}\\.\\d{4}|\\d{1,2} [A-Z][a-z]+ \\d{4}");
            }
            assertThat(r.get("phone")).doesNotContain("n/a", "unknown");
        }
    }

    @Test
    void corruptionWeightsSelectTheCorruptions() {
        Generated g = Generated.run(options().records(3_000)
                .corruptionWeights(Map.of(Corruption.NICKNAME, 1.0, Corruption.SWAP_NAMES, 1.0)).build());
        assertThat(g.result.corruptions().entrySet()).allSatisfy(e -> {
            if (e.getKey() != Corruption.NICKNAME && e.getKey() != Corruption.SWAP_NAMES) {
                assertThat(e.getValue()).as(e.getKey().name()).isZero();
            }
        });
        assertThat(g.result.corruptions().get(Corruption.SWAP_NAMES)).isPositive();
        assertThat(g.result.corruptions().get(Corruption.NICKNAME)).isPositive();
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> GeneratorOptions.builder().sources("crm", "crm").build())
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> GeneratorOptions.builder().sources("bad name").build())
                .hasMessageContaining("source name");
        assertThatThrownBy(() -> GeneratorOptions.builder().duplicateRatio(1.5).build())
                .hasMessageContaining("duplicateRatio");
        assertThatThrownBy(() -> GeneratorOptions.builder().records(0).build())
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> GeneratorOptions.builder().maxModifications(0).build())
                .hasMessageContaining("maxModifications");
        GeneratorOptions defaults = GeneratorOptions.builder().build();
        assertThat(defaults.sources()).containsExactly("crm", "erp", "webshop");
        assertThat(defaults.duplicateRatio()).isEqualTo(0.4);
        assertThat(defaults.maxDuplicates()).isEqualTo(5);
        assertThat(defaults.maxModifications()).isEqualTo(3);
        assertThat(defaults.corruptionWeights()).isEqualTo(Corruption.defaultWeights(Profile.GENERIC));
        assertThat(defaults.toBuilder().build()).isEqualTo(defaults);

        CustomerGenerator generator = new CustomerGenerator(defaults);
        assertThatThrownBy(() -> generator.generate(Map.of("crm", new StringWriter()), new StringWriter()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one writer per source");
    }
}
