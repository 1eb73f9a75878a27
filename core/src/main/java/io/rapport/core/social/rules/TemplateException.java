package io.rapport.core.social.rules;

/** A template that cannot be rendered: an unknown placeholder or a {@code ${} left open. Raised when it is compiled. */
public final class TemplateException extends IllegalArgumentException {

    private final int offset;

    public TemplateException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Where in the template text the problem starts (0-based). */
    public int offset() {
        return offset;
    }
}
