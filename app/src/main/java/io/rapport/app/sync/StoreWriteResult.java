package io.rapport.app.sync;

/**
 * What a store did with one write: the customer's record key there, or the store's reason for rejecting it.
 *
 * @param errorCode null when the write succeeded
 */
public record StoreWriteResult(String customerId, String storeKey, String errorCode, String message) {

    public boolean succeeded() {
        return errorCode == null;
    }
}
