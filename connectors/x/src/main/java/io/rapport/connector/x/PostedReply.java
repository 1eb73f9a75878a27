package io.rapport.connector.x;

/** A reply X accepted: the new post's id and text as X stored it. */
public record PostedReply(String id, String text, String inReplyToPostId) {
}
