package io.rapport.core.social.rules;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whose turn it is in an owner pool. The turns are the only state rule evaluation touches, so it is passed in: the
 * live pipeline keeps one for the life of the hub (rule reloads keep the rotation), a dry run starts a fresh one and
 * so moves no live turn.
 */
public interface RoundRobin {

    /** The member whose turn it is in the named pool, moving the turn on. */
    String next(String pool, List<String> members);

    /** Turns kept in memory, one counter per pool name; thread-safe. */
    static RoundRobin inMemory() {
        ConcurrentMap<String, AtomicLong> turns = new ConcurrentHashMap<>();
        return (pool, members) -> {
            if (members.isEmpty()) {
                throw new IllegalArgumentException("pool " + pool + " has no members");
            }
            long turn = turns.computeIfAbsent(pool.toLowerCase(Locale.ROOT), name -> new AtomicLong())
                    .getAndIncrement();
            return members.get((int) Math.floorMod(turn, (long) members.size()));
        };
    }
}
