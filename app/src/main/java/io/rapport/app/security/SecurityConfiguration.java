package io.rapport.app.security;

import static org.springframework.security.config.Customizer.withDefaults;

import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Nothing but the health probe is anonymous.
 * <ul>
 *   <li>{@code /api/**}: HTTP Basic, stateless (a console session cookie never authorizes an API call, so the API
 *       needs no CSRF token); reads for every role, {@link #OPERATOR_ACTIONS} for operator and admin, every other
 *       write for admin (docs/security.md has the matrix).</li>
 *   <li>Console ({@code /actuator/hawtio}) and Jolokia: form login or Basic, session-based, CSRF token in the
 *       {@code XSRF-TOKEN} cookie that the Hawtio front end echoes (requests with an Authorization header, i.e.
 *       scripts, are exempt: a browser never adds one on its own for a form-login session). What each role may
 *       do through Jolokia is {@link JolokiaAccessPolicy}'s decision. Jolokia and the other actuator endpoints answer
 *       401 rather than redirect when unauthenticated.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The API's day-to-day operations (docs/security.md, Roles): the operator role may POST these. */
    static final String[] OPERATOR_ACTIONS = {
            "/api/v1/customers/import",
            "/api/v1/customers/records",
            "/api/v1/pipeline/dead-letters/*/replay",
            "/api/v1/pipeline/dead-letters/*/discard",
            "/api/v1/social/events",
            "/api/v1/social/replies/*/send",
            "/api/v1/social/replies/*/dismiss",
            "/api/v1/social/rules/dry-run",
            "/api/v1/consistency/reconcile",
    };

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(new OrRequestMatcher(
                Arrays.stream(OPERATOR_ACTIONS).map(path -> (RequestMatcher) new AntPathRequestMatcher(path, "POST")).toList()));
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER)
                        .requestMatchers(HttpMethod.POST, OPERATOR_ACTIONS).hasAnyRole(Roles.ADMIN, Roles.OPERATOR)
                        // stewardship, author links, erasure and whatever is added later without a decision here
                        .anyRequest().hasRole(Roles.ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(errors -> errors.accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::writeHeadersBeforeTheResponse)
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        RequestMatcher machineEndpoints = new OrRequestMatcher(
                new AntPathRequestMatcher("/actuator/jolokia/**"),
                new AntPathRequestMatcher("/actuator/prometheus"),
                new AntPathRequestMatcher("/actuator/metrics/**"),
                new AntPathRequestMatcher("/actuator/camelroutes/**"));
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness",
                                "/actuator/info", "/login", "/error").permitAll()
                        // Hawtio's proxy to other Jolokia agents: the console manages this hub only
                        .requestMatchers("/actuator/hawtio/proxy/**").denyAll()
                        .requestMatchers("/actuator/hawtio/**", "/actuator/jolokia/**", "/actuator/prometheus",
                                "/actuator/health/**", "/actuator/metrics/**")
                                .hasAnyRole(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER)
                        .anyRequest().hasRole(Roles.ADMIN))
                .formLogin(form -> form.defaultSuccessUrl("/actuator/hawtio/", false))
                .httpBasic(withDefaults())
                .exceptionHandling(errors -> errors
                        .defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), machineEndpoints))
                .addFilterAfter(new JolokiaAccessFilter(), AuthorizationFilter.class)
                .headers(SecurityConfiguration::writeHeadersBeforeTheResponse)
                .csrf(csrf -> csrf
                        // scripts calling Jolokia or actuator with Basic credentials carry no cookie to forge
                        .ignoringRequestMatchers(request -> request.getHeader(HttpHeaders.AUTHORIZATION) != null)
                        .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SinglePageAppCsrfHandler()))
                .build();
    }

    /**
     * Security headers go out before the request is handled, not when the response commits. A streamed answer
     * ({@code GET /api/v1/xref}) is written by another thread after the request thread has left the filter chain;
     * written late, the headers were added by both threads at once to Tomcat's header list, which is not thread-safe,
     * and now and then a response carried a header with no name (the client refused it: "Invalid header").
     */
    private static void writeHeadersBeforeTheResponse(HeadersConfigurer<HttpSecurity> headers) {
        headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
            @Override
            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                filter.setShouldWriteHeadersEagerly(true);
                return filter;
            }
        });
    }

    @Bean
    UserDetailsService users(SecurityProperties properties) {
        SecurityProperties.Account admin = properties.adminAccount();
        SecurityProperties.Account operator = properties.operatorAccount();
        SecurityProperties.Account viewer = properties.viewerAccount();
        if (SecurityProperties.DEFAULT_ADMIN_PASSWORD.equals(admin.password())
                || SecurityProperties.DEFAULT_OPERATOR_PASSWORD.equals(operator.password())
                || SecurityProperties.DEFAULT_VIEWER_PASSWORD.equals(viewer.password())) {
            log.warn("built-in default passwords are in use; set RAPPORT_ADMIN_PASSWORD, RAPPORT_OPERATOR_PASSWORD and"
                    + " RAPPORT_VIEWER_PASSWORD before exposing this hub beyond your own machine");
        }
        InMemoryUserDetailsManager accounts = new InMemoryUserDetailsManager(
                account(admin, Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER),
                account(operator, Roles.OPERATOR, Roles.VIEWER),
                account(viewer, Roles.VIEWER));
        // only the lookup: as a UserDetailsPasswordService it would let Spring re-hash plain passwords with BCrypt
        return accounts::loadUserByUsername;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return AccountPasswordEncoder.create();
    }

    /** A password without an encoding prefix ({@code {bcrypt}...}) is taken as plain text, as env values usually are. */
    private static UserDetails account(SecurityProperties.Account account, String... roles) {
        String password = account.password().startsWith("{") ? account.password() : "{noop}" + account.password();
        return User.withUsername(account.username()).password(password).roles(roles).build();
    }

    /**
     * CSRF for a single-page console: the token travels in a readable cookie and comes back as the X-XSRF-TOKEN
     * header (plain), while form posts carry the masked (BREACH-safe) form value. Resolving the token on every
     * request makes sure the cookie is issued before the console's first write.
     */
    static final class SinglePageAppCsrfHandler implements CsrfTokenRequestHandler {
        private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
        private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            masked.handle(request, response, token);
            token.get();
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            boolean fromHeader = StringUtils.hasText(request.getHeader(token.getHeaderName()));
            return (fromHeader ? plain : masked).resolveCsrfTokenValue(request, token);
        }
    }
}
