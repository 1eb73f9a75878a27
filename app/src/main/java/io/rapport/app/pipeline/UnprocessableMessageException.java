package io.rapport.app.pipeline;

/**
 * A message that can never be applied, whatever is retried (its content is invalid): the batch consumer dead-letters
 * it with this reason at once, instead of spending its redeliveries on it.
 */
public class UnprocessableMessageException extends RuntimeException {

    public UnprocessableMessageException(String message) {
        super(message);
    }
}
