package io.rapport.app.social;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code rapport.social.*}: how social posts come in, are enriched, linked to customers and acted on.
 *
 * @param maxPayloadBytes  largest raw post the webhook accepts (X's longest posts, with their author, fit in 64 KiB)
 * @param maxTextChars     longest post text accepted (X allows 25,000 characters)
 * @param consumers        concurrent batch consumers of inbound.social
 * @param batchSize        posts enriched and stored per database and JMS transaction
 * @param batchTimeoutMs   how long a batch waits to fill up after its first post
 * @param linking          how authors are linked to customers
 * @param account          the brand account whose conversation the hub listens to and replies from (the listen/talk
 *                         guard counts per account)
 * @param actionConsumers  concurrent consumers of social.action
 * @param followUpCheckMs  pause between two checks of the created Leads' follow-up SLA
 * @param slack            where Slack alerts go
 * @param reply            how replies are posted
 */
@ConfigurationProperties(prefix = "rapport.social")
public record SocialProperties(
        @DefaultValue("65536") int maxPayloadBytes,
        @DefaultValue("25000") int maxTextChars,
        @DefaultValue("1") int consumers,
        @DefaultValue("500") int batchSize,
        @DefaultValue("20") long batchTimeoutMs,
        @DefaultValue Linking linking,
        @DefaultValue("acme") String account,
        @DefaultValue("4") int actionConsumers,
        @DefaultValue("60000") long followUpCheckMs,
        @DefaultValue Slack slack,
        @DefaultValue Reply reply) {

    /**
     * @param sandbox   start the embedded Slack (simulators/slack) and send there unless serverUrl is set
     * @param serverUrl Slack's Web API server ({@code https://slack.com}); empty with the sandbox
     * @param token     the bot token ({@code xoxb-...}; secret: from the environment or a mounted file)
     * @param channels  channels the embedded Slack has (those the rules name)
     */
    public record Slack(@DefaultValue("true") boolean sandbox, @DefaultValue("") String serverUrl,
                        @DefaultValue("") String token,
                        @DefaultValue({"social-escalations", "sales-escalations", "social-alerts", "general"})
                        java.util.List<String> channels) {
    }

    /** @param userAccessToken the brand account's OAuth 2.0 user token, which posting a reply on X needs (secret) */
    public record Reply(@DefaultValue("") String userAccessToken) {
    }

    /**
     * @param autoLinkConfidence a profile match at least this sure links the author without review
     * @param proposeConfidence  a profile match at least this sure is proposed to a steward; below it, a prospect
     * @param profileCheckMs     pause between two passes of the profile matcher over new prospects
     */
    public record Linking(
            @DefaultValue("0.92") double autoLinkConfidence,
            @DefaultValue("0.70") double proposeConfidence,
            @DefaultValue("2000") long profileCheckMs) {
    }
}
