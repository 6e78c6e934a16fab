package id.fleksi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The request checks written as loops ({@link BearerTokenHeader}, {@link HeaderCharacters}) answer exactly as the Spring
 * Security code they replace: the same token or the same refusal for any header, the same verdict for any character.
 */
class RequestCheckTest {

    private final DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void everyCharacterIsJudgedAsTheStrictFirewallJudgesIt() {
        for (int point = 0; point <= Character.MAX_CODE_POINT; point++) {
            String alone = new String(Character.toChars(point));
            String amid = "ab" + alone + "c";
            sameVerdict(HeaderCharacters.VALUE, StrictHttpFirewall.ALLOWED_HEADER_VALUES, alone);
            sameVerdict(HeaderCharacters.VALUE, StrictHttpFirewall.ALLOWED_HEADER_VALUES, amid);
            sameVerdict(HeaderCharacters.NAME, StrictHttpFirewall.ALLOWED_HEADER_NAMES, alone);
            sameVerdict(HeaderCharacters.NAME, StrictHttpFirewall.ALLOWED_HEADER_NAMES, amid);
        }
        // A lone surrogate, and one at the end
        sameVerdict(HeaderCharacters.VALUE, StrictHttpFirewall.ALLOWED_HEADER_VALUES, "a\ud800b");
        sameVerdict(HeaderCharacters.VALUE, StrictHttpFirewall.ALLOWED_HEADER_VALUES, "a\udc00");
        assertThat(HeaderCharacters.VALUE.test("Bearer eyJ0eXAi.x\ty")).isTrue();
        assertThat(HeaderCharacters.NAME.test("x\ty")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("a\u0000b")).isFalse();
    }

    /** Every header of a scheme-like start and up to three characters of a token's alphabet, spaces and others. */
    @Test
    void anyHeaderGivesSpringsTokenOrSpringsRefusal() {
        List<String> tails = new ArrayList<>(List.of(""));
        for (int length = 1, from = 0; length <= 3; length++) {
            int to = tails.size();
            for (int i = from; i < to; i++) {
                for (char c : "aZ09-._~+/= \t,;\"é".toCharArray()) {
                    tails.add(tails.get(i) + c);
                }
            }
            from = to;
        }
        for (String scheme :
                List.of("Bearer ", "bearer ", "BEARER ", "Bearer", "Bearer  ", "Bearerx", "Basic ", "", " Bearer ")) {
            for (String tail : tails) {
                String header = scheme + tail;
                MockHttpServletRequest request =
                        new MockHttpServletRequest("POST", "/api/v1/t/mateng/attendance/check-ins");
                request.addHeader("Authorization", header);
                String expected = outcome(() -> spring.resolve(request));
                assertThat(outcome(() -> new BearerTokenHeader().resolve(request)))
                        .as(header)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void aWellFormedTokenIsTakenAndAMalformedOneRefused() {
        assertThat(BearerTokenHeader.token("Bearer abc.DEF-_~+/9==")).isEqualTo("abc.DEF-_~+/9==");
        assertThat(BearerTokenHeader.token("bearer abc")).isEqualTo("abc");
        assertThat(BearerTokenHeader.token("Basic dXNlcjpwYXNz")).isNull();
        assertThat(BearerTokenHeader.token(null)).isNull();
        assertThatThrownBy(() -> BearerTokenHeader.token("Bearer ab=c"))
                .isInstanceOf(OAuth2AuthenticationException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> BearerTokenHeader.token("Bearer ")).isInstanceOf(OAuth2AuthenticationException.class);
        assertThatThrownBy(() -> BearerTokenHeader.token("Bearerabc"))
                .isInstanceOf(OAuth2AuthenticationException.class);
        assertThat(new BearerTokenHeader().resolve(new MockHttpServletRequest()))
                .isNull();
    }

    private static String outcome(Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + " " + e.getError().getDescription();
        }
    }

    private static void sameVerdict(Predicate<String> ours, Predicate<String> springs, String value) {
        assertThat(ours.test(value))
                .as("U+%04X in %s", value.codePointAt(Math.min(2, value.length() - 1)), value)
                .isEqualTo(springs.test(value));
    }
}
