package io.rapport.core.match;

import static io.rapport.core.match.Comparators.MISSING;

import java.util.Arrays;
import java.util.List;

/**
 * Scores a pair of profiles: the Fellegi-Sunter sum of per-field weights, identifier rules, and the contradiction
 * checks that keep households apart. docs/matching.md explains each step and the default numbers.
 *
 * <ol>
 *   <li>Every enabled field is compared to a level (exact, close, ..., different, or missing when either side has
 *       no value). The level's weight is {@code log2(m / u)}; missing weighs 0; the total is the sum. Given and
 *       family names that agree better crosswise are scored crosswise (level {@code transposed}). Correlated address
 *       fields count once: locality and region add nothing when the postcodes agree exactly, nor a different
 *       street, locality or region when the postcodes differ ({@code implied_by_postcode}); a different house number on a
 *       different street adds nothing ({@code implied_by_street}).</li>
 *   <li>An identifier rule (same national id, same verified email, same external id, optionally same phone)
 *       decides MATCH, unless the pair contradicts itself: two fields at a veto level, two of given name, family
 *       name and birth date different, or a negative total. A contradicted identifier makes the pair POSSIBLE.</li>
 *   <li>Two fields at a veto level (by default another given name and another birth date): NON_MATCH.</li>
 *   <li>Total {@code >= matchThreshold}: MATCH if no field is at a veto level (or the national ids agree, exact or
 *       one edit, against a single one), an identifying field (given name, birth date, national id, email) agrees
 *       with at least {@link #MIN_IDENTIFYING_WEIGHT} bit, and the name is not the only personal agreement while an
 *       email or phone disagrees (a parent and child of the same name); otherwise POSSIBLE.</li>
 *   <li>Total {@code >= reviewThreshold}: POSSIBLE; otherwise NON_MATCH.</li>
 * </ol>
 *
 * <p>Symmetric and order-independent: {@code score(a, b)} equals {@code score(b, a)} in every part (the pair is
 * put in record-key order first). Thread-safe; no regex, and no allocation but the result.
 */
public final class MatchScorer {

    private static final MatchField[] FIELDS = MatchField.ALL;
    private static final int GIVEN = MatchField.GIVEN_NAME.ordinal();
    private static final int FAMILY = MatchField.FAMILY_NAME.ordinal();
    private static final int NATIONAL_ID = MatchField.NATIONAL_ID.ordinal();
    private static final int BIRTH_DATE = MatchField.BIRTH_DATE.ordinal();
    private static final int POSTCODE = MatchField.POSTCODE.ordinal();
    private static final int LOCALITY = MatchField.LOCALITY.ordinal();
    private static final int REGION = MatchField.REGION.ordinal();
    /** Weight from which an identifying field's level counts as agreement about the person (not "same birth year"). */
    static final double MIN_IDENTIFYING_WEIGHT = 1.0;
    private static final int EMAIL = MatchField.EMAIL.ordinal();
    private static final int PHONE = MatchField.PHONE.ordinal();
    /** Fields whose agreement tells a person from a namesake in the same household. */
    private static final int[] PERSONAL_EVIDENCE = {BIRTH_DATE, NATIONAL_ID, EMAIL};
    private static final int STREET = MatchField.STREET.ordinal();
    private static final int STREET_NUMBER = MatchField.STREET_NUMBER.ordinal();
    /** Level of a field whose comparison the postcode already stated (locality and region). */
    private static final int IMPLIED_BY_POSTCODE = -2;
    /** Level of a house number on another street. */
    private static final int IMPLIED_BY_STREET = -3;

    private final MatchSettings settings;
    private final boolean[] enabled = new boolean[FIELDS.length];
    private final double[][] weights = new double[FIELDS.length][];
    private final boolean[][] veto = new boolean[FIELDS.length][];
    private final boolean[] identifying = new boolean[FIELDS.length];
    /** The most a field can add to a total: its best level's weight, or 0 (missing) if that is more. */
    private final double[] maxWeight = new double[FIELDS.length];
    private final boolean nationalIdRule;
    private final boolean emailRule;
    private final boolean phoneRule;
    private final String[] externalIds;

