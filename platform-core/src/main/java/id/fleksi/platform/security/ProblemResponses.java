package id.fleksi.platform.security;

import id.fleksi.platform.LogContext;
import id.fleksi.platform.problem.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problems for what the security filters refuse before any controller runs: no or a bad token (401),
 * a role missing (403). The 401 keeps the {@code WWW-Authenticate} header RFC 6750 asks for.
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            bearer.commence(request, response, exception);
            boolean noToken = request.getHeader("Authorization") == null;
            if (!noToken) {
                // The library's reason (expired, wrong signature, unknown issuer) is for the log, not for whoever sent
                // it.
                log.info("Bearer token refused: {}", exception.getMessage());
            }
            write(
                    request,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    noToken ? "authentication-required" : "invalid-token",
                    noToken ? "Authentication required" : "Invalid token",
                    noToken
                            ? "Send a bearer token from your tenant's Keycloak realm (Authorization: Bearer ...)."
                            : "The bearer token was refused (expired, or not issued by a realm of this Fleksi)."
                                    + " Log in again to get a new token from your tenant's realm.");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "missing-role",
                "Not allowed",
                "Your account does not have the role this operation needs. Ask your tenant admin (or, for platform"
                        + " operations, the provincial Diskominfo) for it.");
    }

    static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String type,
            String title,
            String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problem.TYPE_PREFIX + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        String requestId = MDC.get(LogContext.REQUEST_ID); // set for the request before the security filters run
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
