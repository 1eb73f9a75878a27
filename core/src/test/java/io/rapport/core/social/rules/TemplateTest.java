package io.rapport.core.social.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Templates fail when they are compiled, never when a post is rendered. */
class TemplateTest {

    private static final Set<String> PROSPECT_RULE = Placeholders.forRule(false, false);

    @Test
    void rendersPlaceholdersAndLeavesMissingValuesEmpty() {
        Template template = Template.compile("@${author.handle} wrote ${post.url}!", PROSPECT_RULE);

        assertThat(template.render(Map.of("author.handle", "jo"))).isEqualTo("@jo wrote !");
        assertThat(template.placeholders()).containsExactly("author.handle", "post.url");
    }

    @Test
    void aMisspeltPlaceholderIsRefusedWithTheClosestName() {
        assertThatThrownBy(() -> Template.compile("Hi ${author.handel}", PROSPECT_RULE))
                .isInstanceOf(TemplateException.class)
                .hasMessage("placeholder ${author.handel} is unknown (did you mean ${author.handle}?)")
                .satisfies(e -> assertThat(((TemplateException) e).offset()).isEqualTo(3));
    }

    @Test
    void aPlaceholderWithNoCloseMatchListsWhatIsKnown() {
        assertThatThrownBy(() -> Template.compile("${weather}", PROSPECT_RULE))
                .hasMessageStartingWith("placeholder ${weather} is unknown; known here: author.country,");
    }

    @Test
    void customerPlaceholdersNeedAKnownAuthor() {
        assertThatThrownBy(() -> Template.compile("${customer.id}", PROSPECT_RULE))
                .hasMessageContaining("is not available here: customer placeholders need author: known");
        assertThat(Template.compile("${customer.id}", Placeholders.forRule(true, false)).placeholders())
                .containsExactly("customer.id");
    }

    @Test
    void leadPlaceholdersBelongWhereALeadExists() {
        assertThatThrownBy(() -> Template.compile("${lead.owner}", PROSPECT_RULE))
                .hasMessageContaining("only in a rule that creates a Lead");
        assertThatThrownBy(() -> Template.compile("${lead.id}", Placeholders.forRule(false, true)))
                .hasMessageContaining("only in a followUp escalation");
        assertThat(Template.compile("${lead.id} ${followUp.overdue}", Placeholders.forEscalation(false))
                .placeholders()).hasSize(2);
    }

    @Test
    void anUnclosedPlaceholderIsRefused() {
        assertThatThrownBy(() -> Template.compile("see ${post.url", PROSPECT_RULE))
                .hasMessage("placeholder ${ at character 5 is not closed with }");
    }

    @Test
    void doubledDollarWritesALiteralPlaceholder() {
        assertThat(Template.compile("costs $${price} for ${author.handle}", PROSPECT_RULE)
                .render(Map.of("author.handle", "jo"))).isEqualTo("costs ${price} for jo");
    }
}