    public MatchScorer(MatchSettings settings) {
        this.settings = settings;
        for (MatchField f : FIELDS) {
            FieldWeights fw = settings.field(f.key);
            int i = f.ordinal();
            enabled[i] = fw.enabled();
            identifying[i] = fw.identifying();
            weights[i] = new double[f.levels.size()];
            veto[i] = new boolean[f.levels.size()];
            for (int l = 0; l < f.levels.size(); l++) {
                String level = f.levels.get(l);
                weights[i][l] = fw.weight(level);
                veto[i][l] = fw.vetoLevels().contains(level);
                maxWeight[i] = enabled[i] ? Math.max(maxWeight[i], weights[i][l]) : 0.0;
            }
        }
        MatchSettings.Deterministic rules = settings.deterministic();
        this.nationalIdRule = rules.nationalId();
        this.emailRule = rules.verifiedEmail();
        this.phoneRule = rules.phone();
        this.externalIds = rules.externalIdAttributes().toArray(new String[0]);
    }

    public MatchSettings settings() {
        return settings;
    }

    /** The full score of a pair, every field's level and weight included: for explanations and tests. */
    public MatchResult score(MatchProfile a, MatchProfile b) {
        if (a.recordKey.compareTo(b.recordKey) > 0) {
            return score(b, a);
        }
        int[] levels = new int[FIELDS.length];
        cheapLevels(a, b, levels);
        return scoreRest(a, b, levels);
    }

    /**
     * {@link #score}, or {@link MatchResult#BELOW_REVIEW} as soon as the pair provably ends NON_MATCH: no identifier
     * rule applies and either two fields are at a veto level or the fields compared so far, plus the most the
     * others could add, stay under the review threshold. The cheap comparisons (dates, ids, contacts, postcode)
     * run first, the string similarities of names and street last. Whenever this returns a MATCH or POSSIBLE it
     * returns exactly what {@link #score} returns, so resolution links the same pairs; most candidates a block
     * brings are strangers, and this is what keeps them cheap.
     */
    public MatchResult scoreIfLinkable(MatchProfile a, MatchProfile b) {
        if (a.recordKey.compareTo(b.recordKey) > 0) {
            return scoreIfLinkable(b, a);
        }
        int[] levels = new int[FIELDS.length];
        cheapLevels(a, b, levels);
        if (deterministicRule(a, b, levels) != null) {
            return scoreRest(a, b, levels);
        }
        // without an identifier rule, a pair under the review threshold or with two vetoes is a NON_MATCH
        double known = contribution(BIRTH_DATE, levels[BIRTH_DATE]) + contribution(NATIONAL_ID, levels[NATIONAL_ID])
                + contribution(EMAIL, levels[EMAIL]) + contribution(PHONE, levels[PHONE]);
        double address = addressBound(levels);
        if (vetoes(levels, BIRTH_DATE, NATIONAL_ID) >= 2
                || below(known + address + maxWeight[GIVEN] + maxWeight[FAMILY])) {
            return MatchResult.BELOW_REVIEW;
        }
        boolean transposed = nameLevels(a, b, levels);
        known += contribution(GIVEN, levels[GIVEN]) + contribution(FAMILY, levels[FAMILY]);
        if (vetoes(levels, GIVEN, BIRTH_DATE, NATIONAL_ID) >= 2 || below(known + address)) {
            return MatchResult.BELOW_REVIEW;
        }
        addressLevels(a, b, levels);
        return decide(a, b, levels, transposed);
    }

    /**
     * Whether two records plainly describe two people: a field at a veto level (by default another given name,
     * birth date or national id) and no identifier rule to say otherwise. Identity resolution never lets automatic
     * links put such a pair into one customer, however other records connect them.
     */
    public boolean contradicts(MatchProfile a, MatchProfile b) {
        if (a.recordKey.compareTo(b.recordKey) > 0) {
            return contradicts(b, a);
        }
        int[] levels = new int[FIELDS.length];
        cheapLevels(a, b, levels);
        if (deterministicRule(a, b, levels) != null) {
            return false;
        }
        if (vetoes(levels, BIRTH_DATE, NATIONAL_ID) > 0) {
            return true;
        }
        nameLevels(a, b, levels);
        return vetoes(levels, GIVEN) > 0;
    }

    /** After {@link #cheapLevels}: names, the rest of the address, and the decision. */
    private MatchResult scoreRest(MatchProfile a, MatchProfile b, int[] levels) {
        boolean transposed = nameLevels(a, b, levels);
        addressLevels(a, b, levels);
        return decide(a, b, levels, transposed);
    }

