package io.rapport.core.survivorship;

import io.rapport.core.normalize.TextKey;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.Consent;
import io.rapport.core.party.EmailAddress;
import io.rapport.core.party.NationalId;
import io.rapport.core.party.PartyType;
import io.rapport.core.party.PersonName;
import io.rapport.core.party.PhoneNumber;
import io.rapport.core.party.PostalAddress;
import io.rapport.core.party.QualityIssue;
import io.rapport.core.party.SocialHandle;
import io.rapport.core.party.SourceRef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a {@link GoldenRecord} from the source records linked to one customer, field by field, by the configured
 * {@link SurvivorshipRules}. See docs/survivorship.md.
 *
 * <p>Candidates: every member that states a usable value for a field. Blank text, emails without a canonical
 * form and phones without an E.164 form are never candidates, nor is a single value whose import column carries a
 * {@link QualityIssue} on that record (emails, phones and social handles are judged per value instead: a record's
 * accepted ones stay candidates beside a rejected one). An address with an issue on any of its columns is a candidate only when no
 * member has a clean address, and always survives whole.
 *
 * <p>The result does not depend on the order of the members: every choice ends in a deterministic tie-break on
 * the smallest {@link SourceRef#key()}. Members that share a key (two versions of one source record) count once,
 * as the most recent of them. Thread-safe and allocation-light: it runs on every cluster change.
 */
public final class GoldenRecordBuilder {

    private static final String ONLY_VALUE = "only_value";
    private static final String CONSENSUS = "consensus";
    private static final String TIE_BREAK = "tie_break";
    private static final String UNION = "union";
    private static final String MOST_RECENT = Strategy.MOST_RECENT.ruleName();
    private static final String REFUSAL_WINS_TIE = "refusal_wins_tie";

    private static final List<String> ADDRESS_COLUMNS = List.of(
            "street_number", "street", "address_line2", "locality", "region", "postcode", "country");

    /** Newest record first: used wherever "most recent" is meant. */
    private static final Comparator<SourceRef> NEWEST_FIRST =
            Comparator.comparing(SourceRef::timestamp, Comparator.reverseOrder());

    /** The final, total tie-break: smallest source key, then newest, then earlier in its record, then the value. */
    private static final Comparator<Candidate> FINAL_TIE_BREAK = Comparator
            .comparing((Candidate c) -> c.ref().key())
            .thenComparing(Candidate::ref, NEWEST_FIRST)
            .thenComparingInt(Candidate::position)
            .thenComparing(Candidate::exact);

    /** Newest statement first; at the same instant a refusal before a grant (privacy-safe), then the final tie-break. */
    private static final Comparator<Candidate> CONSENT_ORDER = Comparator
            .comparing(Candidate::ref, NEWEST_FIRST)
            .thenComparing((Candidate c) -> ((Consent) c.value()).granted())
            .thenComparing(FINAL_TIE_BREAK);

    private final SurvivorshipRules rules;
    private final Map<String, CompiledRule> compiled;

    public GoldenRecordBuilder(SurvivorshipRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        Map<String, CompiledRule> byField = new HashMap<>();
        for (String field : GoldenFields.CONFIGURABLE) {
            byField.put(field, new CompiledRule(rules.ruleFor(field)));
        }
        this.compiled = Map.copyOf(byField);
    }

    public SurvivorshipRules rules() {
        return rules;
    }

    /**
     * The golden record of {@code customerId} built from {@code members} (not modified).
     *
     * @throws IllegalArgumentException when there are no members
     */
    public GoldenRecord build(String customerId, Collection<CanonicalCustomer> members) {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(members, "members");
        List<Member> sorted = distinctMembers(members);

        boolean allOrganizations = true;
        for (Member member : sorted) {
            allOrganizations &= member.record().type() == PartyType.ORGANIZATION;
        }

        Map<String, SurvivingValue> fields = new LinkedHashMap<>();
        single(fields, GoldenFields.GIVEN_NAME, sorted, m -> m.clean("given_name") ? m.record().name().given() : null);
        single(fields, GoldenFields.FAMILY_NAME, sorted, m -> m.clean("family_name") ? m.record().name().family() : null);
        single(fields, GoldenFields.FULL_NAME, sorted, GoldenRecordBuilder::fullName);
        single(fields, GoldenFields.ORGANIZATION, sorted, m -> m.clean("organization") ? m.record().organization() : null);
        contacts(fields, GoldenFields.EMAIL, GoldenFields.EMAILS, sorted, m -> emails(m.record()));
        contacts(fields, GoldenFields.PHONE, GoldenFields.PHONES, sorted, m -> phones(m.record()));
        address(fields, sorted);
        single(fields, GoldenFields.BIRTH_DATE, sorted, m -> m.clean("birth_date") ? m.record().birthDate() : null);
        single(fields, GoldenFields.NATIONAL_ID, sorted, m -> m.clean("national_id") ? m.record().nationalId() : null);
        socialHandles(fields, sorted);
        consents(fields, sorted);

        List<SourceRef> refs = new ArrayList<>(sorted.size());
        for (Member member : sorted) {
            refs.add(member.record().source());
        }
        return new GoldenRecord(customerId, allOrganizations ? PartyType.ORGANIZATION : PartyType.PERSON, fields, refs);
    }

    // ---- members ------------------------------------------------------------------------------------------------

    private static List<Member> distinctMembers(Collection<CanonicalCustomer> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("a golden record needs at least one member");
        }
        Map<String, CanonicalCustomer> byKey = new TreeMap<>();
        for (CanonicalCustomer record : members) {
            Objects.requireNonNull(record, "member");
            byKey.merge(record.source().key(), record, GoldenRecordBuilder::laterVersion);
        }
        List<Member> sorted = new ArrayList<>(byKey.size());
        for (CanonicalCustomer record : byKey.values()) {
            sorted.add(new Member(record, issueColumns(record)));
        }
        return sorted;
    }

    /** Of two versions of one source record, the newer; at the same instant a deterministic pick by content. */
    private static CanonicalCustomer laterVersion(CanonicalCustomer a, CanonicalCustomer b) {
        int byTime = a.source().timestamp().compareTo(b.source().timestamp());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        int byContent = a.toString().compareTo(b.toString());
        if (byContent == 0) {
            // toString masks the national id, the only field it hides
            byContent = String.valueOf(a.nationalId() == null ? null : a.nationalId().value())
                    .compareTo(String.valueOf(b.nationalId() == null ? null : b.nationalId().value()));
        }
        return byContent <= 0 ? a : b;
    }

    private static Set<String> issueColumns(CanonicalCustomer record) {
        if (record.qualityIssues().isEmpty()) {
            return Set.of();
        }
        Set<String> columns = new HashSet<>();
        for (QualityIssue issue : record.qualityIssues()) {
            columns.add(issue.field().strip().toLowerCase(Locale.ROOT));
        }
        return columns;
    }

    // ---- single-valued fields -----------------------------------------------------------------------------------

    private <T> void single(Map<String, SurvivingValue> fields, String field, List<Member> members,
                            Function<Member, T> value) {
        List<Candidate> candidates = new ArrayList<>(members.size());
        for (Member member : members) {
            Candidate candidate = candidate(value.apply(member), member.record().source(), 0);
            if (candidate != null) {
                candidates.add(candidate);
            }
        }
        Choice choice = choose(candidates, compiled.get(field));
        if (choice != null) {
            fields.put(field, choice.toSurviving());
        }
    }

    private static String fullName(Member member) {
        PersonName name = member.record().name();
        if (member.clean("full_name") && !isBlank(name.full())) {
            return name.full();
        }
        String given = member.clean("given_name") && !isBlank(name.given()) ? name.given() : null;
        String family = member.clean("family_name") && !isBlank(name.family()) ? name.family() : null;
        if (given == null) {
            return family;
        }
        return family == null ? given : given + " " + family;
    }

    private void address(Map<String, SurvivingValue> fields, List<Member> members) {
        List<Candidate> clean = new ArrayList<>();
        List<Candidate> flagged = new ArrayList<>();
        for (Member member : members) {
            Candidate candidate = candidate(member.record().address(), member.record().source(), 0);
            if (candidate != null) {
                (member.cleanAll(ADDRESS_COLUMNS) ? clean : flagged).add(candidate);
            }
        }
        Choice choice = choose(clean.isEmpty() ? flagged : clean, compiled.get(GoldenFields.ADDRESS));
        if (choice != null) {
            fields.put(GoldenFields.ADDRESS, choice.toSurviving());
        }
    }

    // ---- emails and phones: a primary plus the list of all distinct values --------------------------------------

    private void contacts(Map<String, SurvivingValue> fields, String primaryField, String listField,
                          List<Member> members, Function<Member, List<String>> values) {
        List<Candidate> primaries = new ArrayList<>(members.size());
        List<Candidate> all = new ArrayList<>();
        for (Member member : members) {
            List<String> own = values.apply(member);
            for (int i = 0; i < own.size(); i++) {
                Candidate candidate = candidate(own.get(i), member.record().source(), i);
                if (i == 0) {
                    primaries.add(candidate);
                }
                all.add(candidate);
            }
        }
        CompiledRule rule = compiled.get(primaryField);
        Choice primary = choose(primaries, rule);
        if (primary == null) {
            return;
        }
        fields.put(primaryField, primary.toSurviving());

        all.sort(rule.ranking(frequencies(all)));
        List<String> distinct = new ArrayList<>();
        distinct.add((String) primary.winner().value());
        Set<String> seen = new HashSet<>();
        seen.add(primary.winner().key());
        for (Candidate candidate : all) {
            if (seen.add(candidate.key())) {
                distinct.add((String) candidate.value());
            }
        }
        fields.put(listField, new SurvivingValue(List.copyOf(distinct), primary.winner().ref(), UNION, all.size()));
    }

    /** A record's valid canonical emails, its primary first. */
    private static List<String> emails(CanonicalCustomer record) {
        List<String> valid = new ArrayList<>(record.emails().size());
        for (EmailAddress email : record.emails()) {
            if (email != null && email.valid() && !email.canonical().isBlank()) {
                valid.add(email.canonical());
            }
        }
        return valid;
    }

    /** A record's valid E.164 numbers, its primary first. */
    private static List<String> phones(CanonicalCustomer record) {
        List<String> valid = new ArrayList<>(record.phones().size());
        for (PhoneNumber phone : record.phones()) {
            if (phone != null && phone.valid() && !phone.e164().isBlank()) {
                valid.add(phone.e164());
            }
        }
        return valid;
    }

    // ---- social handles: union --------------------------------------------------------------------------------

    private static void socialHandles(Map<String, SurvivingValue> fields, List<Member> members) {
        TreeMap<String, Candidate> byKey = new TreeMap<>();
        int count = 0;
        SourceRef newest = null;
        for (Member member : members) {
            // no quality-issue check: the normalizer drops a rejected handle and keeps the accepted ones
            List<SocialHandle> handles = member.record().socialHandles();
            for (int i = 0; i < handles.size(); i++) {
                SocialHandle handle = handles.get(i);
                if (handle == null || isBlank(handle.network()) || isBlank(handle.handle())) {
                    continue;
                }
                SourceRef ref = member.record().source();
                Candidate candidate = new Candidate(handle, TextKey.of(handle.network()) + ":" + TextKey.of(handle.handle()),
                        0, handle.network() + ":" + handle.handle(), ref, i);
                byKey.merge(candidate.key(), candidate, (a, b) -> FINAL_TIE_BREAK.compare(a, b) <= 0 ? a : b);
                count++;
                if (newest == null || newerThenSmallerKey(ref, newest)) {
                    newest = ref;
                }
            }
        }
        if (count == 0) {
            return;
        }
        List<SocialHandle> union = new ArrayList<>(byKey.size());
        for (Candidate candidate : byKey.values()) {
            union.add((SocialHandle) candidate.value());
        }
        fields.put(GoldenFields.SOCIAL_HANDLES, new SurvivingValue(List.copyOf(union), newest, UNION, count));
    }

    // ---- consents: per purpose, the most recent statement -----------------------------------------------------

    private static void consents(Map<String, SurvivingValue> fields, List<Member> members) {
        TreeMap<String, List<Candidate>> byPurpose = new TreeMap<>();
        int count = 0;
        for (Member member : members) {
            List<Consent> consents = member.record().consents();
            for (int i = 0; i < consents.size(); i++) {
                Consent consent = consents.get(i);
                String purpose = consent == null ? null : TextKey.of(consent.purpose());
                if (purpose == null) {
                    continue;
                }
                byPurpose.computeIfAbsent(purpose, p -> new ArrayList<>())
                        .add(new Candidate(consent, purpose, 0, Boolean.toString(consent.granted()),
                                member.record().source(), i));
                count++;
            }
        }
        if (count == 0) {
            return;
        }
        Map<String, SurvivingValue> perPurpose = new LinkedHashMap<>();
        List<Consent> summary = new ArrayList<>(byPurpose.size());
        SourceRef newest = null;
        for (Map.Entry<String, List<Candidate>> entry : byPurpose.entrySet()) {
            List<Candidate> statements = entry.getValue();
            statements.sort(CONSENT_ORDER);
            Candidate winner = statements.get(0);
            Consent consent = (Consent) winner.value();
            perPurpose.put(GoldenFields.CONSENT_PREFIX + entry.getKey(),
                    new SurvivingValue(consent, winner.ref(), consentRule(statements), statements.size()));
            summary.add(consent);
            if (newest == null || newerThenSmallerKey(winner.ref(), newest)) {
                newest = winner.ref();
            }
        }
        fields.put(GoldenFields.CONSENTS, new SurvivingValue(List.copyOf(summary), newest, MOST_RECENT, count));
        fields.putAll(perPurpose);
    }

    private static String consentRule(List<Candidate> sortedStatements) {
        if (sortedStatements.size() == 1) {
            return ONLY_VALUE;
        }
        Candidate winner = sortedStatements.get(0);
        boolean granted = ((Consent) winner.value()).granted();
        boolean allAgree = true;
        boolean tieDisagrees = false;
        for (Candidate statement : sortedStatements) {
            boolean same = ((Consent) statement.value()).granted() == granted;
            allAgree &= same;
            tieDisagrees |= !same && statement.ref().timestamp().equals(winner.ref().timestamp());
        }
        if (allAgree) {
            return CONSENSUS;
        }
        return tieDisagrees ? REFUSAL_WINS_TIE : MOST_RECENT;
    }

    // ---- choosing ---------------------------------------------------------------------------------------------

    private static Choice choose(List<Candidate> candidates, CompiledRule rule) {
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() == 1) {
            return new Choice(candidates.get(0), ONLY_VALUE, 1);
        }
        Map<String, Integer> frequencies = rule.usesFrequency() ? frequencies(candidates) : Map.of();
        String decided = sameKey(candidates) ? CONSENSUS : null;
        List<Candidate> remaining = candidates;
        for (Strategy strategy : rule.strategies()) {
            if (remaining.size() == 1) {
                break;
            }
            Comparator<Candidate> order = rule.comparator(strategy, frequencies);
            Candidate best = remaining.get(0);
            for (Candidate candidate : remaining) {
                if (order.compare(candidate, best) < 0) {
                    best = candidate;
                }
            }
            List<Candidate> tied = new ArrayList<>(remaining.size());
            for (Candidate candidate : remaining) {
                if (order.compare(candidate, best) == 0) {
                    tied.add(candidate);
                }
            }
            remaining = tied;
            if (decided == null && sameKey(remaining)) {
                decided = strategy.ruleName();
            }
        }
        Candidate winner = remaining.get(0);
        for (Candidate candidate : remaining) {
            if (FINAL_TIE_BREAK.compare(candidate, winner) < 0) {
                winner = candidate;
            }
        }
        return new Choice(winner, decided == null ? TIE_BREAK : decided, candidates.size());
    }

    private static Map<String, Integer> frequencies(List<Candidate> candidates) {
        Map<String, Integer> counts = new HashMap<>();
        for (Candidate candidate : candidates) {
            counts.merge(candidate.key(), 1, Integer::sum);
        }
        return counts;
    }

    private static boolean sameKey(List<Candidate> candidates) {
        String first = candidates.get(0).key();
        for (Candidate candidate : candidates) {
            if (!candidate.key().equals(first)) {
                return false;
            }
        }
        return true;
    }

    private static boolean newerThenSmallerKey(SourceRef a, SourceRef b) {
        int byTime = a.timestamp().compareTo(b.timestamp());
        return byTime != 0 ? byTime > 0 : a.key().compareTo(b.key()) < 0;
    }

    // ---- candidates -------------------------------------------------------------------------------------------

    /** A candidate for {@code value}, or null when the value is absent or empty. */
    private static Candidate candidate(Object value, SourceRef ref, int position) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            String key = TextKey.of(text);
            return key == null ? null : new Candidate(text, key, textCompleteness(text), text, ref, position);
        }
        if (value instanceof PostalAddress address) {
            return address.isEmpty() ? null : addressCandidate(address, ref, position);
        }
        if (value instanceof LocalDate date) {
            return new Candidate(date, date.toString(), 0, date.toString(), ref, position);
        }
        if (value instanceof NationalId id) {
            String key = TextKey.of(id.value());
            return key == null ? null : new Candidate(id, key, key.length(), id.value(), ref, position);
        }
        throw new IllegalStateException("no candidate form for " + value.getClass().getName());
    }

    /** Words first, then non-blank characters: "Mary Ann" over "Maryann", "Katherine" over "Kate". */
    private static long textCompleteness(String text) {
        long words = 0;
        long characters = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            boolean blank = Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
            if (!blank) {
                characters++;
                if (!inWord) {
                    words++;
                }
            }
            inWord = !blank;
        }
        return (words << 32) | characters;
    }

    private static Candidate addressCandidate(PostalAddress address, SourceRef ref, int position) {
        String[] parts = {address.streetNumber(), address.street(), address.line2(), address.locality(),
                address.region(), address.postcode(), address.country()};
        StringBuilder key = new StringBuilder(64);
        StringBuilder exact = new StringBuilder(64);
        int present = 0;
        for (String part : parts) {
            String partKey = TextKey.of(part);
            if (partKey != null) {
                present++;
                key.append(partKey);
                exact.append(part);
            }
            key.append('\u001F');
            exact.append('\u001F');
        }
        return new Candidate(address, key.toString(), present, exact.toString(), ref, position);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    // ---- internal types ---------------------------------------------------------------------------------------

    /** A member with the import columns its quality issues name. */
    private record Member(CanonicalCustomer record, Set<String> issueColumns) {

        boolean clean(String column) {
            return !issueColumns.contains(column);
        }

        boolean cleanAll(List<String> columns) {
            for (String column : columns) {
                if (issueColumns.contains(column)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * One value a member offers: {@code key} decides equality (most frequent, consensus), {@code completeness}
     * ranks most complete, {@code exact} is the value in full for the last tie-break, {@code position} its index
     * in a member's list (0 for single values).
     */
    private record Candidate(Object value, String key, long completeness, String exact, SourceRef ref, int position) {
    }

    private record Choice(Candidate winner, String rule, int candidates) {

        SurvivingValue toSurviving() {
            return new SurvivingValue(winner.value(), winner.ref(), rule, candidates);
        }
    }

    /** A {@link FieldRule} made ready to rank: the source priority as an index. */
    private static final class CompiledRule {

        private final List<Strategy> strategies;
        private final Map<String, Integer> priority;

        CompiledRule(FieldRule rule) {
            this.strategies = rule.strategies();
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < rule.sourcePriority().size(); i++) {
                index.putIfAbsent(rule.sourcePriority().get(i), i);
            }
            this.priority = Map.copyOf(index);
        }

        List<Strategy> strategies() {
            return strategies;
        }

        boolean usesFrequency() {
            return strategies.contains(Strategy.MOST_FREQUENT);
        }

        Comparator<Candidate> comparator(Strategy strategy, Map<String, Integer> frequencies) {
            return switch (strategy) {
                case SOURCE_PRIORITY -> Comparator.comparingInt(
                        c -> priority.getOrDefault(c.ref().system().value(), priority.size()));
                case MOST_RECENT -> Comparator.comparing(Candidate::ref, NEWEST_FIRST);
                case MOST_COMPLETE -> Comparator.comparingLong((Candidate c) -> c.completeness()).reversed();
                case MOST_FREQUENT -> Comparator.comparingInt((Candidate c) -> frequencies.getOrDefault(c.key(), 0))
                        .reversed();
            };
        }

        /** All strategies in order, then the final tie-break: a total order, best first. */
        Comparator<Candidate> ranking(Map<String, Integer> frequencies) {
            Comparator<Candidate> order = null;
            for (Strategy strategy : strategies) {
                Comparator<Candidate> next = comparator(strategy, frequencies);
                order = order == null ? next : order.thenComparing(next);
            }
            return order == null ? FINAL_TIE_BREAK : order.thenComparing(FINAL_TIE_BREAK);
        }
    }
}
