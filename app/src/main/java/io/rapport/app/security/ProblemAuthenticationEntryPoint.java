package io.rapport.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** 401 and 403 of the API in the same problem+json shape as every other API error, naming the role needed. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final RequestMatcher operatorActions;

    /** @param operatorActions the requests the operator role may make (any other refused write needs admin) */
    ProblemAuthenticationEntryPoint(RequestMatcher operatorActions) {
        this.operatorActions = operatorActions;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"rapport\"");
        write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                "send HTTP Basic credentials of a hub account");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String role = operatorActions.matches(request) ? Roles.OPERATOR : Roles.ADMIN;
        write(response, HttpStatus.FORBIDDEN, "Not allowed", "this operation needs the " + role + " role");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}");
    }
}