    /**
     * The fields compared without string similarity: birth date, national id, email, phone, and postcode and house
     * number as they compare ({@link #addressLevels} may yet mark the house number as implied by the street).
     */
    private static void cheapLevels(MatchProfile a, MatchProfile b, int[] levels) {
        int birth = Comparators.birthDate(a.birthDate, b.birthDate);
        levels[BIRTH_DATE] = birth == MISSING ? Comparators.impliedBirthDate(a, b) : birth;
        levels[NATIONAL_ID] = Comparators.identifier(a.nationalId, b.nationalId);
        levels[EMAIL] = Comparators.anyOf(a.emails, b.emails);
        levels[PHONE] = Comparators.anyOf(a.phones, b.phones);
        levels[POSTCODE] = Comparators.postcode(a.postcode, b.postcode);
        levels[STREET_NUMBER] = Comparators.streetNumber(a.streetNumber, b.streetNumber);
    }

    /** Given and family name, crosswise if they agree better so; whether they were transposed. */
    private boolean nameLevels(MatchProfile a, MatchProfile b, int[] levels) {
        levels[GIVEN] = enabled[GIVEN] ? Comparators.givenName(a, b) : MISSING;
        levels[FAMILY] = enabled[FAMILY] ? Comparators.familyName(a, b) : MISSING;
        return enabled[GIVEN] && enabled[FAMILY] && mayBeTransposed(levels[GIVEN], levels[FAMILY])
                && transposed(a, b, levels);
    }

    /**
     * The most the address fields can add to a pair after {@link #cheapLevels}: the postcode and house number as
     * they compare (a different house number may yet count nothing, on another street), street, locality and region
     * at their best level (locality and region nothing when the postcodes agree, as in {@link #addressLevels}).
     */
    private double addressBound(int[] levels) {
        double bound = contribution(POSTCODE, levels[POSTCODE])
                + Math.max(0.0, contribution(STREET_NUMBER, levels[STREET_NUMBER])) + maxWeight[STREET];
        if (!(enabled[POSTCODE] && levels[POSTCODE] == Comparators.EXACT)) {
            bound += maxWeight[LOCALITY] + maxWeight[REGION];
        }
        return bound;
    }

    /**
     * Street, locality and region, each fact about the place counted once with the postcode and house number
     * {@link #cheapLevels} compared.
     */
    private void addressLevels(MatchProfile a, MatchProfile b, int[] levels) {
        // Address fields are not independent: one fact (same place, or another place) must not count several times.
        // An exact postcode already says locality and region; another postcode already says another place, so a
        // different locality or region adds nothing to it (someone who moved changes them all at once); another
        // street already says another house number.
        int street = Comparators.street(a, b);
        int number = levels[STREET_NUMBER];
        levels[STREET] = street;
        levels[STREET_NUMBER] = enabled[STREET] && street == Comparators.DIFFERENT && number == Comparators.DIFFERENT
                ? IMPLIED_BY_STREET : number;
        int postcode = levels[POSTCODE];
        if (enabled[POSTCODE] && postcode == Comparators.DIFFERENT && street == Comparators.DIFFERENT) {
            // another postcode already says another place: someone who moved changes street and postcode at once
            levels[STREET] = IMPLIED_BY_POSTCODE;
        }
        if (enabled[POSTCODE] && postcode == Comparators.EXACT) {
            levels[LOCALITY] = IMPLIED_BY_POSTCODE;
            levels[REGION] = IMPLIED_BY_POSTCODE;
        } else {
            boolean elsewhere = enabled[POSTCODE] && postcode == Comparators.DIFFERENT;
            int locality = Comparators.locality(a.locality, b.locality);
            int region = Comparators.region(a.region, b.region);
            levels[LOCALITY] = elsewhere && locality == Comparators.DIFFERENT ? IMPLIED_BY_POSTCODE : locality;
            levels[REGION] = elsewhere && region == Comparators.REGION_DIFFERENT ? IMPLIED_BY_POSTCODE : region;
        }
    }

    /** What a field at a level adds to the total: nothing when the field is disabled or missing. */
    private double contribution(int field, int level) {
        return enabled[field] && level >= 0 ? weights[field][level] : 0.0;
    }

