package id.fleksi.app.web;

import id.fleksi.platform.web.PageController;
import id.fleksi.platform.web.Problem;

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
        String detail = problem.detailFor(messages, LocaleContextHolder.getLocale());
        response.setStatus(problem.getStatusCode().value());
        model.addAttribute("status", problem.getStatusCode().value());
        // Not "title": the layout's fragment parameter of that name would be shadowed by it.
        String type = String.valueOf(problem.getBody().getType()).replace("urn:fleksi:problem:", "");
        model.addAttribute("problemTitle", messages.getMessage("problem." + type + ".title", null, problem.getBody().getTitle(),
                LocaleContextHolder.getLocale()));
        model.addAttribute("detail", detail);
        return "problem";
    }
}
