package io.rapport.core.social.rules;

/** What kind of thing a planned action asks the executor to do. */
public enum ActionType {
    CREATE_LEAD("createLead"),
    CREATE_CASE("createCase"),
    SLACK_ALERT("alert.slack"),
    CHATTER_POST("alert.chatter"),
    QUEUE_REPLY("queueReply"),
    REASSIGN_LEAD("reassign");

    private final String key;

    ActionType(String key) {
        this.key = key;
    }

    /** Its name in the rule file and in summaries. */
    public String key() {
        return key;
    }
}
