package id.fleksi.app.web;

import java.util.Locale;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.web.PageController;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Problems met on a page are shown as a page in the visitor's language, not as JSON: any problem in a
 * {@link PageController}, Fleksi's own or a feature module's, from its handlers or from the tenant gate before them.
 * The API, and the JSON a page's script talks to, get RFC 9457 problem JSON from the one handler of those.
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private final MessageSource messages;

    PageProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** The problem as a page, in the visitor's language where it has been translated. */
    @ExceptionHandler(Problem.class)
    String problem(Problem problem, Model model, HttpServletResponse response) {
        Locale locale = LocaleContextHolder.getLocale();
        response.setStatus(problem.kind().status());
        model.addAttribute("status", problem.kind().status());
        // Not "title": the layout's fragment parameter of that name would be shadowed by it.
        model.addAttribute("problemTitle", problem.titleFor(messages, locale));
        model.addAttribute("detail", problem.detailFor(messages, locale));
        model.addAttribute("newAddress", problem.properties().get("newAddress"));
        return "problem";
    }
}
