package io.rapport.core.social.rules;

import static io.rapport.core.social.rules.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.social.rules.Assignment.AssignmentRule;
import io.rapport.core.social.rules.Condition.AuthorKind;
import io.rapport.core.social.rules.RuleAction.ChatterPost;
import io.rapport.core.social.rules.RuleAction.CreateCase;
import io.rapport.core.social.rules.RuleAction.CreateLead;
import io.rapport.core.social.rules.RuleAction.Ignore;
import io.rapport.core.social.rules.RuleAction.QueueReply;
import io.rapport.core.social.rules.RuleAction.SlackAlert;
import io.rapport.core.social.rules.SocialFacts.CustomerLink;
import io.rapport.core.social.rules.SocialFacts.CustomerLink.LinkMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The issue's examples, evaluated: which actions a post gets, rendered, with owners. */
class SocialRuleSetTest {

    static final String SPANISH_REP = "005000000000002AAA";
    static final String DEFAULT_QUEUE = "00G000000000001AAA";
    static final String REP_A = "005000000000003AAA";
    static final String REP_B = "005000000000004AAA";

    static final Rule SPAM = new Rule("ignore-spam", null, true, Condition.builder().intents("spam").build(),
            List.of(new Ignore()), false);
    static final Rule PURCHASE = new Rule("prospect-purchase-intent", "Leads from buyers", true,
            Condition.builder().intents("purchase_intent").author(AuthorKind.PROSPECT).build(),
            List.of(new CreateLead(Map.of("Social_Post_URL__c", template("${post.url}", false, true)), null, null)),
            false);
    static final Rule COMPLAINT = new Rule("customer-complaint", null, true,
            Condition.builder().intents("complaint").author(AuthorKind.KNOWN).build(),
            List.of(new CreateCase(Map.of(), null)), false);
    static final Rule INFLUENCER = new Rule("negative-influencer", null, true,
            Condition.builder().sentiments("negative").influenceAtLeast(70).build(),
            List.of(new SlackAlert("#social", template("@${author.handle} (${post.influence}): ${post.url}",
                    false, false))), false);
    static final Rule QUESTIONS = new Rule("questions", null, true, Condition.builder().intents("question").build(),
            List.of(new QueueReply(QueueReply.ReplyPriority.AUTO, null, "acme_support")), false);

    static final Assignment ASSIGNMENT = new Assignment(Map.of("emea", List.of(REP_A, REP_B)), List.of(
            new AssignmentRule(Condition.builder().languages("es").build(), SPANISH_REP, null),
            new AssignmentRule(Condition.builder().countries(List.of("DE", "FR")).build(), null, "emea"),
            new AssignmentRule(null, DEFAULT_QUEUE, null)));

    static final FollowUpPolicy FOUR_HOURS = new FollowUpPolicy(Duration.ofHours(4), List.of(
            new EscalationAction.ReassignLead(DEFAULT_QUEUE)));

    static Template template(String text, boolean known, boolean lead) {
        return Template.compile(text, Placeholders.forRule(known, lead));
    }

    static SocialRuleSet rules(MatchMode mode, Rule... rules) {
        return new SocialRuleSet(mode, List.of(rules), ASSIGNMENT, FOUR_HOURS, ListenTalkGuard.DEFAULT);
    }

    private final SocialRuleSet issueRules = rules(MatchMode.ALL_MATCH, SPAM, PURCHASE, COMPLAINT, INFLUENCER,
            QUESTIONS);

    @Test
    void purchaseIntentFromAProspectBecomesALeadWithThePostLinkAndAnAssignedOwner() {
        SocialFacts facts = post().intent("purchase_intent").text("Where can I buy the X2?").handle("buyer")
                .displayName(null).facts();

        Evaluation evaluation = issueRules.evaluate(facts, RoundRobin.inMemory());

        assertThat(evaluation.matchedRules()).containsExactly("prospect-purchase-intent");
        PlannedAction lead = evaluation.actions().get(0);
        assertThat(lead.type()).isEqualTo(ActionType.CREATE_LEAD);
        assertThat(lead.fields()).containsExactly(
                Map.entry("LastName", "@buyer"),
                Map.entry("Company", "@buyer"),
                Map.entry("LeadSource", "Social"),
                Map.entry("Description", "@buyer on x: Where can I buy the X2?\n\nhttps://x.com/jo/status/1"),
                Map.entry("Social_Post_URL__c", "https://x.com/jo/status/1"),
                Map.entry("OwnerId", DEFAULT_QUEUE));
        assertThat(lead.followUp()).isEqualTo(Duration.ofHours(4));
        assertThat(lead.note()).isEqualTo("owner from assignment rule 3");
    }

