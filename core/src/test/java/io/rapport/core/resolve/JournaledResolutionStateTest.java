package io.rapport.core.resolve;

import static io.rapport.core.resolve.IdentityResolverTest.anna;
import static io.rapport.core.resolve.IdentityResolverTest.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.match.BlockingKeys;
import io.rapport.core.match.MatchProfile;
import io.rapport.core.match.MatchScorer;
import io.rapport.core.match.MatchSettings;
import io.rapport.core.party.CanonicalCustomer;
import io.rapport.core.resolve.JournaledResolutionState.AssignmentChange;
import io.rapport.core.resolve.JournaledResolutionState.LinkChange;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JournaledResolutionStateTest {

    private final MatchSettings settings = MatchSettings.defaults();
    private final IdentityResolver resolver = new IdentityResolver(new MatchScorer(settings),
            new BlockingKeys(settings.blocking()));
    private final InMemoryResolutionState memory = new InMemoryResolutionState();
    private final JournaledResolutionState state = new JournaledResolutionState(memory);

    @Test
    void changesListWhatTheStoreMustWrite() {
        Resolution first = resolve(anna("crm", "1", "Anna", "Berg"));
        state.commit();

        Resolution second = resolve(anna("erp", "2", "Ana", "Berg"));

        JournaledResolutionState.Changes changes = state.changes();
        assertThat(changes.assignments()).containsExactly(new AssignmentChange("erp:2", null, first.clusterId()));
        assertThat(changes.links()).singleElement().satisfies(link -> {
            assertThat(link.a()).isEqualTo("crm:1");
            assertThat(link.b()).isEqualTo("erp:2");
            assertThat(link.before()).isNull();
            assertThat(link.after().kind()).isEqualTo(LinkKind.MATCH);
        });
        assertThat(second.clusterId()).isEqualTo(first.clusterId());
    }

    @Test
    void rollbackRestoresRecordsLinksAndClustersAsTheyWereAtTheLastCommit() {
        resolve(person("crm", "1", "Anna", null, null, "1234567", null, null, null, null));
        resolve(person("erp", "2", null, "Berg", LocalDate.of(1980, 5, 17), null, null, "12 Harbour Street",
                "Bergen", "5003"));
        state.commit();
        Map<String, Set<String>> clustersBefore = memory.clusters();

        Resolution bridge = resolve(anna("web", "3", "Anna", "Berg"));
        assertThat(bridge.retiredClusters()).hasSize(1);
        state.rollback();

        assertThat(memory.clusters()).isEqualTo(clustersBefore);
        assertThat(state.profile("web:3")).isEmpty();
        assertThat(state.linksOf("crm:1")).isEmpty();
        assertThat(state.linksOf("erp:2")).isEmpty();
        assertThat(InMemoryResolutionStateTest.keysFiledUnder(state, "nid:1234567")).containsExactly("crm:1");
        assertThat(state.changes().links()).isEmpty();
        assertThat(state.changes().assignments()).isEmpty();
    }

    @Test
    void aChangeThatIsRevertedWithinTheJournalIsNotReported() {
        Resolution anna = resolve(anna("crm", "1", "Anna", "Berg"));
        resolve(anna("erp", "2", "Anna", "Berg"));
        state.commit();
        Link matched = state.linksOf("crm:1").get("erp:2");

        state.putLink("erp:2", "crm:1", LinkKind.POSSIBLE, 12.0, null);
        state.putLink("crm:1", "erp:2", matched.kind(), matched.weight(), matched.rule());
        state.assign("erp:2", "C-elsewhere");
        state.assign("erp:2", anna.clusterId());

        assertThat(state.changes().links()).isEmpty();
        assertThat(state.changes().assignments()).isEmpty();
    }

    @Test
    void keepApartSeparatesTwoMatchedRecords() {
        Resolution anna = resolve(anna("crm", "1", "Anna", "Berg"));
        resolve(anna("erp", "2", "Anna", "Berg"));

        Resolution apart = resolver.keepApart(state, "crm:1", "erp:2");

        assertThat(state.clusterOf("crm:1")).isNotEqualTo(state.clusterOf("erp:2"));
        assertThat(apart.changedClusters()).contains(anna.clusterId());
        // a later update of either record does not link them again
        resolve(anna("erp", "2", "Anna", "Berg"));
        assertThat(state.clusterOf("crm:1")).isNotEqualTo(state.clusterOf("erp:2"));
    }

    private Resolution resolve(CanonicalCustomer customer) {
        return resolver.resolve(state, MatchProfile.of(customer));
    }
}
