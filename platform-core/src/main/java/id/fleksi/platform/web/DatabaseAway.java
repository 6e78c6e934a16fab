package id.fleksi.platform.web;

import id.fleksi.platform.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * While the database restarts or fails over, every request is answered 503 with Retry-After: "try again",
 * which phones' queues do with the same request id. Covers failures before the controllers too (a token's
 * realm is looked up in the registry), which would otherwise reach the container as a bare 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseAway extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAway.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Whether the failure is the database connection going away: SQLSTATE class 08 or 57P (an administrator's
     * shutdown), no connection from the pool, or Hikari's "Connection is closed" (no SQLSTATE) when a rollback
     * meets a connection the pool already evicted. In every case nothing was committed.
     */
    public static boolean is(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException
                    || cause instanceof org.springframework.dao.DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() == null
                    && "Connection is closed".equals(sql.getMessage())) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static ProblemDetail problem() {
        return ProblemDetails.of(
                HttpStatus.SERVICE_UNAVAILABLE.value(),
                "database-unavailable",
                "Try again shortly",
                "The database is briefly unavailable, so this request may not have been recorded. Send it again in"
                        + " a few seconds; a repeated request with the same id is never recorded twice.");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!is(e) || response.isCommitted()) {
                throw e;
            }
            log.warn(
                    "Database unavailable for {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    LogContext.redacted(e.getMessage()));
            response.resetBuffer();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            ProblemDetail body = problem();
            body.setInstance(java.net.URI.create(request.getRequestURI()));
            response.getOutputStream().write(JSON.writeValueAsBytes(body));
        }
    }
}
