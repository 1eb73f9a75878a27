package io.rapport.app.resolve;

import io.rapport.core.resolve.JournaledResolutionState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Runs every change to the resolution state one at a time, in one database transaction each, with the in-memory
 * state kept equal to what the database has committed.
 *
 * <p>Resolution is serialized twice: a lock in this JVM (the in-memory state is not thread-safe) and the row of
 * {@code resolution_lock}, locked first in every resolving transaction, so that consumers of several hub instances
 * take turns too. The row's version counts committed resolution transactions: an instance that finds a version it
 * did not write reloads its state from the database before resolving. A transaction that rolls back undoes its
 * changes in memory from the journal; a commit that fails with an unknown outcome forces a reload.
 */
public class ResolutionTransactions {

    /** Something kept in step with the committed resolution state, told under the lock when that state moves. */
    public interface Listener {

        /** The transaction's changes are committed. */
        void committed();

        /** The transaction rolled back: its changes are undone. */
        void rolledBack();

        /** The state was (re)loaded from the database: anything derived from the previous state is stale. */
        void reloaded();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;
    private final ResolutionStateLoader loader;
    private final ResolutionPhases phases;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private JournaledResolutionState state;
    private long version = -1;

    public ResolutionTransactions(PlatformTransactionManager transactions, JdbcTemplate jdbc,
                                  ResolutionStateLoader loader, ResolutionPhases phases) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.loader = loader;
        this.phases = phases;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public <T> T execute(Function<JournaledResolutionState, T> work) {
        return execute(work, false);
    }

    /**
     * Like {@link #execute}, for work that changes the database behind the state's back (an erasure removes records,
     * which the state cannot): once committed, the state and everything derived from it are dropped under the same
     * lock, so no batch ever resolves against the old one, and the next transaction loads it afresh.
     */
    public <T> T executeThenReload(Function<JournaledResolutionState, T> work) {
        return execute(work, true);
    }

    private <T> T execute(Function<JournaledResolutionState, T> work, boolean reload) {
        long start = System.nanoTime();
        lock.lock();
        try {
            TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
            boolean committing = false;
            try {
                Long current = jdbc.queryForObject("SELECT version FROM resolution_lock WHERE lock_id = 1 FOR UPDATE",
                        Long.class);
                long held = current == null ? 0 : current;
                if (state == null || held != version) {
                    state = new JournaledResolutionState(loader.load());
                    version = held;
                    listeners.forEach(Listener::reloaded);
                }
                phases.record(ResolutionPhases.Phase.LOCK_WAIT, start);
                T result = work.apply(state);
                start = System.nanoTime();
                jdbc.update("UPDATE resolution_lock SET version = ? WHERE lock_id = 1", held + 1);
                committing = true;
                transactions.commit(transaction);
                phases.record(ResolutionPhases.Phase.COMMIT, start);
                if (reload) {
                    state = null;
                    version = -1;
                    listeners.forEach(Listener::reloaded);
                } else {
                    state.commit();
                    version = held + 1;
                    listeners.forEach(Listener::committed);
                }
                return result;
            } catch (RuntimeException | Error e) {
                if (!transaction.isCompleted()) {
                    transactions.rollback(transaction);
                }
                if (state != null) {
                    state.rollback();
                }
                listeners.forEach(Listener::rolledBack);
                if (committing) {
                    version = -1;
                }
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }
}
