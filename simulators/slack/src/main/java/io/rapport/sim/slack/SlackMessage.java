package io.rapport.sim.slack;

import java.time.Instant;

/**
 * A message the sandbox accepted into a channel, as a test or demo inspects it.
 *
 * @param channelId   the channel's id ({@code C...})
 * @param channelName the channel's name, without {@code #}
 * @param ts          Slack's message timestamp, unique in the channel ({@code 1712345678.000100})
 * @param via         {@code webhook} or {@code chat.postMessage}
 * @param username    the display name the sender asked for (honoured by {@code chat.postMessage} only), or null
 * @param blocks      the Block Kit blocks as JSON, or null
 * @param attachments the legacy attachments as JSON, or null
 * @param receivedAt  when the request reached the sandbox
 */
public record SlackMessage(String channelId, String channelName, String ts, String text, String via,
                           String username, String blocks, String attachments, Instant receivedAt) {
}
