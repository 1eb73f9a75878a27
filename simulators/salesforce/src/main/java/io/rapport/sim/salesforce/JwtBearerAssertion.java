package io.rapport.sim.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Checks a JWT bearer assertion ({@code grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer}) as Salesforce does:
 * an RS256 signature by the key of the certificate uploaded to the connected app, the connected app's consumer key as
 * issuer, the user as subject, a login server as audience and an expiry not passed. Returns the OAuth error a refused
 * assertion gets, with Salesforce's wording, or null when it is accepted.
 */
final class JwtBearerAssertion {

    /** Salesforce's login servers; the sandbox also accepts its own URL, where clients send their assertion. */
    private static final Set<String> LOGIN_SERVERS = Set.of("https://login.salesforce.com",
            "https://test.salesforce.com");

    record Refusal(String error, String description) {
    }

    private JwtBearerAssertion() {
    }

    static Refusal check(String assertion, SalesforceSandbox.Config config, String baseUrl, Instant now) {
        String[] parts = assertion == null ? new String[0] : assertion.split("\\.", -1);
        if (parts.length != 3 || config.jwtKey() == null) {
            return invalidAssertion();
        }
        JsonNode header;
        JsonNode claims;
        try {
            header = ApiRequest.JSON.readTree(decode(parts[0]));
            claims = ApiRequest.JSON.readTree(decode(parts[1]));
            if (!"RS256".equals(header.path("alg").asText())
                    || !verifies(parts[0] + "." + parts[1], decode(parts[2]), config.jwtKey())) {
                return invalidAssertion();
            }
        } catch (java.io.IOException | IllegalArgumentException | GeneralSecurityException e) {
            return invalidAssertion();
        }
        if (!config.clientId().equals(claims.path("iss").asText())) {
            return new Refusal("invalid_client_id", "client identifier invalid");
        }
        String audience = claims.path("aud").asText().replaceAll("/+$", "");
        if (!LOGIN_SERVERS.contains(audience) && !audience.equals(baseUrl.replaceAll("/+$", ""))) {
            return new Refusal("invalid_grant", "audience is invalid");
        }
        if (!config.username().equals(claims.path("sub").asText())) {
            return new Refusal("invalid_grant", "user hasn't approved this consumer");
        }
        // exp is seconds since the epoch; some clients (Camel's among them) send it as a string
        long expiry;
        try {
            expiry = Long.parseLong(claims.path("exp").asText());
        } catch (NumberFormatException e) {
            return invalidAssertion();
        }
        if (now.getEpochSecond() > expiry) {
            return new Refusal("invalid_grant", "expired authorization code");
        }
        return null;
    }

    private static boolean verifies(String signedPart, byte[] signature, PublicKey key)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(signedPart.getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(signature);
    }

    /** Base64url with or without padding: RFC 7515 says without, Camel's component pads. */
    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static Refusal invalidAssertion() {
        return new Refusal("invalid_grant", "invalid assertion");
    }
}
