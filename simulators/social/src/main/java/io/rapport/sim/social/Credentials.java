package io.rapport.sim.social;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a request's {@code Authorization} header as X would, without cryptography: v2 wants the app's bearer token;
 * v1.1 wants OAuth 1.0a user context (the signature is not verified, the consumer key is) or the bearer token;
 * posting wants user context: the brand's OAuth 2.0 user access token as bearer, or OAuth 1.0a, and refuses the
 * app-only bearer token with 403, as X does.
 */
final class Credentials {

    private static final Pattern CONSUMER_KEY = Pattern.compile("oauth_consumer_key=\"([^\"]*)\"");

    private final String bearerToken;
    private final String consumerKey;
    private final String userAccessToken;

    Credentials(String bearerToken, String consumerKey, String userAccessToken) {
        this.bearerToken = bearerToken;
        this.consumerKey = consumerKey;
        this.userAccessToken = userAccessToken;
    }

    /** The error to answer with, or {@code null} when the caller may go on. */
    ApiAnswer refusal(XEndpoint endpoint, String authorization) {
        boolean v1 = endpoint.isV1();
        if (endpoint.needsUserContext()) {
            return userContextRefusal(authorization);
        }
        if (authorization == null || authorization.isBlank()) {
            return v1 ? XErrors.badAuthenticationData() : XErrors.unauthorized(false);
        }
        if (authorization.startsWith("Bearer ")) {
            return authorization.substring("Bearer ".length()).trim().equals(bearerToken) ? null
                    : XErrors.unauthorized(v1);
        }
        if (v1 && authorization.startsWith("OAuth ")) {
            Matcher key = CONSUMER_KEY.matcher(authorization);
            return key.find() && URLDecoder.decode(key.group(1), StandardCharsets.UTF_8)
                    .equals(consumerKey) ? null : XErrors.unauthorized(true);
        }
        return XErrors.unauthorized(v1);
    }

    private ApiAnswer userContextRefusal(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return XErrors.unauthorized(false);
        }
        if (authorization.startsWith("Bearer ")) {
            String token = authorization.substring("Bearer ".length()).trim();
            if (token.equals(userAccessToken)) {
                return null;
            }
            return token.equals(bearerToken) ? XErrors.unsupportedAuthentication() : XErrors.unauthorized(false);
        }
        if (authorization.startsWith("OAuth ")) {
            Matcher key = CONSUMER_KEY.matcher(authorization);
            return key.find() && URLDecoder.decode(key.group(1), StandardCharsets.UTF_8).equals(consumerKey) ? null
                    : XErrors.unauthorized(false);
        }
        return XErrors.unauthorized(false);
    }
}
