package io.rapport.core.social.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rapport.core.social.rules.Condition.AuthorKind;
import io.rapport.core.social.rules.RuleAction.ChatterPost;
import io.rapport.core.social.rules.RuleAction.CreateCase;
import io.rapport.core.social.rules.RuleAction.CreateLead;
import io.rapport.core.social.rules.RuleAction.Ignore;
import io.rapport.core.social.rules.RuleAction.SlackAlert;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule that could not be carried out is refused when it is built, that is when the file loads. */
class RuleTest {

    private static final Template TEXT = Template.literal("hi");

    @Test
    void aCaseNeedsAKnownAuthor() {
        assertThatThrownBy(() -> new Rule("c", null, true, Condition.ANY, List.of(new CreateCase(Map.of(), null)),
                false)).hasMessage("createCase needs a known customer: add author: known to the rule's when");
    }

    @Test
    void ignoreStandsAlone() {
        assertThatThrownBy(() -> new Rule("i", null, true, Condition.ANY,
                List.of(new Ignore(), new SlackAlert("#x", TEXT)), false)).hasMessageStartingWith("ignore stands alone");
    }

    @Test
    void aRuleCreatesOneLeadAtMost() {
        CreateLead lead = new CreateLead(Map.of(), null, null);
        assertThatThrownBy(() -> new Rule("l", null, true, Condition.ANY, List.of(lead, lead), false))
                .hasMessage("a rule may have only one createLead");
    }

    @Test
    void aChatterPostToTheLeadNeedsALeadInTheRule() {
        assertThatThrownBy(() -> new Rule("c", null, true, Condition.ANY,
                List.of(new ChatterPost(ChatterSubject.parse("lead-owner"), TEXT)), false))
                .hasMessage("a Chatter post to lead-owner needs a createLead in the same rule");
    }

    @Test
    void templatesBuiltElsewhereAreCheckedAgainstTheRule() {
        Template customer = Template.compile("${customer.id}", Placeholders.forRule(true, false));
        assertThatThrownBy(() -> new Rule("c", null, true, Condition.builder().author(AuthorKind.PROSPECT).build(),
                List.of(new SlackAlert("#x", customer)), false)).hasMessageContaining("need author: known");
    }

    @Test
    void reservedAndMalformedFieldsAreRefused() {
        assertThatThrownBy(() -> new CreateLead(Map.of("OwnerId", TEXT), null, null))
                .hasMessage("OwnerId is set by the hub from owner: or the assignment rules");
        assertThatThrownBy(() -> new CreateCase(Map.of("Contact Id", TEXT), null))
                .hasMessage("Contact Id is not a Salesforce field API name");
        assertThatThrownBy(() -> new CreateLead(Map.of(), "0010000000000001", null))
                .hasMessageContaining("is not a Salesforce User (005...) or Queue (00G...) id");
    }

    @Test
    void anEscalationCannotPostToTheCustomer() {
        FollowUpPolicy policy = new FollowUpPolicy(Duration.ofHours(1),
                List.of(new ChatterPost(ChatterSubject.parse("customer"), TEXT)));
        assertThatThrownBy(() -> new Rule("l", null, true, Condition.ANY,
                List.of(new CreateLead(Map.of(), null, policy)), false))
                .hasMessageStartingWith("a followUp escalation posts to the lead");
    }

    @Test
    void ruleIdsAreNames() {
        assertThatThrownBy(() -> new Rule("my rule", null, true, Condition.ANY, List.of(new Ignore()), false))
                .hasMessageContaining("must be letters, digits");
    }
}
