package io.rapport.app.sync;

/** The store cannot take writes now (down, overloaded, out of API calls): the writes stay pending and are retried. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
