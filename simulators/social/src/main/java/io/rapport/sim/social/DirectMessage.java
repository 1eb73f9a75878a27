package io.rapport.sim.social;

import java.time.Instant;
import java.util.Objects;

/**
 * A direct message between an account and the brand, as v1.1's {@code direct_messages/events} lists them.
 *
 * @param label the ground truth, or {@code null}
 */
public record DirectMessage(long id, Author sender, Author recipient, String text, Instant createdAt, Label label) {

    public DirectMessage {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
