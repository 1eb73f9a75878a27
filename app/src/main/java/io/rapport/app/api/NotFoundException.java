package io.rapport.app.api;

/** A resource the caller named does not exist: answered as a 404 problem. */
class NotFoundException extends RuntimeException {

    NotFoundException(String message) {
        super(message);
    }
}
