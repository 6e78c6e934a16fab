package id.fleksi.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.util.UriUtils;

/**
 * Sends a visitor of {@code /t/{code}/...} to log in at that tenant's realm, and of {@code /platform/...} to
 * the platform realm. A browser asking for a page of a tenant one cannot log in to here (unknown, suspended, moved to its
 * own server) is sent to {@code /tenants/{code}}, a page that says which and what to do; only a script asking for JSON
 * gets a problem.
 */
final class RealmLoginEntryPoint implements AuthenticationEntryPoint {

    private final IdentityProperties identity;
    private final ClientRegistrationRepository registrations;
    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

    RealmLoginEntryPoint(IdentityProperties identity, ClientRegistrationRepository registrations) {
        this.identity = identity;
        this.registrations = registrations;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String realm = realmOf(path);
        boolean loginHere = realm != null && registrations.findByRegistrationId(realm) != null;
        if (!loginHere && !wantsJson(request)) {
            // A person, not a script: a page that says why (unknown, suspended, moved) and what to do, never JSON. See
            // Other,
            // so a form sent to such a tenant is followed by a GET of that page.
            String code = path.startsWith("/t/") ? firstSegment(path.substring(3)) : "";
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader(
                    "Location",
                    request.getContextPath()
                            + (code.isEmpty()
                                    ? "/"
                                    : "/tenants/" + UriUtils.encodePathSegment(code, StandardCharsets.UTF_8)));
            return;
        }
        if (!loginHere) {
            ProblemResponses.write(
                    request,
                    response,
                    HttpStatus.NOT_FOUND,
                    "unknown-tenant",
                    "Unknown tenant",
                    "There is no active tenant here to log in to. Check the address, or ask your Diskominfo.");
            return;
        }
        requestCache.saveRequest(request, response);
        response.sendRedirect(request.getContextPath() + "/oauth2/authorization/" + realm);
    }

    /** A script asking for JSON (a page's fetch), not a person's browser asking for a page. */
    private static boolean wantsJson(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private static String firstSegment(String rest) {
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        return segment.length() > 40 ? segment.substring(0, 40) : segment;
    }

    /** {@code /t/mateng/...} → mateng; {@code /platform/...} → the platform realm; else null. */
    String realmOf(String path) {
        if (path.startsWith("/platform")) {
            return identity.platformRealm();
        }
        if (path.startsWith("/t/")) {
            String rest = path.substring(3);
            int slash = rest.indexOf('/');
            String code = slash < 0 ? rest : rest.substring(0, slash);
            return code.matches("[a-z][a-z0-9_]{1,29}") ? code : null;
        }
        return null;
    }
}
