package io.rapport.sim.social;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The accounts of a generated conversation, each writing mostly in one language. Follower counts are long-tailed, as
 * on X: log-normal around a median of about 90, so most accounts have under 500, plus a share of verified
 * influencers with 100k to 2M; spam accounts have next to no followers and follow thousands.
 */
final class AuthorPool {

    private static final Map<String, List<String>> FIRST_NAMES = Map.of(
            "en", List.of("emma", "liam", "olivia", "noah", "ava", "jack", "mia", "lucas", "chloe", "ethan", "zoe",
                    "ryan", "grace", "mason", "lily", "owen"),
            "es", List.of("lucia", "mateo", "sofia", "diego", "valentina", "javier", "carmen", "pablo"),
            "de", List.of("lukas", "anna", "felix", "lea", "jonas", "marie", "leon", "hannah"),
            "fr", List.of("louis", "manon", "hugo", "camille", "jules", "ines", "arthur", "lea"),
            "pt", List.of("joao", "ana", "pedro", "beatriz", "gabriel", "mariana", "rafael", "larissa"),
            "sv", List.of("erik", "astrid", "oskar", "elsa", "nils", "freja", "lars", "saga"));
    private static final List<String> SUFFIXES = List.of("", "_", "x", "official", "dev", "writes", "92", "2000",
            "_real", "lol");
    private static final List<String> SPAM_STEMS = List.of("deals", "promo", "giveaway", "cash", "crypto", "winner");

    private final Random random;
    private final Map<String, List<Author>> byLanguage = new HashMap<>();
    private final List<Author> spammers = new ArrayList<>();
    private final Set<String> usernames = new HashSet<>();

    AuthorPool(Scenario scenario, Random random, String brand) {
        this.random = random;
        usernames.add(brand.toLowerCase(Locale.ROOT));
        Weighted<String> languages = new Weighted<>(scenario.languageMix());
        int spam = Math.max(3, scenario.authors() / 30);
        for (int i = 0; i < scenario.authors() - spam; i++) {
            String lang = languages.pick(random);
            boolean influencer = random.nextDouble() < scenario.influencerShare();
            byLanguage.computeIfAbsent(lang, l -> new ArrayList<>()).add(person(lang, influencer));
        }
        for (String lang : scenario.languageMix().keySet()) {  // every language has someone to write it
            byLanguage.computeIfAbsent(lang, l -> new ArrayList<>(List.of(person(l, false))));
        }
        for (int i = 0; i < spam; i++) {
            spammers.add(spammer());
        }
    }

    List<Author> all() {
        List<Author> all = new ArrayList<>();
        byLanguage.values().forEach(all::addAll);
        all.addAll(spammers);
        return all;
    }

    Author pick(String lang, boolean spam) {
        List<Author> candidates = spam ? spammers : byLanguage.get(lang);
        return candidates.get(random.nextInt(candidates.size()));
    }

    private Author person(String lang, boolean influencer) {
        List<String> names = FIRST_NAMES.get(lang);
        String first = names.get(random.nextInt(names.size()));
        String username = unique(first + SUFFIXES.get(random.nextInt(SUFFIXES.size())));
        String name = Character.toUpperCase(first.charAt(0)) + first.substring(1) + " "
                + (char) ('A' + random.nextInt(26)) + ".";
        int followers = influencer ? (int) Math.exp(Math.log(100_000) + random.nextDouble() * Math.log(20))
                : (int) Math.min(99_000, Math.exp(4.5 + 1.3 * random.nextGaussian()));
        int following = (int) Math.min(5_000, Math.exp(5.3 + 0.9 * random.nextGaussian()));
        int tweets = (int) Math.exp(6 + 1.5 * random.nextGaussian()) + 1;
        return new Author(id(), username, name, influencer, followers, following, tweets, lang, joined());
    }

    private Author spammer() {
        String stem = SPAM_STEMS.get(random.nextInt(SPAM_STEMS.size()));
        String username = unique(stem + "_4u_" + (1000 + random.nextInt(9000)));
        return new Author(id(), username, Character.toUpperCase(stem.charAt(0)) + stem.substring(1) + " 4 U", false,
                random.nextInt(40), 1_000 + random.nextInt(4_000), 20_000 + random.nextInt(80_000), "en", joined());
    }

    private String unique(String candidate) {
        String username = candidate.length() > 15 ? candidate.substring(0, 15) : candidate;
        while (!usernames.add(username.toLowerCase(Locale.ROOT))) {
            String digits = String.valueOf(random.nextInt(1000));
            username = (username.length() + digits.length() > 15 ? username.substring(0, 15 - digits.length())
                    : username) + digits;
        }
        return username;
    }

    private long id() {
        return 10_000_000L + (random.nextLong() & Long.MAX_VALUE) % 1_600_000_000_000_000_000L;
    }

    private Instant joined() {
        return Instant.parse("2009-01-01T00:00:00Z").plusSeconds((long) (random.nextDouble() * 500_000_000L));
    }

    /** Picks keys in proportion to their weights. */
    static final class Weighted<K> {
        private final List<K> keys = new ArrayList<>();
        private final double[] cumulative;

        Weighted(Map<K, Double> weights) {
            cumulative = new double[weights.size()];
            double sum = 0;
            int i = 0;
            for (Map.Entry<K, Double> entry : weights.entrySet()) {
                keys.add(entry.getKey());
                sum += entry.getValue();
                cumulative[i++] = sum;
            }
            for (int j = 0; j < cumulative.length; j++) {
                cumulative[j] /= sum;
            }
        }

        K pick(Random random) {
            double r = random.nextDouble();
            for (int i = 0; i < cumulative.length; i++) {
                if (r < cumulative[i]) {
                    return keys.get(i);
                }
            }
            return keys.get(keys.size() - 1);
        }
    }
}
