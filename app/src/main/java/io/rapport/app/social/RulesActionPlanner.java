package io.rapport.app.social;

import io.rapport.app.social.rules.SocialRules;
import io.rapport.core.social.TextEnricher.TextEnrichment;
import io.rapport.core.social.SocialEventEnricher.Enrichment;
import io.rapport.core.social.rules.Evaluation;
import io.rapport.core.social.rules.RoundRobin;
import io.rapport.core.social.rules.SocialFacts;
import io.rapport.core.social.rules.SocialFacts.CustomerLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a post through the rules of config/social-rules.yaml as they stand now (hot-reloaded) and turns what they
 * decide into planned actions. An action's id is the post's id and the action's place in the plan, so planning the
 * same post again plans the same actions.
 */
public class RulesActionPlanner implements SocialActionPlanner {

    private final SocialRules rules;
    private final CustomerCrmRecords crm;
    private final RoundRobin turns = RoundRobin.inMemory();

    public RulesActionPlanner(SocialRules rules, CustomerCrmRecords crm) {
        this.rules = rules;
        this.crm = crm;
    }

    @Override
    public List<PlannedAction> plan(EnrichedPost post) {
        Evaluation evaluation = rules.current().evaluate(facts(post, crm), turns);
        List<PlannedAction> planned = new ArrayList<>(evaluation.actions().size());
        for (int i = 0; i < evaluation.actions().size(); i++) {
            io.rapport.core.social.rules.PlannedAction action = evaluation.actions().get(i);
            Map<String, Object> plan = new LinkedHashMap<>();
            plan.put("fields", action.fields());
            if (action.followUp() != null) {
                plan.put("followUp", action.followUp().toString());
            }
            plan.put("note", action.note());
            plan.put("values", evaluation.values());
            planned.add(new PlannedAction(String.format("%s-%02d", post.id(), i + 1), post.id(), action.ruleId(), action.type().key(),
                    plan));
        }
        return planned;
    }

    /** What the rules see of a post: its words' reading, its reach, and who wrote it as far as the hub knows. */
    public static SocialFacts facts(EnrichedPost post, CustomerCrmRecords crm) {
        Enrichment e = post.enrichment();
        CustomerLink link = CustomerLink.prospect();
        AuthorLink author = post.author();
        if (author != null && author.linked()) {
            CustomerCrmRecords.CrmIds ids = crm.of(author.customerId());
            link = CustomerLink.known(author.customerId(), author.confidence() == null ? 1.0 : author.confidence(),
                    AuthorLink.DECLARED.equals(author.method()) ? CustomerLink.LinkMethod.DECLARED_HANDLE
                            : CustomerLink.LinkMethod.PROFILE_MATCH, ids.contactId(), ids.accountId());
        }
        return SocialFacts.of(post.event(), post.source(), new TextEnrichment(e.language(), e.sentiment(), e.intent()),
                e.influence(), e.degree(), post.collapsed(), null, link);
    }
}
