package io.rapport.core.sync;

import java.util.List;
import java.util.Set;

/**
 * What applying one store's snapshot did: the fields whose agreed value it changed (they now have to reach the other
 * stores) and the conflicts it caused, already settled by the policy (or held for a steward).
 */
public record MergeResult(Set<String> agreedChanged, List<FieldConflict> conflicts) {

    public MergeResult {
        agreedChanged = Set.copyOf(agreedChanged);
        conflicts = List.copyOf(conflicts);
    }
}