    /** How many of the given fields are at a veto level (a lower bound for the whole pair). */
    private int vetoes(int[] levels, int... fields) {
        int count = 0;
        for (int field : fields) {
            if (enabled[field] && levels[field] >= 0 && veto[field][levels[field]]) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether an upper bound of a pair's total is under the review threshold; the margin absorbs the rounding of
     * adding the same weights in another order than {@link #decide} does.
     */
    private boolean below(double bound) {
        return bound < settings.reviewThreshold() - 1e-9;
    }

    /** The total, the decision and the explanation of a pair whose every level is known. */
    private MatchResult decide(MatchProfile a, MatchProfile b, int[] levels, boolean transposed) {
        double total = 0.0;
        int vetoes = 0;
        boolean identified = false;
        FieldScore[] scores = new FieldScore[FIELDS.length];
        int reported = 0;
        for (MatchField f : FIELDS) {
            int i = f.ordinal();
            if (!enabled[i]) {
                continue;
            }
            int level = levels[i];
            if (level < 0) {
                String label = level == MISSING ? FieldScore.MISSING
                        : level == IMPLIED_BY_POSTCODE ? FieldScore.IMPLIED_BY_POSTCODE : FieldScore.IMPLIED_BY_STREET;
                scores[reported++] = new FieldScore(f.key, label, 0.0);
                continue;
            }
            double w = weights[i][level];
            total += w;
            if (veto[i][level]) {
                vetoes++;
            }
            if (identifying[i] && w >= MIN_IDENTIFYING_WEIGHT) {
                identified = true;
            }
            boolean swapped = transposed && (i == GIVEN || i == FAMILY);
            scores[reported++] = new FieldScore(f.key, swapped ? FieldScore.TRANSPOSED : f.levels.get(level), w);
        }

        // an identifier decides alone unless the pair contradicts itself: two fields at a veto level, two of the
        // three facts about the person (given name, family name, birth date) different, or the other fields
        // together speaking against the pair more strongly than the identifier speaks for it; a contradicted
        // identifier goes to review (a wrong id on a record, or a duplicate with bad data: a steward decides)
        String rule = deterministicRule(a, b, levels);
        boolean contradicted = vetoes >= 2 || total < 0.0 || otherPerson(levels);
        MatchDecision decision;
        if (rule != null) {
            decision = contradicted ? MatchDecision.POSSIBLE : MatchDecision.MATCH;
            rule = contradicted ? null : rule;
        } else if (vetoes >= 2) {
            // another given name and another birth date: another person, however much else agrees (household)
            decision = MatchDecision.NON_MATCH;
        } else if (total >= settings.matchThreshold()) {
            boolean idAgrees = enabled[NATIONAL_ID]
                    && (levels[NATIONAL_ID] == Comparators.ID_EXACT || levels[NATIONAL_ID] == Comparators.ID_ONE_EDIT);
            boolean uncontradicted = vetoes == 0 || idAgrees;
            decision = identified && uncontradicted && !sameNameOtherContact(levels) && !onlyNameAlike(a, b, levels)
                    ? MatchDecision.MATCH : MatchDecision.POSSIBLE;
        } else if (total >= settings.reviewThreshold()) {
            decision = MatchDecision.POSSIBLE;
        } else {
            decision = MatchDecision.NON_MATCH;
        }
        List<FieldScore> fields = List.of(reported == scores.length ? scores : Arrays.copyOf(scores, reported));
        return new MatchResult(total, decision, rule, fields);
    }

    /**
     * Whether two of given name, family name and birth date are plainly different. A family name alone changes
     * with marriage and is no veto, but next to another given name or birth date it describes someone else: at
     * 1,000,000 generated records, seven-digit ids shared by chance were most of the false links, every one of
     * them with both names different.
     */
    private boolean otherPerson(int[] levels) {
        int different = 0;
        if (enabled[GIVEN] && (levels[GIVEN] == Comparators.GIVEN_DIFFERENT
                || levels[GIVEN] == Comparators.GIVEN_DIFFERENT_UNLISTED)) {
            different++;
        }
        if (enabled[FAMILY] && levels[FAMILY] == Comparators.FAMILY_DIFFERENT) {
            different++;
        }
        if (enabled[BIRTH_DATE] && levels[BIRTH_DATE] == Comparators.DATE_DIFFERENT) {
            different++;
        }
        return different >= 2;
    }

    /**
     * Whether the only thing the pair agrees on about the person is the name (no birth date, national id or email
     * in agreement) while a personal contact, email or phone, disagrees: a parent and child of the same name at one
     * address look exactly like that. Such a pair is left for review.
     */
    private boolean sameNameOtherContact(int[] levels) {
        for (int field : PERSONAL_EVIDENCE) {
            int level = levels[field];
            if (enabled[field] && level >= 0 && weights[field][level] >= MIN_IDENTIFYING_WEIGHT) {
                return false;
            }
        }
        return (enabled[EMAIL] && levels[EMAIL] == Comparators.DIFFERENT)
                || (enabled[PHONE] && levels[PHONE] == Comparators.DIFFERENT);
    }

    /**
     * Whether a given name that is merely alike (close, phonetic, similar, an initial: Mary/Gary, Michael/Michelle,
     * Jack/Jake) is the only agreement about the person: no birth date, national id or email agrees. Family name,
     * address and phone then say which household, and within a household such names are siblings as often as
     * typos. Such a pair is left for review.
     */
    private boolean onlyNameAlike(MatchProfile a, MatchProfile b, int[] levels) {
        if (!(a.givenKnown && b.givenKnown) || a.givenFirst.equals(b.givenFirst)) {
            return false;
        }
        for (int field : PERSONAL_EVIDENCE) {
            int level = levels[field];
            if (enabled[field] && level >= 0 && weights[field][level] >= MIN_IDENTIFYING_WEIGHT) {
                return false;
            }
        }
        int given = levels[GIVEN];
        return given == Comparators.GIVEN_CLOSE || given == Comparators.GIVEN_PHONETIC
                || given == Comparators.GIVEN_SIMILAR || given == Comparators.GIVEN_INITIAL;
    }

    private static boolean mayBeTransposed(int given, int family) {
        return given == MISSING || given >= Comparators.GIVEN_PHONETIC
                || family == MISSING || family >= Comparators.FAMILY_PHONETIC;
    }

    /**
     * Whether the names agree better crosswise (a's given name against b's family name and the other way round)
     * than straight: at least one crosswise pair exact or close, none different. Covers names typed into each
     * other's fields, also when one of the four is missing. If so the name levels become the crosswise ones.
     */
    private boolean transposed(MatchProfile a, MatchProfile b, int[] levels) {
        int givenVsFamily = Comparators.nameLevel(a.given, a.givenOcr, a.givenPhonetic, a.givenPhoneticAlt,
                b.family, b.familyOcr, b.familyPhonetic, b.familyPhoneticAlt);
        int familyVsGiven = Comparators.nameLevel(a.family, a.familyOcr, a.familyPhonetic, a.familyPhoneticAlt,
                b.given, b.givenOcr, b.givenPhonetic, b.givenPhoneticAlt);
        if (givenVsFamily == Comparators.FAMILY_DIFFERENT || familyVsGiven == Comparators.FAMILY_DIFFERENT
                || !(agrees(givenVsFamily) || agrees(familyVsGiven))) {
            return false;
        }
        int given = switch (givenVsFamily) {
            case MISSING -> MISSING;
            case Comparators.FAMILY_EXACT -> Comparators.GIVEN_EXACT;
            case Comparators.FAMILY_CLOSE -> Comparators.GIVEN_CLOSE;
            case Comparators.FAMILY_PHONETIC -> Comparators.GIVEN_PHONETIC;
            default -> Comparators.GIVEN_SIMILAR;
        };
        int family = familyVsGiven;
        if (weightOf(GIVEN, given) + weightOf(FAMILY, family) <= weightOf(GIVEN, levels[GIVEN]) + weightOf(FAMILY, levels[FAMILY])) {
            return false;
        }
        levels[GIVEN] = given;
        levels[FAMILY] = family;
        return true;
    }

    private double weightOf(int field, int level) {
        return level < 0 ? 0.0 : weights[field][level];
    }

    private static boolean agrees(int nameLevel) {
        return nameLevel == Comparators.FAMILY_EXACT || nameLevel == Comparators.FAMILY_CLOSE;
    }

    private String deterministicRule(MatchProfile a, MatchProfile b, int[] levels) {
        if (nationalIdRule && levels[NATIONAL_ID] == Comparators.ID_EXACT) {
            return "national_id";
        }
        if (emailRule && sameVerifiedEmail(a, b)) {
            return "verified_email";
        }
        for (String attribute : externalIds) {
            String x = a.attributes.get(attribute);
            if (x != null && !x.isBlank() && x.strip().equals(stripped(b.attributes.get(attribute)))) {
                return "external_id:" + attribute;
            }
        }
        if (phoneRule && levels[PHONE] == Comparators.EXACT) {
            return "phone";
        }
        return null;
    }

    private static String stripped(String s) {
        return s == null ? null : s.strip();
    }

    private static boolean sameVerifiedEmail(MatchProfile a, MatchProfile b) {
        for (int i = 0; i < a.emails.length; i++) {
            if (!a.emailVerified[i]) {
                continue;
            }
            for (int j = 0; j < b.emails.length; j++) {
                if (b.emailVerified[j] && a.emails[i].equals(b.emails[j])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The compiled weight of a level, for tests and explanations. */
    double weight(String field, String level) {
        MatchField f = MatchField.byKey(field);
        return weights[f.ordinal()][f.level(level)];
    }
}
