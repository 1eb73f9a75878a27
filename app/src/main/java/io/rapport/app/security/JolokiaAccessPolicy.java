package io.rapport.app.security;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * What each role may ask of Jolokia: what the Hawtio console needs, nothing more (docs/security.md).
 * <ul>
 *   <li>Everyone: {@code read}, {@code list}, {@code search}, {@code version}, notifications, and {@code exec} of
 *       the query-style operations the console calls to draw its pages ({@code canInvoke}, {@code dumpRoutesAsXml},
 *       {@code browse}, {@code get...}, {@code list...}, {@code count...}).</li>
 *   <li>Operator: also {@code exec} of any operation of Camel routes and contexts (start, stop, suspend), Artemis
 *       queues (pause, purge, move, retry) and the hub's dead letters ({@code io.rapport:type=DeadLetters}).</li>
 *   <li>Admin: also {@code write} and {@code exec} anywhere else.</li>
 *   <li>Nobody: operations that reach past the hub into the JVM (heap dumps and diagnostic commands, flight
 *       recordings, logger levels, MLet class loading, the JVM's runtime and Spring Boot's admin MBean), the JVM's
 *       system properties and command line (where a {@code -D} secret would show), and Jolokia's proxy mode.</li>
 * </ul>
 * Stateless and thread-safe; {@link JolokiaAccessFilter} applies it to each request of a GET or POSTed batch.
 */
final class JolokiaAccessPolicy {

    private static final Pattern QUERY_OPERATION =
            Pattern.compile("^(canInvoke|dump|browse|get|list|is|count|explain|query|find|search|has)([A-Z(].*)?$");
    /** Reads that show secrets given as {@code -D} options. */
    private static final Set<String> RUNTIME_SECRET_ATTRIBUTES = Set.of("SystemProperties", "InputArguments");
    private static final ObjectName RUNTIME = name("java.lang:type=Runtime");
    private static final List<ObjectName> NOBODY = List.of(
            RUNTIME,
            name("com.sun.management:type=HotSpotDiagnostic"),
            name("com.sun.management:type=DiagnosticCommand"),
            name("jdk.management.jfr:*"),
            name("java.util.logging:*"),
            name("ch.qos.logback.classic:*"),
            name("JMImplementation:*"),
            name("org.springframework.boot:*"));

    /** One Jolokia request: its type, MBean, attribute names (empty: all) or operation, and proxy target if any. */
    record Request(String type, String mbean, List<String> attributes, String operation, boolean proxied) {
    }

    private JolokiaAccessPolicy() {
    }

    /** Null when the request is allowed for an account with these roles, else why not (for the 403 answer). */
    static String refusal(Request request, Set<String> roles) {
        if (request.proxied()) {
            return "proxy requests are not served";
        }
        String type = request.type().toLowerCase(Locale.ROOT);
        ObjectName mbean = parse(request.mbean());
        switch (type) {
            case "read":
                return readsRuntimeSecrets(mbean, request.attributes())
                        ? "reading the JVM's system properties and arguments is not allowed" : null;
            case "write":
                if (mbean == null || forEveryone(mbean)) {
                    return "write on " + request.mbean() + " is not allowed";
                }
                return roles.contains(Roles.ADMIN) ? null : "write needs the admin role";
            case "exec":
                String operation = request.operation() == null ? "" : request.operation();
                if (mbean == null || forEveryone(mbean)) {
                    return "exec " + operation + " on " + request.mbean() + " is not allowed";
                }
                if (QUERY_OPERATION.matcher(operation).matches() || roles.contains(Roles.ADMIN)) {
                    return null;
                }
                if (operatorMBean(mbean)) {
                    return roles.contains(Roles.OPERATOR) ? null : "exec " + operation + " needs the operator role";
                }
                return "exec " + operation + " needs the admin role";
            default:
                return null;
        }
    }

    private static boolean forEveryone(ObjectName mbean) {
        return NOBODY.stream().anyMatch(denied -> denied.apply(mbean))
                || mbean.getKeyPropertyListString().contains("MLet")
                || mbean.getDomain().startsWith("javax.management.loading");
    }

    private static boolean readsRuntimeSecrets(ObjectName mbean, List<String> attributes) {
        if (mbean == null || !(mbean.isPattern() ? mbean.apply(RUNTIME) : RUNTIME.equals(mbean))) {
            return false;
        }
        return attributes.isEmpty() || attributes.stream().anyMatch(RUNTIME_SECRET_ATTRIBUTES::contains);
    }

    /** Camel routes and contexts, Artemis queues, and the hub's dead letters. */
    private static boolean operatorMBean(ObjectName mbean) {
        String type = mbean.getKeyProperty("type");
        return switch (mbean.getDomain()) {
            case "org.apache.camel" -> "routes".equals(type) || "context".equals(type);
            case "org.apache.activemq.artemis" -> "queues".equals(mbean.getKeyProperty("subcomponent"));
            case "io.rapport" -> "DeadLetters".equals(type);
            default -> false;
        };
    }

    private static ObjectName parse(String mbean) {
        if (mbean == null || mbean.isBlank()) {
            return null;
        }
        try {
            return new ObjectName(mbean);
        } catch (MalformedObjectNameException e) {
            return null;
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