    @Test
    void assignmentRulesApplyInOrderAndPoolsTakeTurns() {
        RoundRobin turns = RoundRobin.inMemory();
        SocialFacts spanishInGermany = post().intent("purchase_intent").language("es").country("DE").facts();
        SocialFacts german = post().intent("purchase_intent").language("de").country("DE").facts();

        assertThat(issueRules.evaluate(spanishInGermany, turns).actions().get(0).owner()).isEqualTo(SPANISH_REP);
        assertThat(issueRules.evaluate(german, turns).actions().get(0).owner()).isEqualTo(REP_A);
        assertThat(issueRules.evaluate(german, turns).actions().get(0).owner()).isEqualTo(REP_B);
        PlannedAction third = issueRules.evaluate(german, turns).actions().get(0);
        assertThat(third.owner()).isEqualTo(REP_A);
        assertThat(third.note()).isEqualTo("owner from assignment rule 2, pool emea");
    }

    @Test
    void aRuleOwnerBypassesTheAssignmentRules() {
        Rule fixed = new Rule("fixed", null, true, Condition.builder().intents("purchase_intent").build(),
                List.of(new CreateLead(Map.of(), REP_B, FollowUpPolicy.OFF)), false);

        PlannedAction lead = rules(MatchMode.ALL_MATCH, fixed).evaluate(post().intent("purchase_intent").facts(),
                RoundRobin.inMemory()).actions().get(0);

        assertThat(lead.owner()).isEqualTo(REP_B);
        assertThat(lead.followUp()).as("followUp: off on the action wins over the rule set's").isNull();
    }

    @Test
    void withoutAnyMatchingAssignmentSalesforceChoosesTheOwner() {
        SocialRuleSet noAssignment = new SocialRuleSet(MatchMode.ALL_MATCH, List.of(PURCHASE), Assignment.NONE,
                FollowUpPolicy.OFF, null);

        PlannedAction lead = noAssignment.evaluate(post().intent("purchase_intent").facts(), RoundRobin.inMemory())
                .actions().get(0);

        assertThat(lead.owner()).isNull();
        assertThat(lead.fields()).doesNotContainKey("OwnerId");
        assertThat(lead.note()).contains("Salesforce chooses the owner");
        assertThat(lead.followUp()).isNull();
    }

    @Test
    void aComplaintFromAKnownCustomerBecomesACaseOnTheirContactAndAccount() {
        SocialFacts facts = post().intent("complaint").sentiment("negative", -0.6).degree(4).known()
                .text("My order never arrived and nobody answers. This is the third time I write to you about it")
                .facts();

        Evaluation evaluation = issueRules.evaluate(facts, RoundRobin.inMemory());

        PlannedAction kase = evaluation.first(ActionType.CREATE_CASE).orElseThrow();
        assertThat(kase.fields()).containsEntry("ContactId", "003000000000001AAA")
                .containsEntry("AccountId", "001000000000001AAA")
                .containsEntry("Origin", "Social")
                .containsEntry("Priority", "High")
                .containsEntry("Subject", "complaint from @jo on x: My order never arrived and nobody answers."
                        + " This is the third time I write to…");
    }

    @Test
    void aComplaintFromAProspectGetsNoCase() {
        Evaluation evaluation = issueRules.evaluate(post().intent("complaint").facts(), RoundRobin.inMemory());

        assertThat(evaluation.matchedRules()).isEmpty();
        assertThat(evaluation.actions()).isEmpty();
    }

