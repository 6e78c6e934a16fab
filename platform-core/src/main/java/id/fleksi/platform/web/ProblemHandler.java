package id.fleksi.platform.web;

import java.util.List;
import java.util.Map;

import id.fleksi.platform.tenancy.InvalidTenantCodeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one place exceptions become RFC 9457 problems for the API. */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidTenantCodeException.class)
    ProblemDetail invalidTenantCode(InvalidTenantCodeException e) {
        ProblemDetail problem = Problem.detail(HttpStatus.BAD_REQUEST, "invalid-tenant-code", "Invalid tenant code", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "code", "message", e.getMessage())));
        return problem;
    }

    /** A role check on a method ({@code @PreAuthorize}) said no. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return Problem.forbidden("missing-role", "Not allowed",
                "Your account does not have the role this operation needs. Ask your tenant admin for it.").variant("operation")
                .updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseAway.is(e)) {
            // A restart or failover: say "try again" (the phone's queue does), without a stack trace per request.
            log.warn("Database unavailable: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(DatabaseAway.problem());
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "Something went wrong on our side and nothing was changed by this request. Try again; if it keeps"
                        + " happening, tell the platform operator the time of the request.")
                .updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String summary = errors.stream().map(error -> error.get("field") + ": " + error.get("message"))
                .reduce((a, b) -> a + "; " + b).orElse("The request is not valid");
        ProblemDetail problem = Problem.detail(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", summary);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problem.detail(HttpStatus.BAD_REQUEST, "unreadable-request", "Unreadable request",
                "The request body is not valid JSON of the expected shape: " + firstLine(e.getMostSpecificCause().getMessage()));
        return ResponseEntity.badRequest().body(problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
