package io.rapport.connector.x.internal;

import io.rapport.core.social.Engagement;
import io.rapport.core.social.PostReference;
import io.rapport.core.social.SocialAuthor;
import io.rapport.core.social.SocialEvent;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import twitter4j.v1.DirectMessage;
import twitter4j.v1.EntitySupport;
import twitter4j.v1.HashtagEntity;
import twitter4j.v1.Status;
import twitter4j.v1.User;
import twitter4j.v1.UserMentionEntity;

/**
 * Twitter4J's v1.1 {@link Status} and {@link DirectMessage} as the hub's canonical {@link SocialEvent}, on platform
 * {@code x} like the v2 normalizer's, so the same post read either way is the same event with the same key.
 *
 * <p>v1.1 differs from v2 in a few places, each handled here: a retweet's own text is cut at 140 characters, so its
 * text is rebuilt as {@code RT @author: <full original text>} (v2's form); v1.1 has no conversation id, so a reply's
 * conversation is the post it replies to (the thread's root is not known) and any other post starts its own; the
 * standard tier counts no replies or quotes, so those are 0. Twitter4J 4.1 gives times as {@link LocalDateTime} in
 * the JVM's zone, which is turned back into the instant.
 *
 * <p>A direct message is private. It still becomes an event, because complaints and questions come by DM and the hub
 * should hear them, but one that says so: its id is {@code dm:<id>} (key {@code x:dm:<id>}, never mistaken for a
 * post), its conversation is X's DM conversation {@code dm:<lower user id>-<higher user id>}, it has no URL and no
 * engagement, and the route marks it {@code rapportVisibility: private}. v1.1 DM events carry only the sender's id, so
 * the author's handle is unknown unless a lookup gives it.
 */
public final class TwitterEvents {

    public static final String PLATFORM = "x";

    private TwitterEvents() {
    }

    public static SocialEvent fromStatus(Status status) {
        User user = status.getUser();
        SocialAuthor author = new SocialAuthor(String.valueOf(user.getId()), user.getScreenName(), user.getName(),
                user.getFollowersCount(), user.getFriendsCount(), user.isVerified());
        String id = String.valueOf(status.getId());
        List<PostReference> references = new ArrayList<>();
        String text = status.getText();
        if (status.isRetweet() && status.getRetweetedStatus() != null) {
            Status original = status.getRetweetedStatus();
            references.add(new PostReference(PostReference.Kind.REPOST, String.valueOf(original.getId())));
            text = "RT @" + original.getUser().getScreenName() + ": " + original.getText();
        }
        if (status.getQuotedStatusId() > 0) {
            references.add(new PostReference(PostReference.Kind.QUOTE, String.valueOf(status.getQuotedStatusId())));
        }
        String conversation = id;
        if (status.getInReplyToStatusId() > 0) {
            String parent = String.valueOf(status.getInReplyToStatusId());
            references.add(new PostReference(PostReference.Kind.REPLY, parent));
            conversation = parent;
        }
        Engagement engagement = new Engagement(status.getFavoriteCount(), 0, status.getRetweetCount(), 0);
        return new SocialEvent(PLATFORM, id, author, text, language(status.getLang()), instant(status.getCreatedAt()),
                conversation, references, mentions(status), hashtags(status), engagement,
                author.handle() == null ? null : "https://x.com/" + author.handle() + "/status/" + id, null);
    }

    /** @param sender the sender's account when known (a lookup), else null: the author is then its id alone */
    public static SocialEvent fromDirectMessage(DirectMessage message, User sender) {
        String senderId = String.valueOf(message.getSenderId());
        SocialAuthor author = sender == null ? new SocialAuthor(senderId, null, null, 0, 0, false)
                : new SocialAuthor(senderId, sender.getScreenName(), sender.getName(), sender.getFollowersCount(),
                sender.getFriendsCount(), sender.isVerified());
        long low = Math.min(message.getSenderId(), message.getRecipientId());
        long high = Math.max(message.getSenderId(), message.getRecipientId());
        return new SocialEvent(PLATFORM, directMessageId(message.getId()), author, message.getText(), null,
                instant(message.getCreatedAt()), "dm:" + low + "-" + high, List.of(), mentions(message),
                hashtags(message), Engagement.NONE, null, null);
    }

    public static String directMessageId(long id) {
        return "dm:" + id;
    }

    private static String language(String lang) {
        return lang == null || lang.isBlank() || lang.equals("und") ? null : lang.toLowerCase(Locale.ROOT);
    }

    private static Instant instant(LocalDateTime local) {
        return local.atZone(ZoneId.systemDefault()).toInstant();
    }

    private static List<String> mentions(EntitySupport entities) {
        List<String> mentions = new ArrayList<>();
        UserMentionEntity[] all = entities.getUserMentionEntities();
        if (all != null) {
            for (UserMentionEntity mention : all) {
                addLower(mentions, mention.getScreenName());
            }
        }
        return mentions;
    }

    private static List<String> hashtags(EntitySupport entities) {
        List<String> hashtags = new ArrayList<>();
        HashtagEntity[] all = entities.getHashtagEntities();
        if (all != null) {
            for (HashtagEntity hashtag : all) {
                addLower(hashtags, hashtag.getText());
            }
        }
        return hashtags;
    }

    private static void addLower(List<String> values, String value) {
        if (value != null && !value.isBlank()) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (!values.contains(lower)) {
                values.add(lower);
            }
        }
    }
}
