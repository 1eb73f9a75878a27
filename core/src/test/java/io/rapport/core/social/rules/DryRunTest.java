package io.rapport.core.social.rules;

import static io.rapport.core.social.rules.Posts.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A dry run shows, per recorded post, what the rules would do, and counts it. */
class DryRunTest {

    private final SocialRuleSet rules = SocialRuleSetTest.rules(MatchMode.ALL_MATCH, SocialRuleSetTest.SPAM,
            SocialRuleSetTest.PURCHASE, SocialRuleSetTest.COMPLAINT, SocialRuleSetTest.INFLUENCER,
            SocialRuleSetTest.QUESTIONS);

    @Test
    void reportsEachPostAndSummarisesPerRuleAndActionType() {
        List<SocialFacts> posts = List.of(
                post().key("x:1").intent("purchase_intent").country("DE").facts(),
                post().key("x:2").intent("purchase_intent").country("FR").facts(),
                post().key("x:3").intent("complaint").sentiment("negative", -0.7).influence(80).known().facts(),
                post().key("x:4").intent("spam").facts(),
                post().key("x:5").intent("question").facts(),
                post().key("x:6").intent("other").facts(),
                post().key("x:7").intent("complaint").customer(SocialFacts.CustomerLink.known("c9", 1,
                        SocialFacts.CustomerLink.LinkMethod.DECLARED_HANDLE, null, null)).facts());

        DryRunReport report = DryRun.run(rules, posts);

        assertThat(report.posts()).extracting(Evaluation::postKey)
                .containsExactly("x:1", "x:2", "x:3", "x:4", "x:5", "x:6", "x:7");
        assertThat(report.posts().get(0).actions().get(0).owner()).isEqualTo(SocialRuleSetTest.REP_A);
        assertThat(report.posts().get(1).actions().get(0).owner()).as("the pool took turns within the run")
                .isEqualTo(SocialRuleSetTest.REP_B);
        DryRunReport.Summary summary = report.summary();
        assertThat(summary.posts()).isEqualTo(7);
        assertThat(summary.postsWithActions()).isEqualTo(4);
        assertThat(summary.postsIgnored()).isEqualTo(1);
        assertThat(summary.postsUnmatched()).isEqualTo(1);
        assertThat(summary.matchesPerRule()).containsExactly(Map.entry("ignore-spam", 1),
                Map.entry("prospect-purchase-intent", 2), Map.entry("customer-complaint", 2),
                Map.entry("negative-influencer", 1), Map.entry("questions", 1));
        assertThat(summary.actionsPerType()).containsExactly(Map.entry("createLead", 2),
                Map.entry("createCase", 1), Map.entry("alert.slack", 1), Map.entry("alert.chatter", 0),
                Map.entry("queueReply", 1));
        assertThat(summary.actionsPerRule().get("customer-complaint")).containsExactly(Map.entry("createCase", 1));
        assertThat(summary.actionsPerRule().get("ignore-spam")).isEmpty();
        assertThat(summary.skippedPerType()).containsExactly(Map.entry("createCase", 1));
    }

    @Test
    void aDryRunMovesNoLiveTurn() {
        RoundRobin live = RoundRobin.inMemory();
        SocialFacts german = post().intent("purchase_intent").country("DE").facts();

        DryRun.run(rules, List.of(german, german, german));

        assertThat(rules.evaluate(german, live).actions().get(0).owner()).isEqualTo(SocialRuleSetTest.REP_A);
    }
}
