package io.rapport.core.social;

import io.rapport.core.match.JaroWinkler;
import io.rapport.core.normalize.TextKey;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Links a post's author to a customer by what the profile says, when no source record declares the handle: the
 * display name against the customer's name, and the handle against the customer's name and e-mail addresses. The
 * result is a confidence, never a certainty: a name is shared by many people, so only name and handle agreeing
 * together come near 1, and a close second candidate pulls the best one down to "needs review".
 */
public final class AuthorProfileMatcher {

    /** What is known of one customer that a profile can agree with. */
    public record Candidate(String customerId, String name, List<String> emails) {
        public Candidate {
            emails = emails == null ? List.of() : List.copyOf(emails);
        }
    }

    public record Match(String customerId, double confidence) {
    }

    static final double NAME_WEIGHT = 0.7;
    static final double HANDLE_WEIGHT = 0.3;
    /** Below this, two names are different people however the handle reads. */
    static final double NAME_FLOOR = 0.85;
    /** A runner-up this close makes the best match a question for a person. */
    static final double AMBIGUITY_MARGIN = 0.05;
    static final double AMBIGUITY_PENALTY = 0.15;

    public Optional<Match> best(SocialAuthor author, List<Candidate> candidates) {
        String profileName = nameKey(author.displayName());
        if (profileName == null) {
            return Optional.empty();
        }
        List<Match> scored = candidates.stream()
                .map(candidate -> new Match(candidate.customerId(), score(profileName, author.handle(), candidate)))
                .filter(match -> match.confidence() > 0)
                .sorted(Comparator.comparingDouble(Match::confidence).reversed())
                .toList();
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        Match top = scored.get(0);
        if (scored.size() > 1 && scored.get(1).confidence() >= top.confidence() - AMBIGUITY_MARGIN) {
            return Optional.of(new Match(top.customerId(), round(Math.max(0, top.confidence() - AMBIGUITY_PENALTY))));
        }
        return Optional.of(top);
    }

    static double score(String profileName, String handle, Candidate candidate) {
        String customerName = nameKey(candidate.name());
        if (customerName == null) {
            return 0;
        }
        double name = JaroWinkler.similarity(profileName, customerName);
        if (name < NAME_FLOOR) {
            return 0;
        }
        return round(NAME_WEIGHT * name + HANDLE_WEIGHT * handleEvidence(handle, customerName, candidate.emails()));
    }

    /**
     * 1 when the handle spells the customer's full name or an e-mail address's local part; 0.5 when it holds the
     * family name; 0 otherwise. Digits and separators do not count: anna_berg84 is annaberg.
     */
    static double handleEvidence(String handle, String customerName, List<String> emails) {
        String letters = lettersOf(handle);
        if (letters.isEmpty()) {
            return 0;
        }
        String[] parts = customerName.split(" ");
        String joined = lettersOf(String.join("", parts));
        String reversed = lettersOf(String.join("", reverse(parts)));
        if (letters.equals(joined) || letters.equals(reversed)) {
            return 1;
        }
        for (String email : emails) {
            int at = email.indexOf('@');
            String local = lettersOf(at < 0 ? email : email.substring(0, at));
            if (!local.isEmpty() && letters.equals(local)) {
                return 1;
            }
        }
        String family = lettersOf(parts[parts.length - 1]);
        return family.length() >= 3 && letters.contains(family) ? 0.5 : 0;
    }

    private static String nameKey(String name) {
        String key = TextKey.withoutDiacritics(name);
        if (key == null) {
            return null;
        }
        // emoji, titles in brackets and the like are not part of a name
        String words = key.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s'-]", " ").replaceAll("\\s+", " ").strip();
        return words.isEmpty() ? null : words;
    }

    private static String lettersOf(String text) {
        if (text == null) {
            return "";
        }
        String key = TextKey.withoutDiacritics(text);
        return key == null ? "" : key.toLowerCase(Locale.ROOT).chars().filter(Character::isLetter)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String[] reverse(String[] parts) {
        String[] reversed = Arrays.copyOf(parts, parts.length);
        for (int i = 0; i < reversed.length / 2; i++) {
            String swap = reversed[i];
            reversed[i] = reversed[reversed.length - 1 - i];
            reversed[reversed.length - 1 - i] = swap;
        }
        return reversed;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
