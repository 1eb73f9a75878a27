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
    private static final Map<String, String> KEY_PREFIXES = Map.of("Account", "001", "Contact", "003", "Lead", "00Q",
            "Case", "500", "Task", "00T", "Opportunity", "006", "User", "005", "Organization", "00D");

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

    private static String base62(long value) {
        StringBuilder digits = new StringBuilder();
        do {
            digits.append(BASE62.charAt((int) (value % 62)));
            value /= 62;
        } while (value > 0);
        return digits.reverse().toString();
    }
}
