package io.rapport.sim.social;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mentions, hashtags and links in a post's text, with their positions in Unicode code points as X counts them
 * (an emoji is one), so that clients slicing the text by the indices (Twitter4J does) cut where X would.
 */
public record Entities(List<Mention> mentions, List<Hashtag> hashtags, List<Url> urls) {

    public record Mention(int start, int end, String username) {
    }

    public record Hashtag(int start, int end, String tag) {
    }

    public record Url(int start, int end, String url, String expandedUrl, String displayUrl) {
    }

    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@(\\w{1,15})");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#&])#(\\p{L}[\\p{L}\\p{N}_]*)");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]+");

    public Entities {
        mentions = List.copyOf(mentions);
        hashtags = List.copyOf(hashtags);
        urls = List.copyOf(urls);
    }

    /** Finds the entities in a text as X's text parser would, for the cases generated posts contain. */
    static Entities of(String text) {
        List<Mention> mentions = new ArrayList<>();
        for (Matcher m = MENTION.matcher(text); m.find(); ) {
            mentions.add(new Mention(codePoint(text, m.start()), codePoint(text, m.end()), m.group(1)));
        }
        List<Hashtag> hashtags = new ArrayList<>();
        for (Matcher m = HASHTAG.matcher(text); m.find(); ) {
            hashtags.add(new Hashtag(codePoint(text, m.start()), codePoint(text, m.end()), m.group(1)));
        }
        List<Url> urls = new ArrayList<>();
        for (Matcher m = URL.matcher(text); m.find(); ) {
            String url = m.group();
            String display = url.replaceFirst("^https?://", "");
            urls.add(new Url(codePoint(text, m.start()), codePoint(text, m.end()), url, url,
                    display.length() > 26 ? display.substring(0, 25) + "…" : display));
        }
        return new Entities(mentions, hashtags, urls);
    }

    boolean mentions(String username) {
        return mentions.stream().anyMatch(m -> m.username().equalsIgnoreCase(username));
    }

    boolean hasHashtag(String tag) {
        return hashtags.stream().anyMatch(h -> h.tag().equalsIgnoreCase(tag));
    }

    private static int codePoint(String text, int charIndex) {
        return text.codePointCount(0, charIndex);
    }
}
