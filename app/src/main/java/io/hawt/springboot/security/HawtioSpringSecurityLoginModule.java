package io.hawt.springboot.security;

import io.hawt.web.auth.AuthenticationConfiguration;
import io.hawt.web.auth.RolePrincipal;
import java.lang.reflect.Constructor;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Hawtio's bridge to Spring Security. Hawtio's Spring Boot support looks this class up by name (it ships in
 * {@code hawtio-springboot-security}, which the registry here does not serve) and, when present, logs users in
 * through JAAS: Spring's {@code SecurityContextLoginModule} puts the current {@link Authentication} into the
 * subject, then this module adds one Hawtio role principal per granted authority ({@code ROLE_admin} becomes
 * {@code admin}), which is what Hawtio's role check ({@code hawtio.roles}) compares against.
 */
public class HawtioSpringSecurityLoginModule implements LoginModule {

    private static final String ROLE_PREFIX = "ROLE_";

    private Subject subject;
    private Class<? extends Principal> roleClass = RolePrincipal.class;
    private final List<Principal> added = new ArrayList<>();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        Object config = options.get(AuthenticationConfiguration.class.getName());
        if (config instanceof AuthenticationConfiguration authConfig && authConfig.getDefaultRolePrincipalClass() != null) {
            roleClass = authConfig.getDefaultRolePrincipalClass();
        }
    }

    /** Authentication already happened in Spring Security; this module only translates roles. */
    @Override
    public boolean login() {
        return true;
    }

    @Override
    public boolean commit() throws LoginException {
        List<Authentication> authentications = subject.getPrincipals().stream()
                .filter(Authentication.class::isInstance).map(Authentication.class::cast).toList();
        for (Authentication authentication : authentications) {
            for (GrantedAuthority authority : authentication.getAuthorities()) {
                String name = authority.getAuthority();
                if (name != null) {
                    added.add(rolePrincipal(name.startsWith(ROLE_PREFIX) ? name.substring(ROLE_PREFIX.length()) : name));
                }
            }
        }
        subject.getPrincipals().addAll(added);
        return true;
    }

    private Principal rolePrincipal(String role) throws LoginException {
        try {
            Constructor<? extends Principal> constructor = roleClass.getConstructor(String.class);
            return constructor.newInstance(role);
        } catch (ReflectiveOperationException e) {
            LoginException failure = new LoginException("cannot create Hawtio role principal " + roleClass.getName());
            failure.initCause(e);
            throw failure;
        }
    }

    @Override
    public boolean abort() {
        logout();
        return true;
    }

    @Override
    public boolean logout() {
        if (subject != null) {
            subject.getPrincipals().removeAll(added);
        }
        added.clear();
        return true;
    }
}
