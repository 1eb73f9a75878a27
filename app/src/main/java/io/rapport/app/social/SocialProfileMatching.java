package io.rapport.app.social;

import io.rapport.core.normalize.TextKey;
import io.rapport.core.social.AuthorProfileMatcher;
import io.rapport.core.social.AuthorProfileMatcher.Candidate;
import io.rapport.core.social.AuthorProfileMatcher.Match;
import io.rapport.core.social.SocialAuthor;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scores new prospects against the customers by their profile (display name and handle), off the enrich stage's hot
 * path: a prospect whose profile names a customer with enough confidence is linked (PROFILE) or proposed for review.
 * Each prospect is checked once; a steward's decision is never revisited. Referenced by name ({@value #BEAN_NAME})
 * from routes/social-listening.yaml.
 */
public class SocialProfileMatching implements Processor {

    public static final String BEAN_NAME = "matchSocialProfiles";

    private static final Logger log = LoggerFactory.getLogger(SocialProfileMatching.class);
    private static final int PROSPECTS_PER_PASS = 200;
    private static final int CANDIDATES = 50;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private record Prospect(String authorKey, String authorId, String handle, String displayName,
                            String rejectedCustomerId) {
    }

    private final JdbcTemplate jdbc;
    private final CustomerMembers members;
    private final AuthorProfileMatcher matcher = new AuthorProfileMatcher();
    private final SocialProperties.Linking settings;
    private final Clock clock;

    public SocialProfileMatching(JdbcTemplate jdbc, CustomerMembers members, SocialProperties.Linking settings,
                                 Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        runOnce();
    }

    /** One pass over unchecked prospects; how many were linked or proposed. */
    public int runOnce() {
        List<Prospect> prospects = jdbc.query("SELECT author_key, author_id, handle, display_name,"
                + " rejected_customer_id FROM social_author WHERE status = ? AND profile_checked_at IS NULL"
                + " ORDER BY first_seen_at FETCH FIRST " + PROSPECTS_PER_PASS + " ROWS ONLY",
                (rs, n) -> new Prospect(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), AuthorLink.PROSPECT);
        int found = 0;
        for (Prospect prospect : prospects) {
            found += check(prospect) ? 1 : 0;
        }
        if (found > 0) {
            log.info("profile matching linked or proposed {} of {} new authors", found, prospects.size());
        }
        return found;
    }

    private boolean check(Prospect prospect) {
        Timestamp now = Timestamp.from(clock.instant());
        Optional<Match> match = Optional.empty();
        Optional<String> term = searchTerm(prospect.displayName());
        if (term.isPresent()) {
            List<Candidate> candidates = candidates(term.get()).stream()
                    .filter(candidate -> !candidate.customerId().equals(prospect.rejectedCustomerId()))
                    .toList();
            match = matcher.best(new SocialAuthor(prospect.authorId(), prospect.handle(), prospect.displayName(), 0,
                    0, false), candidates).filter(m -> m.confidence() >= settings.proposeConfidence());
        }
        Optional<String> anchor = match.flatMap(m -> anchorOf(m.customerId()));
        if (match.isEmpty() || anchor.isEmpty()) {
            jdbc.update("UPDATE social_author SET profile_checked_at = ? WHERE author_key = ? AND status = ?", now,
                    prospect.authorKey(), AuthorLink.PROSPECT);
            return false;
        }
        String status = match.get().confidence() >= settings.autoLinkConfidence() ? AuthorLink.LINKED
                : AuthorLink.PROPOSED;
        // the status guard: the enrich stage may have linked the author by a declaration in the meantime
        return jdbc.update("UPDATE social_author SET status = ?, anchor_record_key = ?, customer_id = ?,"
                + " link_method = ?, confidence = ?, profile_checked_at = ?, updated_at = ?"
                + " WHERE author_key = ? AND status = ?", status, anchor.get(), match.get().customerId(),
                AuthorLink.PROFILE, match.get().confidence(), now, now, prospect.authorKey(), AuthorLink.PROSPECT) == 1;
    }

    /** The rarest-looking word of the name: its longest, which a LIKE over the search text narrows best. */
    private static Optional<String> searchTerm(String displayName) {
        String key = TextKey.withoutDiacritics(displayName);
        if (key == null) {
            return Optional.empty();
        }
        return Arrays.stream(key.replaceAll("[^\\p{L}\\s'-]", " ").split("\\s+"))
                .filter(word -> word.length() >= 3)
                .max(Comparator.comparingInt(String::length));
    }

    private List<Candidate> candidates(String term) {
        String like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.query("SELECT customer_id, display_name, search_text FROM golden_record"
                + " WHERE search_text LIKE ? ESCAPE '\\' FETCH FIRST " + CANDIDATES + " ROWS ONLY", (rs, n) -> {
                    List<String> emails = new ArrayList<>();
                    for (String word : rs.getString(3).split(" ")) {
                        if (EMAIL.matcher(word).matches()) {
                            emails.add(word);
                        }
                    }
                    return new Candidate(rs.getString(1), rs.getString(2), emails);
                }, like);
    }

    /** One of the customer's records: the link follows it through later merges and splits. */
    private Optional<String> anchorOf(String customerId) {
        return members.of(customerId).stream().findFirst();
    }
}
