package io.rapport.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the viewer role read-only in the console: Jolokia {@code write} requests and {@code exec} of operations
 * that change something (stop a route, purge a queue, replay dead letters, start a flight recording) need the admin
 * role. Viewers keep {@code read}, {@code list}, {@code search}, {@code version}, notifications, and the
 * query-style operations the console itself calls to draw its pages ({@code canInvoke}, {@code dumpRoutesAsXml},
 * {@code browse}, {@code get...}, {@code list...}). Hawtio sends POSTed JSON batches, so the body is inspected
 * (and handed on unchanged); a batch with any mutating request is refused whole.
 */
class JolokiaReadOnlyFilter extends OncePerRequestFilter {

    static final String PATH = "/actuator/jolokia";
    private static final Pattern QUERY_OPERATION =
            Pattern.compile("^(canInvoke|dump|browse|get|list|is|count|explain|query|find|search|has)([A-Z(].*)?$");
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(PATH) || path.startsWith(PATH + "/")) || isAdmin();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("GET".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length() + PATH.length());
            String[] parts = path.replaceFirst("^/", "").split("/", 4);
            String type = parts[0].toLowerCase(Locale.ROOT);
            if ("write".equals(type) || "exec".equals(type) && (parts.length < 3 || !isQuery(parts[2]))) {
                refuse(response, type);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String mutating = mutatingType(body);
        if (mutating != null) {
            refuse(response, mutating);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The first exec/write request type in a Jolokia POST body, or null; an unreadable body is left to Jolokia. */
    private String mutatingType(byte[] body) {
        JsonNode requests;
        try {
            requests = json.readTree(body);
        } catch (IOException unreadable) {
            return null;
        }
        if (requests == null) {
            return null;
        }
        for (JsonNode request : requests.isArray() ? requests : json.createArrayNode().add(requests)) {
            String type = request.path("type").asText("").toLowerCase(Locale.ROOT);
            if ("write".equals(type) || "exec".equals(type) && !isQuery(request.path("operation").asText(""))) {
                return type + " " + request.path("operation").asText("");
            }
        }
        return null;
    }

    private static boolean isQuery(String operation) {
        return QUERY_OPERATION.matcher(operation).matches();
    }

    private static boolean isAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Roles.ADMIN).equals(authority.getAuthority()));
    }

    private static void refuse(HttpServletResponse response, String type) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Not allowed\",\"status\":403,"
                + "\"detail\":\"Jolokia " + type.strip().replaceAll("[^A-Za-z0-9 ()._,]", "") + " needs the admin role\"}");
    }

    /** Replays the already-read body to Jolokia. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
