package id.fleksi.platform.security;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API's rule for {@link ConfinedRole}s: an authenticated caller passes, unless they hold a confined role and the
 * request is none of that role's operations.
 */
final class ConfinedRoles implements AuthorizationManager<RequestAuthorizationContext> {

    private record Confinement(String authority, List<RequestMatcher> allowed) {}

    private final List<Confinement> confinements;
    private final AuthorizationManager<RequestAuthorizationContext> authenticated =
            AuthenticatedAuthorizationManager.authenticated();

    ConfinedRoles(List<ConfinedRole> roles) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.confinements = roles.stream()
                .map(role -> new Confinement(
                        "ROLE_" + role.realmRole(),
                        role.apiPaths().stream()
                                .map(p -> (RequestMatcher) paths.matcher(p))
                                .toList()))
                .toList();
    }

    @Override
    public AuthorizationResult authorize(
            Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        AuthorizationResult result = authenticated.authorize(authentication, context);
        if (result == null || !result.isGranted()) {
            return result;
        }
        Authentication caller = authentication.get();
        for (Confinement confinement : confinements) {
            boolean holds = caller.getAuthorities().stream()
                    .anyMatch(a -> confinement.authority().equals(a.getAuthority()));
            if (holds && confinement.allowed().stream().noneMatch(m -> m.matches(context.getRequest()))) {
                return new AuthorizationDecision(false);
            }
        }
        return result;
    }
}
