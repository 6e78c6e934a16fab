package id.fleksi.platform.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Two filter chains: the API ({@code /api/**}) takes bearer tokens and keeps no session; the web pages log
 * in with OIDC against the realm named in the path ({@code /t/{code}/} or {@code /platform/}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class SecurityConfiguration {

    /**
     * No tracing of every security filter: nothing collects those traces (no tracer is configured; the request metrics
     * come from the one observation around the whole request), and
     * wrapping each filter of each request in an observation cost about a tenth of a check-in's CPU.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring's strict firewall, with its header rules checked by {@link HeaderCharacters} (the same rules, faster). */
    @Bean
    WebSecurityCustomizer firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters.NAME);
        firewall.setAllowedHeaderValues(HeaderCharacters.VALUE);
        firewall.setAllowedParameterNames(HeaderCharacters.NAME);
        return web -> web.httpFirewall(firewall);
    }

    /**
     * What the firewall refuses (an encoded slash or NUL byte in the address, a header with control characters) is
     * answered as a problem too, not as the servlet container's page.
     */
    @Bean
    RequestRejectedHandler rejectedAsProblem() {
        return (request, response, rejected) -> ProblemResponses.write(
                request,
                response,
                HttpStatus.BAD_REQUEST,
                "rejected-request",
                "Rejected request",
                "The request's address or headers hold characters this server does"
                        + " not accept (such as an encoded slash, a NUL byte or a control character). Nothing was changed.");
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, RealmTokenAuthentication tokens, ObjectProvider<ConfinedRole> confined)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // A self-hosted kabupaten's replica posts its daily figures: machine to machine, no user and so
                        // no token; the feed's own Ed25519 signature, checked against the key registered for the
                        // tenant, authenticates it (tenant-provisioning's feed package).
                        .requestMatchers(HttpMethod.POST, "/api/v1/feeds/daily")
                        .permitAll()
                        .requestMatchers("/api/v1/platform/**")
                        .hasRole(Role.PLATFORM_OPERATOR.realmRole())
                        // Another system's token holding a confined role reaches only that role's operations.
                        .anyRequest()
                        .access(new ConfinedRoles(confined.orderedStream().toList())))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(tokens)
                        .bearerTokenResolver(new BearerTokenHeader())
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(ProblemResponses.unauthorized())
                        .accessDeniedHandler(ProblemResponses.forbidden()));
        return http.build();
    }

    /** The public pages where anyone, logged in or not, sends a form: a service's rating page. */
    static final String PUBLIC_FORMS = "/publik/*/layanan/*";

    @Bean
    @Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            ClientRegistrationRepository registrations,
            IdentityProperties identity,
            RealmRoles realmRoles)
            throws Exception {
        OidcClientInitiatedLogoutSuccessHandler logout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        // Back to Fleksi's page that says so and offers the same realm's login again (fleksi-app's
        // LoggedOutController).
        logout.setPostLogoutRedirectUri("{baseUrl}/logged-out/{registrationId}");
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/t/**", "/platform/**")
                        .authenticated()
                        // A service's public rating page (evaluation's feedback): citizens, no login.
                        .requestMatchers(PUBLIC_FORMS)
                        .permitAll()
                        .anyRequest()
                        .permitAll())
                // The public rating form has no session to forge a request in; its own signed, one-time form token
                // (HMAC, with the time it was shown) takes the CSRF token's place, which would need a session per
                // visitor.
                .csrf(csrf -> csrf.ignoringRequestMatchers(PUBLIC_FORMS))
                .oauth2Login(login -> login.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                                new LocalizedAuthorizationRequests(registrations)))
                        .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(realmRoles(identity, realmRoles))))
                .logout(out -> out.logoutSuccessHandler(logout))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(contentSecurityPolicy(identity)))
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN)))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(new RealmLoginEntryPoint(identity, registrations)));
        return http.build();
    }

    /**
     * The pages load nothing but their own scripts, styles and images, and send forms only to Fleksi and to Keycloak
     * (the login and logout): a script that slipped into a page (a tenant name with markup, say) would not run, and no
     * other site may frame a page.
     */
    public static String contentSecurityPolicy(IdentityProperties identity) {
        return contentSecurityPolicy(identity, null);
    }

    /**
     * The same policy, with images also allowed from one more origin ({@code https://tiles.example.go.id}): a page that
     * draws the tenant's own map tiles sets it on its answer, for that page only.
     */
    public static String contentSecurityPolicy(IdentityProperties identity, String imageOrigin) {
        String images = imageOrigin == null ? "" : " " + imageOrigin;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + images
                + "; connect-src 'self';"
                + " font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self' "
                + identity.keycloakUrl();
    }

    /** Realm roles from the ID token's {@code realm_access} claim, limited to what the realm may grant. */
    private static GrantedAuthoritiesMapper realmRoles(IdentityProperties identity, RealmRoles realmRoles) {
        return (Collection<? extends GrantedAuthority> authorities) -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    boolean platform = identity.platformRealm()
                            .equals(identity.realmOf(
                                    oidc.getIdToken().getIssuer().toString()));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> realmAccess =
                            (Map<String, Object>) oidc.getIdToken().getClaims().get("realm_access");
                    realmRoles
                            .authoritiesFrom(realmAccess, platform)
                            .forEach(name -> mapped.add(new SimpleGrantedAuthority(name)));
                }
            }
            return mapped;
        };
    }
}
