package io.rapport.sim.salesforce;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens the token endpoint issued and that are still valid: {@code <15-char org id>!<random>}. */
final class Sessions {

    private final Set<String> valid = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private final String organizationId;

    Sessions(String organizationId) {
        this.organizationId = organizationId;
    }

    String issue() {
        String session = organizationId.substring(0, 15) + "!" + randomHex(24);
        valid.add(session);
        return session;
    }

    /** Whether an {@code Authorization: Bearer <token>} (or {@code OAuth <token>}) header names a live session. */
    boolean authorizes(String authorization) {
        return authorization != null && valid.contains(authorization.replaceFirst("^(Bearer|OAuth) ", "").trim());
    }

    void expireAll() {
        valid.clear();
    }

    String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
