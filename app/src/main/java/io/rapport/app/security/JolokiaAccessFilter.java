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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Applies {@link JolokiaAccessPolicy} to every Jolokia request, for every role: a GET's path
 * ({@code /exec/<mbean>/<operation>/...}) or each request of a POSTed batch (Hawtio sends JSON batches, so the body
 * is read and handed on unchanged). A batch with any refused request is refused whole, as 403 problem+json.
 */
class JolokiaAccessFilter extends OncePerRequestFilter {

    static final String PATH = "/actuator/jolokia";
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals(PATH) || path.startsWith(PATH + "/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Set<String> roles = roles();
        if (!"POST".equals(request.getMethod())) {
            String path = request.getRequestURI().substring(request.getContextPath().length() + PATH.length());
            String refusal = JolokiaAccessPolicy.refusal(fromPath(path), roles);
            if (refusal != null) {
                refuse(response, refusal);
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
        String refusal = refusal(body, roles);
        if (refusal != null) {
            refuse(response, refusal);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The GET form: /type/mbean/attribute-or-operation/..., with Jolokia's "!/" escape for a slash in a name. */
    private static JolokiaAccessPolicy.Request fromPath(String path) {
        String[] parts = UriUtils.decode(path.replaceFirst("^/", ""), StandardCharsets.UTF_8)
                .replace("!/", "\u0000").split("/", 4);
        String type = parts[0];
        String mbean = parts.length > 1 ? parts[1].replace('\u0000', '/') : null;
        String third = parts.length > 2 ? parts[2].replace('\u0000', '/') : null;
        boolean exec = "exec".equalsIgnoreCase(type);
        List<String> attributes = exec || third == null || third.isEmpty() ? List.of() : List.of(third.split(","));
        return new JolokiaAccessPolicy.Request(type, mbean, attributes, exec ? third : null, false);
    }

    /** The first refusal among the requests of a POST body; an unreadable body is left to Jolokia to reject. */
    private String refusal(byte[] body, Set<String> roles) {
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
            JsonNode attribute = request.path("attribute");
            List<String> attributes = new ArrayList<>();
            if (attribute.isArray()) {
                attribute.forEach(name -> attributes.add(name.asText()));
            } else if (attribute.isTextual()) {
                attributes.add(attribute.asText());
            }
            String refusal = JolokiaAccessPolicy.refusal(new JolokiaAccessPolicy.Request(
                    request.path("type").asText(""), request.path("mbean").asText(null), attributes,
                    request.path("operation").asText(null), request.hasNonNull("target")), roles);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    private static Set<String> roles() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return Set.of();
        }
        Set<String> roles = new HashSet<>();
        authentication.getAuthorities().forEach(authority -> {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()));
            }
        });
        return roles;
    }

    private void refuse(HttpServletResponse response, String reason) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(Map.of("type", "about:blank", "title", "Not allowed",
                "status", 403, "detail", "Jolokia: " + reason)));
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
