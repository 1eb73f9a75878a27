package io.rapport.core.social.rules;

import io.rapport.core.social.rules.SocialFacts.CustomerLink;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The placeholders templates may use, and their values for one post. Where a template stands decides what it may
 * use: {@code customer.*} only where the rule requires a known author (a prospect is nobody's customer),
 * {@code lead.owner} only where the rule creates a Lead, {@code lead.id} and {@code followUp.*} only in a follow-up
 * escalation (the Lead exists only after the rule ran). Numbers render plainly ({@code 0.42}, {@code 1500}), lists
 * as {@code a, b}, instants in ISO-8601 UTC.
 */
public final class Placeholders {

    public static final Set<String> POST = Set.of("post.key", "post.url", "post.text", "post.excerpt",
            "post.platform", "post.source", "post.postedAt", "post.language", "post.intent", "post.sentiment",
            "post.score", "post.influence", "post.degree", "post.priority", "post.hashtags", "post.mentions");
    public static final Set<String> AUTHOR = Set.of("author.handle", "author.name", "author.displayName",
            "author.followers", "author.verified", "author.country");
    public static final Set<String> CUSTOMER = Set.of("customer.id", "customer.confidence", "customer.linkedBy",
            "customer.contactId", "customer.accountId");
    public static final Set<String> RULE = Set.of("rule.id", "rule.description");
    public static final String LEAD_OWNER = "lead.owner";
    public static final Set<String> ESCALATION = Set.of("lead.id", LEAD_OWNER, "lead.createdAt", "followUp.within",
            "followUp.dueAt", "followUp.overdue");
    public static final Set<String> ALL = union(POST, AUTHOR, CUSTOMER, RULE, ESCALATION);

    static final int EXCERPT = 80;

    private Placeholders() {
    }

    /**
     * What the templates of one rule may use.
     *
     * @param knownAuthor the rule's {@code when} requires a known author
     * @param createsLead the rule creates a Lead (so its owner is chosen before anything is rendered)
     */
    public static Set<String> forRule(boolean knownAuthor, boolean createsLead) {
        return union(POST, AUTHOR, RULE, knownAuthor ? CUSTOMER : Set.of(), createsLead ? Set.of(LEAD_OWNER)
                : Set.of());
    }

    /** What a follow-up escalation may use: the post's values as they were when the Lead was planned, and the Lead. */
    public static Set<String> forEscalation(boolean knownAuthor) {
        return union(POST, AUTHOR, Set.of("rule.id"), ESCALATION, knownAuthor ? CUSTOMER : Set.of());
    }

    static String whyUnavailable(String name) {
        if (name.startsWith("customer.")) {
            return "customer placeholders need author: known in the rule's when (a prospect is nobody's customer)";
        }
        if (name.equals(LEAD_OWNER)) {
            return "only in a rule that creates a Lead, or in a followUp escalation";
        }
        if (name.equals("rule.description")) {
            return "a followUp escalation knows the rule by its id only";
        }
        return "only in a followUp escalation (the Lead exists only after the rule ran)";
    }

    /** The values of the post, author and customer placeholders. */
    public static Map<String, String> of(SocialFacts facts) {
        Map<String, String> values = new LinkedHashMap<>();
        SocialFacts.Post post = facts.post();
        SocialFacts.Reading reading = facts.reading();
        values.put("post.key", post.key());
        values.put("post.url", post.url());
        values.put("post.text", post.text());
        values.put("post.excerpt", excerpt(post.text()));
        values.put("post.platform", post.platform());
        values.put("post.source", post.source());
        values.put("post.postedAt", post.postedAt() == null ? null : post.postedAt().toString());
        values.put("post.language", reading.language());
        values.put("post.intent", reading.intent());
        values.put("post.sentiment", reading.sentimentLabel());
        values.put("post.score", number(reading.sentimentScore()));
        values.put("post.influence", Integer.toString(reading.influence()));
        values.put("post.degree", Integer.toString(reading.degree()));
        values.put("post.priority", PostPriority.of(reading).picklistValue());
        values.put("post.hashtags", String.join(", ", post.hashtags()));
        values.put("post.mentions", String.join(", ", post.mentions()));
        SocialFacts.Author author = facts.author();
        values.put("author.handle", author.handle());
        values.put("author.name", author.name());
        values.put("author.displayName", author.displayName());
        values.put("author.followers", Long.toString(author.followers()));
        values.put("author.verified", Boolean.toString(author.verified()));
        values.put("author.country", author.country());
        CustomerLink customer = facts.customer();
        if (customer.known()) {
            values.put("customer.id", customer.customerId());
            values.put("customer.confidence", number(customer.confidence()));
            values.put("customer.linkedBy", customer.method().key());
            values.put("customer.contactId", customer.contactId());
            values.put("customer.accountId", customer.accountId());
        }
        values.values().removeIf(value -> value == null);
        return values;
    }

    /** The escalation's own values, added to those kept from when the Lead was planned. */
    static Map<String, String> ofEscalation(FollowUpPolicy.TrackedLead lead, Duration within, Instant now) {
        Map<String, String> values = new LinkedHashMap<>(lead.values());
        values.put("lead.id", lead.leadId());
        if (lead.ownerId() != null) {
            values.put(LEAD_OWNER, lead.ownerId());
        }
        values.put("lead.createdAt", lead.createdAt().toString());
        values.put("rule.id", lead.ruleId());
        Instant due = lead.createdAt().plus(within);
        values.put("followUp.within", within.toString());
        values.put("followUp.dueAt", due.toString());
        values.put("followUp.overdue", Duration.between(due, now).isNegative() ? Duration.ZERO.toString()
                : Duration.between(due, now).toString());
        return values;
    }

    /** The first words of a text, up to {@value #EXCERPT} characters, cut between words. */
    static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        if (flat.length() <= EXCERPT) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', EXCERPT - 1);
        return flat.substring(0, cut > EXCERPT / 2 ? cut : EXCERPT - 1) + "…";
    }

    private static String number(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.equals("-0.00") ? "0.00" : text;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