    @Test
    void aCustomerWithoutSalesforceRecordsGetsNoCaseAndTheReasonIsKept() {
        CustomerLink erpOnly = CustomerLink.known("cust-7", 0.9, LinkMethod.PROFILE_MATCH, null, null);

        Evaluation evaluation = issueRules.evaluate(post().intent("complaint").customer(erpOnly).facts(),
                RoundRobin.inMemory());

        assertThat(evaluation.actions()).isEmpty();
        assertThat(evaluation.skipped()).containsExactly(new SkippedAction("customer-complaint",
                ActionType.CREATE_CASE, "customer cust-7 has neither a Salesforce Contact nor an Account"));
    }

    @Test
    void allMatchLetsANegativeInfluencerComplaintRaiseACaseAndAnAlert() {
        SocialFacts facts = post().intent("complaint").sentiment("negative", -0.8).influence(85).known().facts();

        Evaluation evaluation = issueRules.evaluate(facts, RoundRobin.inMemory());

        assertThat(evaluation.matchedRules()).containsExactly("customer-complaint", "negative-influencer");
        assertThat(evaluation.actions()).extracting(PlannedAction::type)
                .containsExactly(ActionType.CREATE_CASE, ActionType.SLACK_ALERT);
        assertThat(evaluation.actions().get(1).fields()).containsExactly(Map.entry("channel", "#social"),
                Map.entry("message", "@jo (85): https://x.com/jo/status/1"));
    }

    @Test
    void firstMatchStopsAtTheFirstMatchingRule() {
        SocialFacts facts = post().intent("complaint").sentiment("negative", -0.8).influence(85).known().facts();

        Evaluation evaluation = rules(MatchMode.FIRST_MATCH, SPAM, PURCHASE, COMPLAINT, INFLUENCER)
                .evaluate(facts, RoundRobin.inMemory());

        assertThat(evaluation.matchedRules()).containsExactly("customer-complaint");
        assertThat(evaluation.actions()).extracting(PlannedAction::type).containsExactly(ActionType.CREATE_CASE);
    }

    @Test
    void stopEndsAllMatchEvaluationAfterTheRule() {
        Rule stopping = new Rule("customer-complaint", null, true, COMPLAINT.when(), COMPLAINT.then(), true);
        SocialFacts facts = post().intent("complaint").sentiment("negative", -0.8).influence(85).known().facts();

        Evaluation evaluation = rules(MatchMode.ALL_MATCH, stopping, INFLUENCER).evaluate(facts,
                RoundRobin.inMemory());

        assertThat(evaluation.matchedRules()).containsExactly("customer-complaint");
    }

    @Test
    void spamIsIgnoredBeforeAnyLaterRuleSeesIt() {
        SocialFacts facts = post().intent("spam").sentiment("negative", -0.9).influence(90).facts();

        Evaluation evaluation = issueRules.evaluate(facts, RoundRobin.inMemory());

        assertThat(evaluation.ignoredBy()).isEqualTo("ignore-spam");
        assertThat(evaluation.matchedRules()).containsExactly("ignore-spam");
        assertThat(evaluation.actions()).isEmpty();
    }

    @Test
    void aDisabledRuleNeverMatches() {
        Rule off = new Rule("questions", null, false, QUESTIONS.when(), QUESTIONS.then(), false);

        assertThat(rules(MatchMode.ALL_MATCH, off).evaluate(post().intent("question").facts(), RoundRobin.inMemory())
                .matchedRules()).isEmpty();
    }

    @Test
    void repostsAreLeftOutUnlessARuleIncludesThem() {
        SocialFacts repost = post().intent("question").repost().facts();
        Rule withReposts = new Rule("reposted-questions", null, true,
                Condition.builder().intents("question").includeReposts(true).build(), QUESTIONS.then(), false);

        assertThat(issueRules.evaluate(repost, RoundRobin.inMemory()).actions()).isEmpty();
        assertThat(rules(MatchMode.ALL_MATCH, withReposts).evaluate(repost, RoundRobin.inMemory()).actions())
                .hasSize(1);
    }

    @Test
    void questionsQueueForReplyWithAPriorityFromDegreeAndInfluence() {
        RoundRobin turns = RoundRobin.inMemory();
        PlannedAction pressing = issueRules.evaluate(post().intent("question").degree(4).facts(), turns)
                .actions().get(0);
        PlannedAction monologue = issueRules.evaluate(post().intent("question").degree(1).influence(10).facts(),
                turns).actions().get(0);

        assertThat(pressing.fields()).containsExactly(Map.entry("priority", "high"),
                Map.entry("account", "acme_support"));
        assertThat(monologue.field("priority")).isEqualTo("low");
    }

