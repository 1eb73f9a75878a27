package io.rapport.connector.x;

/** The Camel headers every message from the X sources carries to the sink (and the dead-letter endpoint). */
public final class XHeaders {

    /** The configured source name ({@code x} by default). */
    public static final String SOURCE = "rapportSource";
    /** {@code x:<post id>} ({@code x:dm:<message id>} for a direct message): the hub's idempotency key. */
    public static final String MESSAGE_KEY = "rapportMessageKey";
    /** What the body is: {@link #FORMAT_X_V2_POST} or {@link #FORMAT_SOCIAL_EVENT}. */
    public static final String PAYLOAD_FORMAT = "rapportPayloadFormat";
    /** A single-post X API v2 document {@code {"data":{...},"includes":{...}}}, for {@code XPostNormalizer}. */
    public static final String FORMAT_X_V2_POST = "x-v2-post";
    /** A canonical {@code SocialEvent} as JSON ({@link SocialEventJson}). */
    public static final String FORMAT_SOCIAL_EVENT = "social-event";
    /** {@code public}, or {@code private} for a direct message: never answer it in public, never show it. */
    public static final String VISIBILITY = "rapportVisibility";
    /** Why a payload went to the dead-letter endpoint. */
    public static final String DEAD_LETTER_REASON = "rapportDeadLetterReason";

    private XHeaders() {
    }
}
