package id.fleksi.platform.web;

import id.fleksi.platform.LogContext;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.InvalidTenantCodeException;
import java.util.List;
import java.util.Map;
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

    /** A refusal, from whichever rule: said in the reader's language, with its properties. */
    @ExceptionHandler(Problem.class)
    ResponseEntity<ProblemDetail> problem(Problem problem) {
        return ResponseEntity.status(problem.kind().status())
                .body(ProblemDetails.of(problem, getMessageSource(), LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(InvalidTenantCodeException.class)
    ProblemDetail invalidTenantCode(InvalidTenantCodeException e) {
        ProblemDetail problem = ProblemDetails.of(
                HttpStatus.BAD_REQUEST.value(), "invalid-tenant-code", "Invalid tenant code", e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "code", "message", e.getMessage())));
        return problem;
    }

    /** A role check on a method ({@code @PreAuthorize}) said no. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return ProblemDetails.of(
                Problem.forbidden(
                                "missing-role",
                                "Not allowed",
                                "Your account does not have the role this operation needs. Ask your tenant admin for it.")
                        .variant("operation"),
                getMessageSource(),
                LocaleContextHolder.getLocale());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseAway.is(e)) {
            // A restart or failover: say "try again" (the phone's queue does), without a stack trace per request.
            log.warn("Database unavailable: {}", LogContext.redacted(e.getMessage()));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .body(DatabaseAway.problem());
        }
        ResponseEntity<ProblemDetail> refused = refusedByDatabase(e);
        if (refused != null) {
            return refused;
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError()
                .body(ProblemDetails.of(
                        new Problem(
                                Problem.Kind.INTERNAL,
                                "internal-error",
                                "Internal error",
                                "Something went wrong on our side and nothing was changed by this request. Try again; if it"
                                        + " keeps happening, tell the platform operator the time of the request."),
                        getMessageSource(),
                        LocaleContextHolder.getLocale()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String summary = errors.stream()
                .map(error -> error.get("field") + ": " + error.get("message"))
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is not valid");
        ProblemDetail problem =
                ProblemDetails.of(HttpStatus.BAD_REQUEST.value(), "invalid-request", "Invalid request", summary);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The parser's own words name Java types and Jackson features: they go to the log, the client reads ours.
        log.info(
                "Unreadable request body: {}",
                LogContext.redacted(firstLine(e.getMostSpecificCause().getMessage())));
        String detail = UnreadableBody.explain(e);
        ProblemDetail problem =
                ProblemDetails.of(HttpStatus.BAD_REQUEST.value(), "unreadable-request", "Unreadable request", detail);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A parameter of the address that is not of its kind: which one, and what it takes (never the converter's words). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        String name =
                e instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException mismatch
                        ? mismatch.getName()
                        : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String expected = type == java.time.LocalDate.class
                ? id.fleksi.platform.calendar.DateWindow.rule() + " (yyyy-mm-dd)"
                : type == java.time.YearMonth.class
                        ? "is a month (yyyy-mm) between 1950-01 and 2100-12"
                        : type == java.util.UUID.class
                                ? "is an id (a UUID)"
                                : type != null && type.isEnum()
                                        ? "is one of " + java.util.Arrays.toString(type.getEnumConstants())
                                        : type != null
                                                        && Number.class.isAssignableFrom(
                                                                org.springframework.util.ClassUtils
                                                                        .resolvePrimitiveIfNecessary(type))
                                                ? "is a number"
                                                : "is not a valid value";
        ProblemDetail problem = ProblemDetails.of(
                HttpStatus.BAD_REQUEST.value(),
                "invalid-parameter",
                "Invalid parameter",
                name + ": " + expected + ". Nothing was changed.");
        problem.setProperty("errors", List.of(Map.of("field", String.valueOf(name), "message", expected)));
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * What the database refuses because of what was sent (a text longer than its column, a NUL byte, a number or date
     * out of its range, an id of nothing): the request's fault, answered 4xx, never "try again". Each has its bound at
     * the edge as well; this is the net under them.
     */
    static ResponseEntity<ProblemDetail> refusedByDatabase(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                String detail = switch (state) {
                    case "22001" -> "A text in the request is longer than it may be.";
                    case "22021", "22P05", "22023" ->
                        "A text in the request holds a character that cannot be stored (such as a NUL byte).";
                    case "22003" -> "A number in the request is out of its range.";
                    case "22007", "22008" -> "A date or time in the request is out of its range.";
                    case "23502" -> "A value the request needs is missing.";
                    case "23503" ->
                        "The request names something (a unit, an employee, an office) that does not exist in this tenant.";
                    case "23514" -> "A value in the request is outside what is allowed.";
                    case "23505" -> "That already exists.";
                    default -> null;
                };
                if (detail != null) {
                    log.info(
                            "Refused by the database ({}): {}",
                            state,
                            LogContext.redacted(firstLine(sql.getMessage())));
                    HttpStatus status = "23505".equals(state) ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
                    return ResponseEntity.status(status)
                            .body(ProblemDetails.of(
                                    status.value(),
                                    "invalid-value",
                                    "Invalid value",
                                    detail + " Nothing was changed."));
                }
            }
        }
        return null;
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
