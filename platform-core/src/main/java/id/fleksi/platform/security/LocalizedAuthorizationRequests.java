package id.fleksi.platform.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Asks Keycloak to show its login page in the visitor's Fleksi language ({@code ui_locales}): Bahasa
 * Indonesia unless they chose English. Otherwise the browser's language would win over the realm default,
 * and a phone set to English would greet an ASN in English on the one page before Fleksi's.
 */
final class LocalizedAuthorizationRequests implements OAuth2AuthorizationRequestResolver {

    /** The cookie in which the web pages remember the visitor's language. */
    static final String LANGUAGE_COOKIE = "fleksi-lang";

    private final DefaultOAuth2AuthorizationRequestResolver delegate;

    LocalizedAuthorizationRequests(ClientRegistrationRepository registrations) {
        this.delegate = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    }

    /**
     * A login address naming no realm of this Fleksi ({@code /oauth2/authorization/nope}) resolves to nothing, so it is
     * answered 404 like any other unknown address, not 500 as Spring's resolver would have it.
     */
    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        try {
            return localize(delegate.resolve(request), request);
        } catch (IllegalArgumentException unknownRegistration) {
            return null;
        }
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        try {
            return localize(delegate.resolve(request, clientRegistrationId), request);
        } catch (IllegalArgumentException unknownRegistration) {
            return null;
        }
    }

    private static OAuth2AuthorizationRequest localize(
            OAuth2AuthorizationRequest authorization, HttpServletRequest request) {
        if (authorization == null) {
            return null;
        }
        String language = language(request);
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> parameters.put("ui_locales", language))
                .build();
    }

    static String language(HttpServletRequest request) {
        String chosen = request.getParameter("lang");
        if (chosen == null && request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (LANGUAGE_COOKIE.equals(cookie.getName())) {
                    chosen = cookie.getValue();
                }
            }
        }
        return "en".equals(chosen) ? "en" : "id";
    }
}
