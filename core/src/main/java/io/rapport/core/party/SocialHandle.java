package io.rapport.core.party;

/**
 * A handle on a social network: {@code network} (e.g. {@code x}) and the handle without its leading {@code @},
 * lower case (handles on X are case-insensitive).
 */
public record SocialHandle(String network, String handle) {
}
