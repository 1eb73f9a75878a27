package io.rapport.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.customer.SourceName;
import io.rapport.core.match.BlockingKeys;
import io.rapport.core.match.MatchProfile;
import io.rapport.core.match.MatchScorer;
import io.rapport.core.match.MatchSettings;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.party.EmailAddress;
import io.rapport.core.party.NationalId;
import io.rapport.core.party.PartyType;
import io.rapport.core.party.PersonName;
import io.rapport.core.party.PostalAddress;
import io.rapport.core.party.SourceRef;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IdentityResolverTest {

    private final MatchSettings settings = MatchSettings.defaults();
    private final IdentityResolver resolver = new IdentityResolver(new MatchScorer(settings),
            new BlockingKeys(settings.blocking()));

    @Test
    void aDuplicateFromAnotherSourceJoinsTheOriginalsCluster() {
        InMemoryResolutionState state = new InMemoryResolutionState();
        Resolution first = resolve(state, anna("crm", "1", "Anna", "Berg"));
        Resolution second = resolve(state, anna("erp", "A-77", "Ana", "Berg"));

        assertThat(second.clusterId()).isEqualTo(first.clusterId());
        assertThat(state.membersOf(first.clusterId())).containsExactlyInAnyOrder("crm:1", "erp:A-77");
    }

    @Test
    void differentPeopleStayApart() {
        InMemoryResolutionState state = new InMemoryResolutionState();
        Resolution anna = resolve(state, anna("crm", "1", "Anna", "Berg"));
        Resolution bob = resolve(state, person("crm", "2", "Robert", "Dahl", LocalDate.of(1961, 3, 4),
                "9912345", "bob.dahl@example.org", "7 Fjord Road", "Tromsø", "9008"));

        assertThat(bob.clusterId()).isNotEqualTo(anna.clusterId());
    }

    @Test
    void aRecordThatBridgesTwoClustersMergesThem() {
        InMemoryResolutionState state = new InMemoryResolutionState();
        // two partial views of one person that do not match each other ...
        Resolution byId = resolve(state, person("crm", "1", "Anna", null, null, "1234567", null,
                null, null, null));
        Resolution byAddress = resolve(state, person("erp", "2", null, "Berg", LocalDate.of(1980, 5, 17),
                null, null, "12 Harbour Street", "Bergen", "5003"));
        assertThat(byAddress.clusterId()).isNotEqualTo(byId.clusterId());

        // ... and a full record that matches both
        Resolution bridge = resolve(state, anna("web", "3", "Anna", "Berg"));

        assertThat(bridge.retiredClusters()).hasSize(1);
        assertThat(state.clusters()).hasSize(1);
        assertThat(state.membersOf(bridge.clusterId())).containsExactlyInAnyOrder("crm:1", "erp:2", "web:3");
    }

    @Test
    void aRecordThatCannotTellAParentFromAChildJoinsOnlyOneAndLeavesTheOtherForReview() {
        InMemoryResolutionState state = new InMemoryResolutionState();
        Resolution parent = resolve(state, person("crm", "1", "Anna", "Berg", LocalDate.of(1950, 2, 3), null, null,
                "12 Harbour Street", "Bergen", "5003"));
        Resolution child = resolve(state, person("crm", "2", "Anna", "Berg", LocalDate.of(1980, 5, 17), null, null,
                "12 Harbour Street", "Bergen", "5003"));
        assertThat(child.clusterId()).isNotEqualTo(parent.clusterId());

        // same name and address, no birth date: it matches both, but they are two people
        Resolution undated = resolve(state, person("erp", "3", "Anna", "Berg", null, null, null,
                "12 Harbour Street", "Bergen", "5003"));

        assertThat(state.clusters()).hasSize(2);
        String joined = state.membersOf(undated.clusterId()).contains("crm:1") ? "crm:1" : "crm:2";
        String other = joined.equals("crm:1") ? "crm:2" : "crm:1";
        assertThat(state.membersOf(undated.clusterId())).containsExactlyInAnyOrder("erp:3", joined);
        assertThat(undated.possibleMatches()).extracting(Resolution.PossibleMatch::otherKey).containsExactly(other);
        assertThat(state.linksOf("erp:3").get(other).kind()).isEqualTo(LinkKind.POSSIBLE);
    }

    @Test
    void anUpdateThatNoLongerMatchesSplitsTheRecordOut() {
        InMemoryResolutionState state = new InMemoryResolutionState();
        Resolution original = resolve(state, anna("crm", "1", "Anna", "Berg"));
        resolve(state, anna("erp", "2", "Anna", "Berg"));
        resolve(state, anna("web", "3", "Anna", "Berg"));

        Resolution updated = resolve(state, person("erp", "2", "Robert", "Dahl", LocalDate.of(1961, 3, 4),
                "9912345", "bob.dahl@example.org", "7 Fjord Road", "Tromsø", "9008"));

        assertThat(updated.clusterId()).isNotEqualTo(original.clusterId());
        assertThat(state.membersOf(original.clusterId())).containsExactlyInAnyOrder("crm:1", "web:3");
        assertThat(updated.changedClusters()).contains(original.clusterId(), updated.clusterId());
    }

    @Test
    void scoresComputedAheadAreNotUsedForACandidateThatChangedEarlierInTheBatch() {
        InMemoryResolutionState state = new InMemoryResolutionState();
        resolve(state, anna("crm", "1", "Anna", "Berg"));
        // erp:1 becomes Anna's mother at the same address (still in Anna's blocks), then web:3 (Anna) arrives in
        // the same batch
        MatchProfile erpChanged = MatchProfile.of(person("erp", "1", "Maria", "Berg", LocalDate.of(1952, 9, 30),
                null, "maria.berg@example.com", "12 Harbour Street", "Bergen", "5003"));
        resolve(state, anna("erp", "1", "Anna", "Berg"));
        MatchProfile web = MatchProfile.of(anna("web", "3", "Anna", "Berg"));
        List<MatchProfile> batch = List.of(erpChanged, web);
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            PairScores ahead = resolver.prescore(state, batch, pool);
            batch.forEach(profile -> resolver.resolve(state, profile, ahead));
        } finally {
            pool.shutdown();
        }

        // scored ahead against the old erp:1 (Anna), web:3 would have been linked to it
        assertThat(state.blockingKeysOf("web:3")).containsAnyElementsOf(state.blockingKeysOf("erp:1"));
        assertThat(state.linksOf("web:3")).containsOnlyKeys("crm:1");
        assertThat(state.clusterOf("web:3")).isEqualTo(state.clusterOf("crm:1"));
        assertThat(state.clusterOf("erp:1")).isNotEqualTo(state.clusterOf("crm:1"));
    }

    @Test
    void manualSplitSurvivesRescoringAndManualMergeJoinsNonMatchingRecords() {
        InMemoryResolutionState state = new InMemoryResolutionState();
        Resolution original = resolve(state, anna("crm", "1", "Anna", "Berg"));
        resolve(state, anna("erp", "2", "Anna", "Berg"));

        Resolution split = resolver.split(state, "erp:2");
        assertThat(split.clusterId()).isNotEqualTo(original.clusterId());
        Resolution rescored = resolve(state, anna("erp", "2", "Anna", "Berg"));
        assertThat(rescored.clusterId()).as("a steward's 'not the same' outlives a rescoring")
                .isNotEqualTo(state.clusterOf("crm:1").orElseThrow());

        Resolution bob = resolve(state, person("web", "9", "Robert", "Dahl", LocalDate.of(1961, 3, 4),
                "9912345", "bob.dahl@example.org", "7 Fjord Road", "Tromsø", "9008"));
        Resolution merged = resolver.merge(state, "web:9", "crm:1");
        assertThat(merged.clusterId()).isEqualTo(state.clusterOf("crm:1").orElseThrow());
        assertThat(state.clusterOf("web:9")).contains(merged.clusterId());
        assertThat(merged.retiredClusters()).contains(bob.clusterId());
    }

    @Test
    void aRecordSharingOnlyOneKeyOfABigBlockIsNotCompared() {
        // the duplicate's typos change both names' codes and it has no address: it shares only the birth date
        LocalDate born = LocalDate.of(1975, 11, 11);
        CanonicalCustomer original = person("crm", "1", "Michaela", "Neumann", born, null, null, null, null, null);
        CanonicalCustomer duplicate = person("erp", "2", "Nichaela", "Beumann", born, null, null, null, null, null);
        IdentityResolver bounded = resolverWithBlocks(100, 2);

        InMemoryResolutionState small = new InMemoryResolutionState();
        Resolution first = bounded.resolve(small, MatchProfile.of(original));
        assertThat(bounded.resolve(small, MatchProfile.of(duplicate)).clusterId()).isEqualTo(first.clusterId());

        InMemoryResolutionState big = new InMemoryResolutionState();
        bounded.resolve(big, MatchProfile.of(person("crm", "3", "Olav", "Dahl", born, null, null, null, null, null)));
        bounded.resolve(big, MatchProfile.of(person("crm", "4", "Per", "Lund", born, null, null, null, null, null)));
        Resolution original2 = bounded.resolve(big, MatchProfile.of(original));
        assertThat(bounded.resolve(big, MatchProfile.of(duplicate)).clusterId()).isNotEqualTo(original2.clusterId());
    }

    @Test
    void aSharedOversizedKeyCountsAsTheSecondKey() {
        LocalDate born = LocalDate.of(1980, 5, 17);
        IdentityResolver bounded = resolverWithBlocks(3, 1);
        InMemoryResolutionState state = new InMemoryResolutionState();
        // four others born that day make the birth date's block oversized
        for (String family : List.of("Dahl", "Lund", "Moe", "Vik")) {
            bounded.resolve(state, MatchProfile.of(person("crm", family, "Per", family, born, null, null, null, null,
                    null)));
        }
        // another Berg born in 1980 makes the family name + birth year block hold two
        bounded.resolve(state, MatchProfile.of(person("crm", "olga", "Olga", "Berg", LocalDate.of(1980, 1, 1), null,
                null, null, null, null)));
        Resolution anna = bounded.resolve(state, MatchProfile.of(person("crm", "anna", "Anna", "Berg", born, null,
                null, null, null, null)));

        // a typo changes the given name's code: family name + birth year (two members) and the oversized birth date
        Resolution hanna = bounded.resolve(state, MatchProfile.of(person("erp", "hanna", "Hanna", "Berg", born,
                null, null, null, null, null)));

        assertThat(hanna.clusterId()).isEqualTo(anna.clusterId());
        assertThat(hanna.oversizedBlocks()).isEqualTo(1);
    }

    @Test
    void clustersDoNotDependOnArrivalOrder() {
        List<CanonicalCustomer> records = List.of(
                anna("crm", "1", "Anna", "Berg"), anna("erp", "2", "Ana", "Berg"), anna("web", "3", "Anna", "Berg"),
                person("crm", "4", "Anna", null, null, "1234567", null, null, null, null),
                person("crm", "5", "Robert", "Dahl", LocalDate.of(1961, 3, 4), "9912345", "bob.dahl@example.org",
                        "7 Fjord Road", "Tromsø", "9008"),
                person("erp", "6", "Bob", "Dahl", LocalDate.of(1961, 3, 4), "9912345", null, "7 Fjord Rd", "Tromso",
                        "9008"),
                person("web", "7", "Kari", "Nordmann", LocalDate.of(1990, 1, 2), "5550001", "kari@example.no",
                        "1 Main Street", "Oslo", "0150"));
        Set<Set<String>> expected = partition(records);
        Random random = new Random(7);
        for (int round = 0; round < 10; round++) {
            List<CanonicalCustomer> shuffled = new ArrayList<>(records);
            Collections.shuffle(shuffled, random);
            assertThat(partition(shuffled)).isEqualTo(expected);
        }
    }

    private IdentityResolver resolverWithBlocks(int maxBlockSize, int singleKeyMaxBlockSize) {
        return new IdentityResolver(new MatchScorer(settings), new BlockingKeys(new MatchSettings.Blocking(null,
                maxBlockSize, singleKeyMaxBlockSize)));
    }

    private Set<Set<String>> partition(Collection<CanonicalCustomer> records) {
        InMemoryResolutionState state = new InMemoryResolutionState();
        records.forEach(r -> resolve(state, r));
        return state.clusters().values().stream().map(HashSet::new).collect(Collectors.toSet());
    }

    private Resolution resolve(InMemoryResolutionState state, CanonicalCustomer customer) {
        return resolver.resolve(state, MatchProfile.of(customer));
    }

    static CanonicalCustomer anna(String source, String id, String given, String family) {
        return person(source, id, given, family, LocalDate.of(1980, 5, 17), "1234567", "anna.berg@example.com",
                "12 Harbour Street", "Bergen", "5003");
    }

    static CanonicalCustomer person(String source, String id, String given, String family, LocalDate birth,
                                              String nationalId, String email, String street, String locality,
                                              String postcode) {
        String number = street == null ? null : street.substring(0, street.indexOf(' '));
        String streetName = street == null ? null : street.substring(street.indexOf(' ') + 1);
        return new CanonicalCustomer(CanonicalCustomer.MODEL_VERSION,
                new SourceRef(SourceName.of(source), id, Instant.parse("2026-01-01T00:00:00Z")), PartyType.PERSON,
                new PersonName(given, family, null), null,
                email == null ? List.of() : List.of(new EmailAddress(email, email, false)), List.of(),
                new PostalAddress(number, streetName, null, locality, null, postcode, "NO"), birth,
                nationalId == null ? null : new NationalId(nationalId), List.of(), List.of(), Map.of(), List.of());
    }
}
