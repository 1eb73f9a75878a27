package io.rapport.sim.salesforce;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Record ids as Salesforce makes them: a three-character key prefix naming the object (001 Account, 003 Contact,
 * ...), then a base-62 counter, 15 case-sensitive characters in all, plus the three-character case-safe suffix
 * that turns them into the 18-character form the REST API returns.
 */
final class SalesforceIds {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final Map<String, String> KEY_PREFIXES = Map.ofEntries(Map.entry("Account", "001"),
            Map.entry("Contact", "003"), Map.entry("Lead", "00Q"), Map.entry("Case", "500"), Map.entry("Task", "00T"),
            Map.entry("Event", "00U"), Map.entry("Opportunity", "006"), Map.entry("User", "005"),
            Map.entry("Organization", "00D"), Map.entry("Group", "00G"), Map.entry("CollaborationGroup", "0F9"),
            Map.entry("FeedItem", "0D5"), Map.entry("QueryLocator", "01g"), Map.entry("AsyncApexJob", "750"));

    private final AtomicLong counter = new AtomicLong();
    /** Two characters after the prefix that name this sandbox's "pod", as real ids carry an instance code. */
    private final String pod;

    SalesforceIds(String pod) {
        this.pod = pod;
    }

    String next(String sObjectType) {
        StringBuilder id = new StringBuilder(15).append(prefixOf(sObjectType)).append(pod);
        String number = base62(counter.incrementAndGet());
        id.append("0".repeat(15 - id.length() - number.length())).append(number);
        return withSuffix(id.toString());
    }

    /** The key prefix of an object: the standard one, or a stable made-up one for custom objects. */
    static String prefixOf(String sObjectType) {
        String known = KEY_PREFIXES.get(sObjectType);
        if (known != null) {
            return known;
        }
        int hash = Math.floorMod(sObjectType.hashCode(), 62 * 62);
        return "a" + BASE62.charAt(hash / 62) + BASE62.charAt(hash % 62);
    }

    /** The 18-character form of a 15-character id: each 5-character chunk's upper-case letters as one suffix letter. */
    static String withSuffix(String id15) {
        StringBuilder suffix = new StringBuilder(3);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int i = 0; i < 5; i++) {
                char c = id15.charAt(chunk * 5 + i);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << i;
                }
            }
            suffix.append(SUFFIX_CHARS.charAt(bits));
        }
        return id15 + suffix;
    }

    /** A Change Data Capture transaction key: a UUID-like hex string, unique per committed transaction. */
    String transactionKey() {
        long n = counter.incrementAndGet();
        return String.format("%08x-%04x-%04x-%04x-%012x", pod.hashCode(), (n >> 32) & 0xffff, (n >> 16) & 0xffff,
                n & 0xffff, System.nanoTime() & 0xffffffffffffL);
    }

    /** After loading saved records: new ids must not reuse a saved one's number. */
    void advancePast(String id) {
        if (id == null || id.length() < 15) {
            return;
        }
        long number = 0;
        for (char c : id.substring(5, 15).toCharArray()) {
            number = number * 62 + BASE62.indexOf(c);
        }
        long saved = number;
        counter.accumulateAndGet(saved, Math::max);
    }

    private static String base62(long value) {
        StringBuilder digits = new StringBuilder();
        do {
            digits.append(BASE62.charAt((int) (value % 62)));
            value /= 62;
        } while (value > 0);
        return digits.reverse().toString();
    }
}
