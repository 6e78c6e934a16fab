package id.fleksi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * A token holding a confined role reaches its operations and nothing else, whatever other roles it holds; a token
 * without one reaches what any authenticated caller reaches; an anonymous caller nothing.
 */
class ConfinedRolesTest {

    private final ConfinedRoles rule = new ConfinedRoles(
            List.of(new ConfinedRole("evaluation-export", List.of("/api/v1/t/*/evaluation/exports/**"))));

    @Test
    void aConfinedTokenReachesItsOperationsOnly() {
        Authentication system = token("ROLE_evaluation-export");
        assertThat(granted(system, "GET", "/api/v1/t/mateng/evaluation/exports/results.json"))
                .isTrue();
        assertThat(granted(system, "GET", "/api/v1/t/mateng/evaluation/exports/month.xlsx"))
                .isTrue();
        assertThat(granted(system, "GET", "/api/v1/t/mateng/me")).isFalse();
        assertThat(granted(system, "POST", "/api/v1/t/mateng/evaluation/export-clients"))
                .isFalse();
        assertThat(granted(system, "GET", "/api/v1/t/mateng/evaluation/exportsx"))
                .isFalse();
        assertThat(granted(token("ROLE_evaluation-export", "ROLE_bkd"), "GET", "/api/v1/t/mateng/monitoring/today"))
                .isFalse();
    }

    @Test
    void otherCallersAreNotConfinedAndAnonymousOnesAreRefused() {
        assertThat(granted(token("ROLE_bkd"), "GET", "/api/v1/t/mateng/monitoring/today"))
                .isTrue();
        assertThat(granted(token("ROLE_bkd"), "GET", "/api/v1/t/mateng/evaluation/exports/results.csv"))
                .isTrue();
        assertThat(granted(
                        new AnonymousAuthenticationToken(
                                "k", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")),
                        "GET",
                        "/api/v1/t/mateng/evaluation/exports/results.csv"))
                .isFalse();
    }

    private boolean granted(Authentication caller, String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        return rule.authorize(() -> caller, new RequestAuthorizationContext(request))
                .isGranted();
    }

    private static Authentication token(String... authorities) {
        TestingAuthenticationToken token = new TestingAuthenticationToken("service-account-x", "n/a", authorities);
        token.setAuthenticated(true);
        return token;
    }
}