    @Test
    void onePostGetsOneLeadHoweverManyRulesAskAndTheSecondAskIsRecorded() {
        Rule second = new Rule("influencer-lead", null, true, Condition.builder().influenceAtLeast(50).build(),
                List.of(new CreateLead(Map.of(), REP_A, null)), false);

        Evaluation evaluation = rules(MatchMode.ALL_MATCH, PURCHASE, second)
                .evaluate(post().intent("purchase_intent").influence(60).facts(), RoundRobin.inMemory());

        assertThat(evaluation.actions()).hasSize(1);
        assertThat(evaluation.skipped()).containsExactly(new SkippedAction("influencer-lead",
                ActionType.CREATE_LEAD, "the post already gets a Lead from rule prospect-purchase-intent"));
    }

    @Test
    void chatterPostsGoToTheCustomerTheLeadOrItsOwner() {
        Rule known = new Rule("vip", null, true, Condition.builder().author(AuthorKind.KNOWN).build(),
                List.of(new ChatterPost(ChatterSubject.parse("customer"), template("${customer.id} posted",
                        true, false))), false);
        Rule prospect = new Rule("buyer", null, true, Condition.builder().intents("purchase_intent").build(),
                List.of(new CreateLead(Map.of(), null, null),
                        new ChatterPost(ChatterSubject.parse("lead-owner"), template("new lead for ${lead.owner}",
                                false, true)),
                        new ChatterPost(ChatterSubject.parse("lead"), template("from ${post.url}", false, true))),
                false);
        SocialRuleSet rules = rules(MatchMode.ALL_MATCH, known, prospect);

        PlannedAction toCustomer = rules.evaluate(post().known().facts(), RoundRobin.inMemory()).actions().get(0);
        assertThat(toCustomer.fields()).containsExactly(Map.entry("subject", "customer"),
                Map.entry("subjectId", "003000000000001AAA"), Map.entry("message", "cust-42 posted"));

        Evaluation german = rules.evaluate(post().intent("purchase_intent").country("DE").facts(),
                RoundRobin.inMemory());
        assertThat(german.actions().get(1).fields()).containsExactly(Map.entry("subject", "lead-owner"),
                Map.entry("subjectId", REP_A), Map.entry("message", "new lead for " + REP_A));
        assertThat(german.actions().get(2).fields()).containsExactly(Map.entry("subject", "lead"),
                Map.entry("message", "from https://x.com/jo/status/1"));

        Evaluation queued = rules.evaluate(post().intent("purchase_intent").facts(), RoundRobin.inMemory());
        assertThat(queued.skipped()).containsExactly(new SkippedAction("buyer", ActionType.CHATTER_POST,
                "the Lead's owner " + DEFAULT_QUEUE + " is a queue, which has no Chatter feed"));
    }

    @Test
    void overlongFieldsAreCutToWhatSalesforceAccepts() {
        String name = "N".repeat(100);

        PlannedAction lead = issueRules.evaluate(post().intent("purchase_intent").displayName(name).facts(),
                RoundRobin.inMemory()).actions().get(0);

        assertThat(lead.field("LastName")).hasSize(80).endsWith("N…");
        assertThat(lead.field("Company")).isEqualTo(name);
    }

    @Test
    void theSameFactsAndTurnsAlwaysGiveTheSamePlan() {
        SocialFacts facts = post().intent("purchase_intent").country("FR").facts();

        assertThat(issueRules.evaluate(facts, RoundRobin.inMemory()))
                .isEqualTo(issueRules.evaluate(facts, RoundRobin.inMemory()));
    }

    @Test
    void theFollowUpOfARemovedRuleFallsBackToTheRuleSets() {
        assertThat(issueRules.followUp("prospect-purchase-intent")).contains(FOUR_HOURS);
        assertThat(issueRules.followUp("no-longer-there")).contains(FOUR_HOURS);
    }
}
