package io.rapport.core.normalize;

import io.rapport.core.party.SocialHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Social handles. A column may hold several separated by {@code ;}, each in one of these forms:
 * <ul>
 *   <li>{@code @name} or {@code name}: a handle on X;</li>
 *   <li>{@code network:name} or {@code network:@name}: {@code x}/{@code twitter}, {@code instagram}/{@code ig},
 *       {@code facebook}/{@code fb}, {@code linkedin}, {@code tiktok}, {@code youtube}/{@code yt},
 *       {@code threads}, {@code github}, {@code pinterest}, {@code telegram};</li>
 *   <li>a profile address, with or without {@code https://} and {@code www.}: {@code x.com/name},
 *       {@code twitter.com/name}, {@code instagram.com/name}, {@code facebook.com/name},
 *       {@code linkedin.com/in/name}, {@code tiktok.com/@name}, {@code youtube.com/@name},
 *       {@code threads.net/@name}, {@code github.com/name}, {@code pinterest.com/name}, {@code t.me/name}.</li>
 * </ul>
 * Handles are lower-cased without their {@code @}. X handles must be 1-15 letters, digits or underscores,
 * Instagram handles 1-30 letters, digits, dots or underscores, others 1-100 letters, digits, dots, underscores or
 * hyphens. Anything else is a quality issue.
 */
final class SocialHandleParser {

    static final String X = "x";

    private static final Map<String, String> NETWORKS = Map.ofEntries(
            Map.entry("x", X), Map.entry("twitter", X),
            Map.entry("instagram", "instagram"), Map.entry("ig", "instagram"),
            Map.entry("facebook", "facebook"), Map.entry("fb", "facebook"),
            Map.entry("linkedin", "linkedin"),
            Map.entry("tiktok", "tiktok"),
            Map.entry("youtube", "youtube"), Map.entry("yt", "youtube"),
            Map.entry("threads", "threads"),
            Map.entry("github", "github"),
            Map.entry("pinterest", "pinterest"),
            Map.entry("telegram", "telegram"));

    /** Profile address host (without www., mobile. or m.) to network and the path prefix before the handle. */
    private static final Map<String, Site> SITES = Map.ofEntries(
            Map.entry("x.com", new Site(X, "")), Map.entry("twitter.com", new Site(X, "")),
            Map.entry("instagram.com", new Site("instagram", "")),
            Map.entry("facebook.com", new Site("facebook", "")), Map.entry("fb.com", new Site("facebook", "")),
            Map.entry("linkedin.com", new Site("linkedin", "in/")),
            Map.entry("tiktok.com", new Site("tiktok", "@")),
            Map.entry("youtube.com", new Site("youtube", "@")),
            Map.entry("threads.net", new Site("threads", "@")), Map.entry("threads.com", new Site("threads", "@")),
            Map.entry("github.com", new Site("github", "")),
            Map.entry("pinterest.com", new Site("pinterest", "")),
            Map.entry("t.me", new Site("telegram", "")));

    private static final Pattern SCHEME = Pattern.compile("^https?://");
    private static final Pattern HOST_PREFIX = Pattern.compile("^(?:www|mobile|m)\\.");
    private static final Pattern X_HANDLE = Pattern.compile("[a-z0-9_]{1,15}");
    private static final Pattern INSTAGRAM_HANDLE = Pattern.compile("[a-z0-9._]{1,30}");
    private static final Pattern OTHER_HANDLE = Pattern.compile("[a-z0-9._-]{1,100}");

    private record Site(String network, String pathPrefix) {
    }

    /** One SocialHandle per accepted entry; entries that are not accepted are quality issues. */
    List<SocialHandle> parse(String raw, String field, Issues issues) {
        List<String> entries = Values.entries(raw);
        List<SocialHandle> handles = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String label = Values.entryLabel(i, entries.size());
            String text = Values.nfkc(entries.get(i)).strip().toLowerCase(Locale.ROOT);
            String network;
            String handle;
            if (isAddress(text)) {
                String address = SCHEME.matcher(text).replaceFirst("");
                int hostEnd = indexOfAny(address, "/?#");
                String host = HOST_PREFIX.matcher(address.substring(0, hostEnd)).replaceFirst("");
                Site site = SITES.get(host);
                if (site == null) {
                    issues.add(field, label + "not a profile address on a known network");
                    continue;
                }
                String path = address.substring(hostEnd);
                path = path.substring(0, indexOfAny(path, "?#"));
                path = path.startsWith("/") ? path.substring(1) : path;
                path = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
                if (!path.startsWith(site.pathPrefix()) || path.indexOf('/', site.pathPrefix().length()) >= 0
                        || path.equals("profile.php")) {
                    issues.add(field, label + "not a profile address on " + site.network());
                    continue;
                }
                network = site.network();
                handle = path.substring(site.pathPrefix().length());
            } else {
                int colon = text.indexOf(':');
                if (colon >= 0) {
                    network = NETWORKS.get(text.substring(0, colon).strip());
                    if (network == null) {
                        issues.add(field, label + "unknown social network");
                        continue;
                    }
                    handle = text.substring(colon + 1).strip();
                } else {
                    network = X;
                    handle = text;
                }
                handle = handle.startsWith("@") ? handle.substring(1) : handle;
            }
            String problem = handleProblem(network, handle);
            if (problem != null) {
                issues.add(field, label + problem);
                continue;
            }
            handles.add(new SocialHandle(network, handle));
        }
        return handles;
    }

    private static String handleProblem(String network, String handle) {
        return switch (network) {
            case X -> X_HANDLE.matcher(handle).matches() ? null
                    : "not a valid x handle: 1 to 15 letters, digits or underscores";
            case "instagram" -> INSTAGRAM_HANDLE.matcher(handle).matches() ? null
                    : "not a valid instagram handle: 1 to 30 letters, digits, dots or underscores";
            default -> OTHER_HANDLE.matcher(handle).matches() ? null
                    : "not a valid " + network + " handle: 1 to 100 letters, digits, dots, underscores or hyphens";
        };
    }

    /** An address: has a scheme, or a host with a dot before the first slash. */
    private static boolean isAddress(String text) {
        if (text.startsWith("http://") || text.startsWith("https://")) {
            return true;
        }
        int slash = text.indexOf('/');
        return slash > 0 && text.lastIndexOf('.', slash) > 0 && text.indexOf(':') < 0;
    }

    private static int indexOfAny(String text, String chars) {
        for (int i = 0; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
