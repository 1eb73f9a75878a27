package io.rapport.core.resolve;

import static io.rapport.core.resolve.IdentityResolverTest.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.core.match.MatchProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryResolutionStateTest {

    private final InMemoryResolutionState state = new InMemoryResolutionState();

    @Test
    void anUpdatedRecordKeepsItsNumberAndMovesToItsNewBlocks() {
        state.putRecord(profile("crm", "1"), Set.of("dob:19800517", "nid:1234567"));
        state.putRecord(profile("erp", "2"), Set.of("dob:19800517"));
        int number = state.recordNumber("crm:1");

        state.putRecord(profile("crm", "1"), Set.of("dob:19800518"));

        assertThat(state.recordNumber("crm:1")).isEqualTo(number);
        assertThat(keysFiledUnder(state, "dob:19800517")).containsExactly("erp:2");
        assertThat(keysFiledUnder(state, "nid:1234567")).isEmpty();
        assertThat(keysFiledUnder(state, "dob:19800518")).containsExactly("crm:1");
        assertThat(state.records()).isEqualTo(2);
    }

    @Test
    void aRemovedRecordLeavesItsBlocksAndItsNumberIsNotGivenToAnother() {
        state.putRecord(profile("crm", "1"), Set.of("dob:19800517"));
        int removed = state.recordNumber("crm:1");
        state.removeRecord("crm:1");

        state.putRecord(profile("erp", "2"), Set.of("dob:19800517"));

        assertThat(state.recordNumber("crm:1")).isEqualTo(-1);
        assertThat(state.profile("crm:1")).isEmpty();
        assertThat(state.recordNumber("erp:2")).isNotEqualTo(removed);
        assertThat(keysFiledUnder(state, "dob:19800517")).containsExactly("erp:2");
        assertThat(state.records()).isEqualTo(1);
    }

    /** The keys of the records filed under a blocking key, in filing order. */
    static List<String> keysFiledUnder(ResolutionState state, String blockingKey) {
        RecordNumbers members = state.blockMembers(blockingKey);
        int[] numbers = new int[members.size()];
        members.copyInto(numbers, 0);
        return Arrays.stream(numbers).mapToObj(number -> state.profileAt(number).recordKey()).toList();
    }

    private static MatchProfile profile(String source, String id) {
        return MatchProfile.of(person(source, id, "Anna", "Berg", null, null, null, null, null, null));
    }
}
