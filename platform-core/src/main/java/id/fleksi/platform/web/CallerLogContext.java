package id.fleksi.platform.web;

import id.fleksi.platform.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller's user id ({@link LogContext#USER_ID}: the Keycloak subject of the token or the login) on every log
 * line of the request, right after Spring Security's filters (order -100) have said who it is. Never the username:
 * an employee's username is their NIP, which stays out of the logs.
 */
@Component
@Order(-99)
class CallerLogContext extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String subject = subjectOf(SecurityContextHolder.getContext().getAuthentication());
        if (subject == null) {
            chain.doFilter(request, response);
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(LogContext.USER_ID, subject)) {
            chain.doFilter(request, response);
        }
    }

    static String subjectOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getSubject();
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user) {
            return user.getSubject();
        }
        return null;
    }
}
