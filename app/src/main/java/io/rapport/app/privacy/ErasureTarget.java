package io.rapport.app.privacy;

import io.rapport.app.sync.StoreUnavailableException;
import java.util.List;

/** A store that must forget an erased person too: the port each store's eraser implements. */
public interface ErasureTarget {

    /** The store's name, as the source name of its records. */
    String store();

    /**
     * Erases the records (by their key there) as the store's policy says. Must be idempotent: a record already gone
     * counts as erased, since a try whose outcome was not heard is made again.
     *
     * @return a short account of what was done, with no personal data (e.g. "2 deleted")
     * @throws StoreUnavailableException when the store cannot be reached now: the try is made again later
     * @throws ErasureRefusedException when the store refused a record (a rule of its own): retried a few times
     */
    String erase(List<String> keys);

    /** The store refused to erase a record; the message holds no personal data. */
    class ErasureRefusedException extends RuntimeException {
        public ErasureRefusedException(String message) {
            super(message);
        }
    }
}
