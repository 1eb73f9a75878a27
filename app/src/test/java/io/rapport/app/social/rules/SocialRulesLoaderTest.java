package io.rapport.app.social.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.social.rules.ActionType;
import io.rapport.core.social.rules.Evaluation;
import io.rapport.core.social.rules.MatchMode;
import io.rapport.core.social.rules.PlannedAction;
import io.rapport.core.social.rules.RoundRobin;
import io.rapport.core.social.rules.SocialFacts;
import io.rapport.core.social.rules.SocialFacts.CustomerLink;
import io.rapport.core.social.rules.SocialFacts.CustomerLink.LinkMethod;
import io.rapport.core.social.rules.SocialRuleSet;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule file format: what loads, and every kind of mistake reported where it is. */
class SocialRulesLoaderTest {

    private final SocialRulesLoader loader = new SocialRulesLoader();

    private List<String> problems(String yaml) {
        try {
            loader.parse("rules.yaml", yaml);
        } catch (SocialRulesException e) {
            return e.problems().stream().map(RuleFileProblem::toString).toList();
        }
        throw new AssertionError("expected problems in:\n" + yaml);
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    @Test
    void theShippedFileLoadsAndActsAsTheIssueAsks() {
        SocialRuleSet rules = loader.load(Path.of("..", "config", "social-rules.yaml"));

        assertThat(rules.mode()).isEqualTo(MatchMode.ALL_MATCH);
        assertThat(rules.rules()).extracting(rule -> rule.id()).containsExactly("ignore-spam",
                "prospect-purchase-intent", "customer-complaint", "negative-influencer", "questions");
        assertThat(rules.guard().talkPercent()).isEqualTo(25);
        assertThat(rules.followUp("prospect-purchase-intent").orElseThrow().within()).isEqualTo(Duration.ofHours(4));

        Evaluation buyer = rules.evaluate(facts("purchase_intent", "neutral", 0.1, 30, 3, CustomerLink.prospect(),
                "es"), RoundRobin.inMemory());
        PlannedAction lead = buyer.first(ActionType.CREATE_LEAD).orElseThrow();
        assertThat(lead.fields()).containsEntry("LeadSource", "Social").containsEntry("OwnerId", "005000000000021AAA")
                .containsEntry("Description", "@buyer on x (150 followers):\nI want to buy the X2\n\n"
                        + "https://x.com/buyer/status/1");
        assertThat(buyer.first(ActionType.CHATTER_POST).orElseThrow().field("subjectId"))
                .isEqualTo("005000000000021AAA");

        CustomerLink customer = CustomerLink.known("c-1", 1, LinkMethod.DECLARED_HANDLE, "003000000000001AAA", null);
        Evaluation complaint = rules.evaluate(facts("complaint", "negative", -0.7, 80, 4, customer, "en"),
                RoundRobin.inMemory());
        assertThat(complaint.actions()).extracting(PlannedAction::type).containsExactly(ActionType.CREATE_CASE,
                ActionType.QUEUE_REPLY, ActionType.SLACK_ALERT, ActionType.CHATTER_POST);
        assertThat(complaint.actions().get(0).fields()).containsEntry("ContactId", "003000000000001AAA")
                .containsEntry("Origin", "Social").containsEntry("Priority", "High");

        Evaluation spam = rules.evaluate(facts("spam", "negative", -0.9, 90, 1, CustomerLink.prospect(), "en"),
                RoundRobin.inMemory());
        assertThat(spam.ignoredBy()).isEqualTo("ignore-spam");
        assertThat(spam.actions()).isEmpty();
    }

    static SocialFacts facts(String intent, String label, double score, int influence, int degree,
                             CustomerLink customer, String language) {
        return new SocialFacts(
                new SocialFacts.Post("x:1", "x-acme", "x", "https://x.com/buyer/status/1",
                        Instant.parse("2026-03-02T10:00:00Z"), "I want to buy the X2", List.of(), List.of(), false,
                        false),
                new SocialFacts.Author("buyer", null, 150, false, null),
                new SocialFacts.Reading(language, label, score, intent, influence, degree), customer);
    }

    @Test
    void aMinimalFileTakesEveryDefault() {
        SocialRuleSet rules = loader.parse("rules.yaml", "rules: []\n");

        assertThat(rules.rules()).isEmpty();
        assertThat(rules.mode()).isEqualTo(MatchMode.ALL_MATCH);
        assertThat(rules.guard().listenPercent()).isEqualTo(75);
        assertThat(rules.followUp().isOff()).isTrue();
    }

    @Test
    void guardSettingsAreRead() {
        SocialRuleSet rules = loader.parse("rules.yaml", lines("guard:", "  talk: 10", "  zone: Europe/Oslo",
                "rules: []"));

        assertThat(rules.guard().listenPercent()).isEqualTo(90);
        assertThat(rules.guard().zone()).isEqualTo(ZoneId.of("Europe/Oslo"));
    }

    @Test
    void anUnknownKeyIsReportedWhereItIsWithTheKeyMeant() {
        assertThat(problems(lines(
                "rules:",
                "  - id: buyers",
                "    when:",
                "      intnet: purchase_intent",
                "    then: [createLead]")))
                .containsExactly("rules.yaml:4:7: rules[1] (buyers).when: unknown key intnet (did you mean intent?)");
    }

    @Test
    void anUnknownTopLevelKeyListsTheKnownOnesWhenNothingIsClose() {
        assertThat(problems(lines("colour: blue", "rules: []"))).containsExactly(
                "rules.yaml:1:1: the file: unknown key colour; known keys: mode, guard, assignment, followUp, rules");
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertThat(problems(lines(
                "rules:",
                "  - id: loud",
                "    enabled: sometimes",
                "    when:",
                "      influenceAtLeast: high",
                "      degreeAtLeast: 9",
                "      keywords: {a: b}",
                "    then: createLead")))
                .containsExactly(
                        "rules.yaml:3:14: rules[1] (loud).enabled must be true or false, not sometimes",
                        "rules.yaml:5:25: rules[1] (loud).when.influenceAtLeast must be a whole number 0-100, not high",
                        "rules.yaml:6:22: rules[1] (loud).when.degreeAtLeast must be 1-6, not 9",
                        "rules.yaml:7:17: rules[1] (loud).when.keywords must be a value or a list of values, not a"
                                + " mapping",
                        "rules.yaml:8:11: rules[1] (loud).then must be a list (lines starting with -), not text");
    }

    @Test
    void unknownIntentsAndLabelsNameTheKnownValues() {
        assertThat(problems(lines(
                "rules:",
                "  - id: r",
                "    when:",
                "      intent: [complaint, complaints, buying]",
                "      sentiment: angry",
                "    then: [ignore]")))
                .containsExactly(
                        "rules.yaml:4:27: rules[1] (r).when.intent: unknown intent complaints (did you mean"
                                + " complaint?); one of complaint, other, praise, purchase_intent, question, spam",
                        "rules.yaml:4:39: rules[1] (r).when.intent: unknown intent buying; one of complaint, other,"
                                + " praise, purchase_intent, question, spam",
                        "rules.yaml:5:18: rules[1] (r).when.sentiment: unknown sentiment label angry; one of"
                                + " negative, neutral, positive");
    }

    @Test
    void badDurationsAreReported() {
        assertThat(problems(lines(
                "followUp:",
                "  within: 4 hours",
                "  escalate: [{reassign: 00G000000000001AAA}]",
                "rules:",
                "  - id: r",
                "    then:",
                "      - createLead:",
                "          followUp: {within: PT0S, escalate: [{reassign: 00G000000000001AAA}]}")))
                .containsExactly(
                        "rules.yaml:2:11: followUp.within: 4 hours is not an ISO-8601 duration such as PT4H, PT30M"
                                + " or P1D",
                        "rules.yaml:8:30: rules[1] (r).then[1] createLead.followUp.within must be a positive"
                                + " duration, not PT0S");
    }

    @Test
    void anUnknownPlaceholderIsReportedOnItsOwnLineInsideABlock() {
        assertThat(problems(lines(
                "rules:",
                "  - id: r",
                "    then:",
                "      - createLead:",
                "          fields:",
                "            Description: |",
                "              From ${author.handle}",
                "              see ${post.ulr}",
                "            Title: \"Fan of ${post.platfrom}\"")))
                .containsExactly(
                        "rules.yaml:8:19: rules[1] (r).then[1] createLead.fields.Description: placeholder"
                                + " ${post.ulr} is unknown (did you mean ${post.url}?)",
                        "rules.yaml:9:28: rules[1] (r).then[1] createLead.fields.Title: placeholder"
                                + " ${post.platfrom} is unknown (did you mean ${post.platform}?)");
    }

    @Test
    void customerPlaceholdersNeedAKnownAuthor() {
        assertThat(problems(lines(
                "rules:",
                "  - id: r",
                "    then:",
                "      - alert:",
                "          slack: {channel: '#x', message: 'customer ${customer.id}'}")))
                .containsExactly("rules.yaml:5:53: rules[1] (r).then[1] alert.slack.message: placeholder"
                        + " ${customer.id} is not available here: customer placeholders need author: known in the"
                        + " rule's when (a prospect is nobody's customer)");
    }

    @Test
    void duplicateRuleIdsPointAtTheSecondAndNameTheFirst() {
        assertThat(problems(lines(
                "rules:",
                "  - id: same",
                "    then: [ignore]",
                "  - id: same",
                "    then: [ignore]")))
                .containsExactly("rules.yaml:4:9: rules[2] (same): rule id same is used twice (first on line 2)");
    }

    @Test
    void aKeyGivenTwiceIsReported() {
        assertThat(problems(lines(
                "rules:",
                "  - id: r",
                "    when: {intent: spam}",
                "    when: {intent: question}",
                "    then: [ignore]")))
                .containsExactly("rules.yaml:4:5: rules[1] (r): when is given twice (first on line 3)");
    }

    @Test
    void actionsMissingRequiredSettingsAreReported() {
        assertThat(problems(lines(
                "rules:",
                "  - id: r",
                "    then:",
                "      - createCase",
                "      - alert:",
                "          slack: {channel: '#x'}",
                "      - alert",
                "      - queueReply: {priority: urgent}",
                "      - createLaed: {}")))
                .containsExactly(
                        "rules.yaml:4:9: rules[1] (r).then[1] createCase: a Case needs a known customer: add author:"
                                + " known to the rule's when",
                        "rules.yaml:6:18: rules[1] (r).then[2] alert.slack needs message",
                        "rules.yaml:7:9: rules[1] (r).then[3] alert needs slack, chatter or both",
                        "rules.yaml:8:32: rules[1] (r).then[4] queueReply.priority: unknown value urgent; one of"
                                + " high, normal, low, auto",
                        "rules.yaml:9:9: rules[1] (r).then[5]: unknown action createLaed (did you mean createLead?);"
                                + " actions here: createLead, createCase, alert, queueReply, ignore");
    }

    @Test
    void ownersAndSubjectsMustBeSalesforceIdsOfTheRightKind() {
        assertThat(problems(lines(
                "assignment:",
                "  pools: {emea: [005000000000001AAA, jane.doe]}",
                "  rules:",
                "    - when: {country: [NO, XX]}",
                "      pool: emae",
                "    - owner: 001000000000001AAA",
                "rules:",
                "  - id: r",
                "    then:",
                "      - alert: {chatter: {subject: lead-owner, message: hi}}")))
                .containsExactly(
                        "rules.yaml:2:38: assignment.pools.emea: jane.doe is not a Salesforce User (005...) or Queue"
                                + " (00G...) id of 15 or 18 characters",
                        "rules.yaml:4:28: assignment.rules[1].when.country: XX is not an ISO 3166-1 alpha-2 country"
                                + " code such as NO, DE or US",
                        "rules.yaml:5:13: assignment.rules[1].pool: no pool named emae (did you mean emea?); pools:"
                                + " emea",
                        "rules.yaml:6:14: assignment.rules[2].owner: 001000000000001AAA is not a Salesforce User"
                                + " (005...) or Queue (00G...) id of 15 or 18 characters",
                        "rules.yaml:10:36: rules[1] (r).then[1] alert.chatter.subject: lead-owner needs a createLead in"
                                + " the same rule");
    }

    @Test
    void linkTestsNeedAKnownAuthorAndBoundsMustLeaveRoom() {
        assertThat(problems(lines(
                "rules:",
                "  - id: r",
                "    when:",
                "      author: prospect",
                "      minConfidence: 0.9",
                "      scoreAbove: 0.5",
                "      scoreBelow: -0.5",
                "    then: [ignore]")))
                .containsExactly(
                        "rules.yaml:5:7: rules[1] (r).when.minConfidence tests the customer link: it needs author:"
                                + " known",
                        "rules.yaml:7:7: rules[1] (r).when: scoreAbove 0.5 and scoreBelow -0.5 never match"
                                + " together");
    }

    @Test
    void theGuardMustAddUpAndNameARealZone() {
        assertThat(problems(lines(
                "guard: {listen: 70, talk: 25, zone: Europe/Olso}",
                "rules: []")))
                .containsExactly(
                        "rules.yaml:1:27: guard: listen 70 and talk 25 must add up to 100",
                        "rules.yaml:1:37: guard.zone: Europe/Olso is not a time zone (did you mean Europe/Oslo?); use"
                                + " UTC or a region such as Europe/Oslo");
    }

    @Test
    void everyProblemOfTheFileIsReportedAtOnceInLineOrder() {
        SocialRulesException error = null;
        try {
            loader.parse("config/social-rules.yaml", lines(
                    "mode: any-match",
                    "rules:",
                    "  - id: a",
                    "    when: {intent: buy}",
                    "    then: [createLead]",
                    "  - description: no id",
                    "    then: [ignore]",
                    "  - id: c",
                    "    then:",
                    "      - createLead: {fields: {OwnerId: x}}"));
        } catch (SocialRulesException e) {
            error = e;
        }

        assertThat(error).isNotNull();
        assertThat(error.problems()).extracting(RuleFileProblem::line).containsExactly(1, 4, 6, 10);
        assertThat(error.getMessage()).startsWith("invalid config/social-rules.yaml (4 problems):\n"
                + "  config/social-rules.yaml:1:7: mode: unknown value any-match (did you mean all-match?); one of first-match, all-match\n");
        assertThat(error.getMessage()).contains("config/social-rules.yaml:6:5: rules[2] needs an id",
                "config/social-rules.yaml:10:31: rules[3] (c).then[1] createLead.fields: OwnerId is set by the hub");
    }

    @Test
    void invalidYamlIsReportedWithItsPosition() {
        assertThatThrownBy(() -> loader.parse("rules.yaml", lines("rules:", "  - id: [unclosed", "    then: x")))
                .isInstanceOf(SocialRulesException.class)
                .satisfies(e -> assertThat(((SocialRulesException) e).problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.line()).isEqualTo(3);
                            assertThat(p.message()).startsWith("not valid YAML:");
                        }));
    }

    @Test
    void anEmptyFileIsAProblemNotAnEmptyRuleSet() {
        assertThat(problems("# nothing here\n")).containsExactly(
                "rules.yaml:1:1: the file is empty: it needs at least rules: (rules: [] for none)");
    }

    @Test
    void everySettingIsReadIntoTheRules() {
        SocialRuleSet rules = loader.parse("rules.yaml", lines(
                "mode: first-match",
                "assignment:",
                "  pools: {team: [005000000000001AAA, 005000000000002AAA]}",
                "  rules:",
                "    - when: {keywords: [fleet], influenceAtLeast: 10}",
                "      pool: team",
                "rules:",
                "  - id: off",
                "    enabled: false",
                "    then: [ignore]",
                "  - id: vip-question",
                "    when:",
                "      author: known",
                "      linkedBy: declared-handle",
                "      minConfidence: 0.9",
                "      intent: question",
                "      includeReposts: true",
                "    then:",
                "      - queueReply: {priority: low, text: 'Hi ${author.name}, we are on it', account: '@acme_help'}",
                "      - createCase: {owner: 00G000000000009AAA, fields: {Subject: 'Q from ${customer.id}'}}",
                "    stop: true",
                "  - id: fleet-buyer",
                "    when: {intent: purchase_intent}",
                "    then:",
                "      - createLead: {followUp: off, fields: {Title: 'Fleet (${lead.owner})'}}"));

        assertThat(rules.mode()).isEqualTo(MatchMode.FIRST_MATCH);
        assertThat(rules.rule("off").orElseThrow().enabled()).isFalse();
        assertThat(rules.rule("vip-question").orElseThrow().stop()).isTrue();
        CustomerLink customer = CustomerLink.known("c-9", 0.95, LinkMethod.DECLARED_HANDLE, null,
                "001000000000009AAA");
        Evaluation question = rules.evaluate(facts("question", "neutral", 0, 20, 2, customer, "en"),
                RoundRobin.inMemory());
        assertThat(question.actions().get(0).fields()).containsExactly(java.util.Map.entry("priority", "low"),
                java.util.Map.entry("text", "Hi @buyer, we are on it"), java.util.Map.entry("account", "acme_help"));
        assertThat(question.actions().get(1).fields()).containsEntry("Subject", "Q from c-9")
                .containsEntry("AccountId", "001000000000009AAA").containsEntry("OwnerId", "00G000000000009AAA");
        CustomerLink profile = CustomerLink.known("c-9", 0.95, LinkMethod.PROFILE_MATCH, null, null);
        assertThat(rules.evaluate(facts("question", "neutral", 0, 20, 2, profile, "en"), RoundRobin.inMemory())
                .matchedRules()).as("linkedBy: declared-handle").isEmpty();

        SocialFacts fleet = new SocialFacts(
                new SocialFacts.Post("x:2", "x-acme", "x", null, null, "Pricing for a fleet of 40?", List.of(),
                        List.of(), false, false),
                new SocialFacts.Author("fm", null, 10, false, null),
                new SocialFacts.Reading("en", "neutral", 0, "purchase_intent", 15, 3), null);
        RoundRobin turns = RoundRobin.inMemory();
        PlannedAction first = rules.evaluate(fleet, turns).actions().get(0);
        PlannedAction second = rules.evaluate(fleet, turns).actions().get(0);
        assertThat(first.owner()).isEqualTo("005000000000001AAA");
        assertThat(first.field("Title")).isEqualTo("Fleet (005000000000001AAA)");
        assertThat(second.owner()).isEqualTo("005000000000002AAA");
        assertThat(first.followUp()).isNull();
    }

    @Test
    void followUpProblemsAreReported() {
        assertThat(problems(lines(
                "followUp:",
                "rules:",
                "  - id: r",
                "    then:",
                "      - createLead:",
                "          followUp:",
                "            within: PT1H",
                "            escalate:",
                "              - alert: {chatter: {subject: customer, message: hi}}",
                "              - reassign: somebody",
                "              - createCase")))
                .containsExactly(
                        "rules.yaml:1:1: followUp needs within",
                        "rules.yaml:1:1: followUp needs escalate",
                        "rules.yaml:9:44: rules[1] (r).then[1] createLead.followUp.escalate[1] alert.chatter.subject:"
                                + " an escalation posts to lead, lead-owner or a record id, not to the customer",
                        "rules.yaml:10:27: rules[1] (r).then[1] createLead.followUp.escalate[2] reassign: somebody is"
                                + " not a Salesforce User (005...) or Queue (00G...) id of 15 or 18 characters",
                        "rules.yaml:11:17: rules[1] (r).then[1] createLead.followUp.escalate[3]: unknown action"
                                + " createCase; actions here: alert, reassign");
    }

    @Test
    void ignoreStandsAloneAndSingleActionsComeOnce() {
        assertThat(problems(lines(
                "rules:",
                "  - id: r",
                "    then: [ignore, queueReply, queueReply]")))
                .containsExactly(
                        "rules.yaml:3:12: rules[1] (r).then[1] ignore: ignore stands alone: a rule that ignores a post"
                                + " does nothing else",
                        "rules.yaml:3:32: rules[1] (r).then[3] queueReply: a rule may have only one queueReply (first"
                                + " on line 3)");
    }

    @Test
    void aMisspeltAuthorIsOneProblemNotOnePerLinkTest() {
        assertThat(problems(lines(
                "rules:",
                "  - id: r",
                "    when: {author: knwon, minConfidence: 0.8, linkedBy: profile-match}",
                "    then: [ignore]")))
                .containsExactly("rules.yaml:3:20: rules[1] (r).when.author: unknown value knwon (did you mean"
                        + " known?); one of known, prospect, any");
    }
}
