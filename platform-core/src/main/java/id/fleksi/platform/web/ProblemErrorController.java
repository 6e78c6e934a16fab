package id.fleksi.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors that reach the servlet container's error path rather than a controller (a filter's {@code sendError}, a
 * request no handler takes): a problem for the API and for any client that does not ask for HTML, the
 * {@code problem} page for a browser. Never a stack trace, an exception's message or Spring's default body.
 */
@Controller
class ProblemErrorController implements ErrorController {

    private final MessageSource messages;

    ProblemErrorController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    Object error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String path = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        String title = status.getReasonPhrase();
        String detail = switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method.";
            case BAD_REQUEST -> "The request could not be read. Nothing was changed.";
            case UNAUTHORIZED -> "Log in first.";
            case FORBIDDEN -> "This is not allowed for your account.";
            case PAYLOAD_TOO_LARGE -> "The request is larger than this server accepts (files: at most 5 MB).";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side. Try again; if it keeps happening,"
                                + " tell the platform operator the request id."
                        : "The request was refused.";
        };
        String accept = request.getHeader("Accept");
        boolean page = !path.startsWith("/api/")
                && (accept == null
                        || accept.contains(MediaType.TEXT_HTML_VALUE)
                        || accept.contains("*/*") && !accept.contains("json"));
        if (page) {
            // A person reads it: in their language (Indonesian unless they chose English), saying where to go.
            Locale locale = LocaleContextHolder.getLocale();
            String known = "problem.http-" + status.value();
            String other = "problem.http-other";
            String pageTitle = messages.getMessage(
                    known + ".title", null, messages.getMessage(other + ".title", null, title, locale), locale);
            String pageDetail = messages.getMessage(
                    known + ".detail", null, messages.getMessage(other + ".detail", null, detail, locale), locale);
            ModelAndView view = new ModelAndView(
                    "problem", Map.of("status", status.value(), "problemTitle", pageTitle, "detail", pageDetail));
            view.setStatus(status);
            return view;
        }
        ProblemDetail problem = ProblemDetails.of(status.value(), "http-" + status.value(), title, detail);
        String id = RequestIds.of(request);
        if (id != null) {
            problem.setProperty("requestId", id);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
