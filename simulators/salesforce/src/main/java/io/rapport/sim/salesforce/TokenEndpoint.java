package io.rapport.sim.salesforce;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /services/oauth2/token}: the OAuth 2.0 username-password, client-credentials and JWT bearer flows,
 * checked against the configured connected app and user. Logins do not count against the API request limit.
 */
final class TokenEndpoint {

    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final SalesforceSandbox.Config config;
    private final Sessions sessions;
    private final String baseUrl;
    private final String identityPath;
    private final Clock clock;

    TokenEndpoint(SalesforceSandbox.Config config, Sessions sessions, String baseUrl, String organizationId,
                  String userId, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.sessions = sessions;
        this.baseUrl = baseUrl;
        this.identityPath = "/id/" + organizationId + "/" + userId;
    }

    ApiResponse token(String method, Map<String, String> form) {
        if (!"POST".equals(method)) {
            return ApiResponse.json(405, Map.of("error", "invalid_request", "error_description", "must use HTTP POST"));
        }
        String grant = form.getOrDefault("grant_type", "");
        if (grant.equals(JWT_BEARER)) {
            JwtBearerAssertion.Refusal refusal = JwtBearerAssertion.check(form.get("assertion"), config, baseUrl,
                    clock.instant());
            return refusal == null ? issue() : oauthError(refusal.error(), refusal.description());
        }
        if (!grant.equals("password") && !grant.equals("client_credentials")) {
            return oauthError("unsupported_grant_type", "grant type not supported");
        }
        if (!config.clientId().equals(form.get("client_id"))) {
            return oauthError("invalid_client_id", "client identifier invalid");
        }
        boolean secretOk = config.clientSecret().equals(form.get("client_secret"));
        boolean userOk = grant.equals("client_credentials")
                || (config.username().equals(form.get("username")) && config.password().equals(form.get("password")));
        if (!secretOk) {
            return oauthError("invalid_client", "invalid client credentials");
        }
        if (!userOk) {
            return oauthError("invalid_grant", "authentication failure");
        }
        return issue();
    }

    private ApiResponse issue() {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("access_token", sessions.issue());
        reply.put("instance_url", baseUrl);
        reply.put("id", baseUrl + identityPath);
        reply.put("token_type", "Bearer");
        reply.put("issued_at", Long.toString(clock.millis()));
        reply.put("signature", sessions.randomHex(16));
        return ApiResponse.json(200, reply);
    }

    private static ApiResponse oauthError(String error, String description) {
        return ApiResponse.json(400, Map.of("error", error, "error_description", description));
    }
}
