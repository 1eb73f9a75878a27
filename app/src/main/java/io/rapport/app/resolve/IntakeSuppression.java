package io.rapport.app.resolve;

import java.util.Collection;
import java.util.Set;

/**
 * Source records the hub must not take in again: those of people erased at their request (docs/privacy.md). Asked
 * inside the resolution transaction, under the resolution lock, so that no record erased in between slips past.
 */
public interface IntakeSuppression {

    IntakeSuppression NONE = recordKeys -> Set.of();

    /** Of these record keys ({@code <source>:<source id>}), those to drop; the drop is counted. */
    Set<String> suppressed(Collection<String> recordKeys);
}
