package io.rapport.core.normalize;

import io.rapport.core.party.EmailAddress;
import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Email addresses. A column may hold several separated by {@code ;}. Canonical form: NFKC, trimmed, lower case,
 * the domain in ASCII (IDN, {@code bücher.example} becomes {@code xn--bcher-kva.example}). The syntax check is
 * pragmatic, not RFC 5322: exactly one {@code @}; a local part of 1-64 characters without whitespace, control
 * characters or {@code "(),:<>[\]}; a domain of at least two dot-separated labels of letters, digits and inner
 * hyphens, 1-63 characters each, at most 253 in all, not ending in a numeric label (no IP addresses).
 */
final class EmailNormalizer {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;

    /** One EmailAddress per entry; invalid entries are kept with a null canonical form and flagged. */
    List<EmailAddress> normalize(String raw, boolean verified, String field, Issues issues) {
        List<String> entries = Values.entries(raw);
        List<EmailAddress> emails = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String original = entries.get(i);
            String canonical = canonical(original, field, Values.entryLabel(i, entries.size()), issues);
            emails.add(new EmailAddress(original, canonical, canonical != null && verified));
        }
        return emails;
    }

    private static String canonical(String original, String field, String label, Issues issues) {
        String address = Values.nfkc(original).strip().toLowerCase(Locale.ROOT);
        int at = address.indexOf('@');
        if (at < 0) {
            issues.add(field, label + "not an email address: no '@'");
            return null;
        }
        if (address.indexOf('@', at + 1) >= 0) {
            issues.add(field, label + "not an email address: more than one '@'");
            return null;
        }
        String local = address.substring(0, at);
        String problem = localPartProblem(local);
        if (problem == null) {
            String domain = asciiDomain(address.substring(at + 1));
            if (domain == null) {
                problem = "the domain is not a valid domain name";
            } else if (domain.indexOf('.') < 0) {
                problem = "the domain has no dot";
            } else {
                return local + "@" + domain;
            }
        }
        issues.add(field, label + "not a valid email address: " + problem);
        return null;
    }

    private static String localPartProblem(String local) {
        if (local.isEmpty()) {
            return "nothing before the '@'";
        }
        if (local.length() > MAX_LOCAL) {
            return "more than " + MAX_LOCAL + " characters before the '@'";
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return "whitespace before the '@'";
            }
            if (Character.isISOControl(c) || "\"(),:<>[\\]".indexOf(c) >= 0) {
                return "a character before the '@' that addresses do not allow";
            }
        }
        return null;
    }

    /** The domain in ASCII with every label checked, or null when it is not a valid host name. */
    private static String asciiDomain(String domain) {
        if (domain.isEmpty()) {
            return null;
        }
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notAHostName) {
            return null;
        }
        if (ascii.isEmpty() || ascii.length() > MAX_DOMAIN) {
            return null;
        }
        int labelStart = 0;
        boolean numericLabel = false;
        for (int i = 0; i <= ascii.length(); i++) {
            if (i == ascii.length() || ascii.charAt(i) == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63 || ascii.charAt(labelStart) == '-' || ascii.charAt(i - 1) == '-') {
                    return null;
                }
                numericLabel = true;
                for (int j = labelStart; j < i; j++) {
                    char c = ascii.charAt(j);
                    boolean letter = c >= 'a' && c <= 'z';
                    boolean digit = c >= '0' && c <= '9';
                    if (!letter && !digit && c != '-') {
                        return null;
                    }
                    numericLabel &= digit;
                }
                labelStart = i + 1;
            }
        }
        return numericLabel ? null : ascii;
    }
}
