package id.fleksi.app.web;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.web.PageController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every page request that fails is answered with a page in the reader's language, saying what happened and the way
 * forward, never JSON: a problem in a {@link PageController} (Fleksi's own or a feature module's, from its handler or
 * from the tenant gate and the module switch before it), an address no handler takes (a static resource that is not
 * there), a role check, a parameter that is no date, anything unexpected. What is a page request is decided here once
 * ({@link #isPage}); the API, and the JSON a page's script talks to, get RFC 9457 problem JSON from their own handler,
 * which this leaves alone.
 */
@Component
class PageProblems implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    private final MessageSource messages;

    PageProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** Right after Spring Boot's error attributes (which only note the exception), before every other resolver. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (!isPage(request, handler) || response.isCommitted() || e instanceof AsyncRequestTimeoutException) {
            return null; // not a page, a page already on its way, or a live stream that ran its time: Spring's own
            // answer
        }
        Problem problem = PageProblem.of(e);
        if (problem.kind() == Problem.Kind.INTERNAL) {
            log.error("Unexpected error on a page", e);
        }
        Locale locale = LocaleContextHolder.getLocale();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setStatus(problem.kind().status());
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(
                org.springframework.http.HttpStatusCode.valueOf(problem.kind().status()));
        page.addObject("status", problem.kind().status());
        // Not "title": the layout's fragment parameter of that name would be shadowed by it.
        page.addObject("problemTitle", problem.titleFor(messages, locale));
        page.addObject("detail", problem.detailFor(messages, locale));
        page.addObject("newAddress", problem.properties().get("newAddress"));
        page.addObject("tenantHome", PageProblem.tenantHome(path, problem));
        return page;
    }

    /**
     * A person's page rather than a script's JSON: never under {@code /api/}; a handler of a {@link PageController};
     * without a handler that took it (an address nothing serves), a request that takes HTML.
     */
    static boolean isPage(HttpServletRequest request, Object handler) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return false;
        }
        if (handler instanceof HandlerMethod method) {
            return AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PageController.class);
        }
        String accept = request.getHeader("Accept");
        return accept == null || accept.contains("text/html") || accept.contains("*/*") && !accept.contains("json");
    }
}
