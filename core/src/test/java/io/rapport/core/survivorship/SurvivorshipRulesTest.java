package io.rapport.core.survivorship;

import static io.rapport.core.survivorship.Strategy.MOST_COMPLETE;
import static io.rapport.core.survivorship.Strategy.MOST_FREQUENT;
import static io.rapport.core.survivorship.Strategy.MOST_RECENT;
import static io.rapport.core.survivorship.Strategy.SOURCE_PRIORITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SurvivorshipRulesTest {

    @Test
    void defaultsAreTheDocumentedRulePerField() {
        SurvivorshipRules rules = SurvivorshipRules.defaults();

        assertThat(rules.ruleFor("given_name").strategies()).containsExactly(MOST_FREQUENT, MOST_RECENT);
        assertThat(rules.ruleFor("family_name").strategies()).containsExactly(MOST_FREQUENT, MOST_RECENT);
        assertThat(rules.ruleFor("full_name").strategies()).containsExactly(MOST_FREQUENT, MOST_RECENT);
        assertThat(rules.ruleFor("organization").strategies()).containsExactly(MOST_FREQUENT, MOST_RECENT);
        assertThat(rules.ruleFor("email").strategies()).containsExactly(MOST_RECENT);
        assertThat(rules.ruleFor("phone").strategies()).containsExactly(MOST_RECENT);
        assertThat(rules.ruleFor("address").strategies()).containsExactly(MOST_RECENT, MOST_COMPLETE);
        assertThat(rules.ruleFor("birth_date").strategies()).containsExactly(MOST_FREQUENT, SOURCE_PRIORITY, MOST_RECENT);
        assertThat(rules.ruleFor("national_id").strategies()).containsExactly(MOST_FREQUENT, SOURCE_PRIORITY, MOST_RECENT);
        assertThat(rules.defaultRule().strategies()).containsExactly(MOST_FREQUENT, MOST_RECENT);
        assertThat(rules.fields().values()).allSatisfy(rule -> assertThat(rule.sourcePriority()).isEmpty());
        assertThat(rules.fields().keySet()).containsExactlyInAnyOrderElementsOf(GoldenFields.CONFIGURABLE);
    }

    @Test
    void missingPartsAreFilledWithDefaults() {
        assertThat(new SurvivorshipRules(null, null)).isEqualTo(SurvivorshipRules.defaults());
        assertThat(new FieldRule(null, null)).isEqualTo(new FieldRule(FieldRule.DEFAULT_STRATEGIES, List.of()));
        assertThat(new SurvivorshipRules(Map.of(), null).defaultRule()).isEqualTo(new FieldRule(null, null));
    }

    @Test
    void aFieldLeftOutOfAGivenMapUsesTheDefaultRule() {
        FieldRule fallback = FieldRule.of(MOST_COMPLETE);
        SurvivorshipRules rules = new SurvivorshipRules(
                Map.of("birth_date", new FieldRule(List.of(SOURCE_PRIORITY), List.of("erp"))), fallback);

        assertThat(rules.ruleFor("birth_date").sourcePriority()).containsExactly("erp");
        assertThat(rules.ruleFor("email")).isEqualTo(fallback);
    }

    @Test
    void anUnknownFieldNameIsRejected() {
        assertThatThrownBy(() -> new SurvivorshipRules(Map.of("birthdate", FieldRule.of(MOST_RECENT)), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'birthdate'")
                .hasMessageContaining("birth_date");
    }

    @Test
    void consentsAndListFieldsTakeNoRule() {
        for (String field : List.of("consents", "emails", "phones", "social_handles")) {
            assertThatThrownBy(() -> new SurvivorshipRules(Map.of(field, FieldRule.of(MOST_RECENT)), null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
        }
    }

    @Test
    void aFieldListedWithoutARuleIsRejected() {
        Map<String, FieldRule> fields = new HashMap<>();
        fields.put("email", null);

        assertThatThrownBy(() -> new SurvivorshipRules(fields, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
    }

    @Test
    void aSourcePriorityWithoutTheSourcePriorityStrategyIsRejected() {
        assertThatThrownBy(() -> new FieldRule(List.of(MOST_RECENT), List.of("erp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOURCE_PRIORITY");
        assertThatThrownBy(() -> new FieldRule(null, List.of("erp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOURCE_PRIORITY");
    }

    @Test
    void sourcePriorityEntriesMustBeDistinctValidSourceNames() {
        assertThatThrownBy(() -> new FieldRule(List.of(SOURCE_PRIORITY), List.of("erp main")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source name");
        assertThatThrownBy(() -> new FieldRule(List.of(SOURCE_PRIORITY), List.of("erp", "erp")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> new FieldRule(List.of(SOURCE_PRIORITY), Arrays.asList("erp", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void anEmptyStrategyEntryIsRejected() {
        assertThatThrownBy(() -> new FieldRule(Arrays.asList(MOST_RECENT, null), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    }

    @Test
    void rulesAreImmutableCopies() {
        List<Strategy> strategies = new ArrayList<>(List.of(MOST_RECENT));
        Map<String, FieldRule> fields = new HashMap<>();
        FieldRule rule = new FieldRule(strategies, null);
        fields.put("email", rule);
        SurvivorshipRules rules = new SurvivorshipRules(fields, null);

        strategies.add(MOST_COMPLETE);
        fields.put("phone", rule);

        assertThat(rule.strategies()).containsExactly(MOST_RECENT);
        assertThat(rules.fields()).containsOnlyKeys("email");
    }

    /** The shipped config/survivorship.yaml is the defaults written out (core has no YAML library: a line reader). */
    @Test
    void theShippedConfigFileStatesTheDefaults() throws IOException {
        Path file = Path.of("..", "config", "survivorship.yaml");
        assertThat(file).as("config/survivorship.yaml next to the core module").exists();

        Pattern section = Pattern.compile("^(fields|defaultRule):\\s*$");
        Pattern field = Pattern.compile("^  ([a-z_]+):\\s*$");
        Pattern list = Pattern.compile("^\\s+(strategies|sourcePriority):\\s*\\[(.*)]\\s*$");
        Map<String, Map<String, List<String>>> parsed = new LinkedHashMap<>();
        String current = null;
        String inSection = null;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            Matcher m;
            if ((m = section.matcher(line)).matches()) {
                inSection = m.group(1);
                current = inSection.equals("defaultRule") ? "defaultRule" : null;
            } else if ("fields".equals(inSection) && (m = field.matcher(line)).matches()) {
                current = m.group(1);
            } else if ((m = list.matcher(line)).matches() && current != null) {
                List<String> items = m.group(2).isBlank() ? List.of()
                        : Arrays.stream(m.group(2).split(",")).map(String::strip).toList();
                parsed.computeIfAbsent(current, k -> new LinkedHashMap<>()).put(m.group(1), items);
            } else {
                throw new AssertionError("unexpected line in " + file + ": " + line);
            }
        }

        Map<String, FieldRule> fields = new LinkedHashMap<>();
        FieldRule defaultRule = null;
        for (Map.Entry<String, Map<String, List<String>>> entry : parsed.entrySet()) {
            FieldRule rule = new FieldRule(
                    entry.getValue().get("strategies").stream().map(Strategy::valueOf).toList(),
                    entry.getValue().get("sourcePriority"));
            if (entry.getKey().equals("defaultRule")) {
                defaultRule = rule;
            } else {
                fields.put(entry.getKey(), rule);
            }
        }
        assertThat(new SurvivorshipRules(fields, defaultRule)).isEqualTo(SurvivorshipRules.defaults());
    }
}
