package id.fleksi.app.web;

import id.fleksi.platform.web.PageProblem;
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
 * Problems met on a page are shown as a page, not as JSON: any problem in Fleksi's own page controllers, and
 * a {@link PageProblem} wherever it arises (a feature module's page switched off, say).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    private final MessageSource messages;

    PageProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PageProblem.class)
    String pageProblem(PageProblem problem, Model model, HttpServletResponse response) {
        return problem(problem, model, response, messages);
    }

    /** Fleksi's own pages. */
    @ControllerAdvice(assignableTypes = {TenantHomeController.class, TenantAdminController.class,
            EmployeesPageController.class, PlatformConsoleController.class, HomeController.class})
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static class OwnPages {

        private final MessageSource messages;

        OwnPages(MessageSource messages) {
            this.messages = messages;
        }

        @ExceptionHandler(Problem.class)
        String problem(Problem problem, Model model, HttpServletResponse response) {
            return PageProblems.problem(problem, model, response, messages);
        }
    }

    /** The problem as a page, in the visitor's language where it has been translated. */
    static String problem(Problem problem, Model model, HttpServletResponse response, MessageSource messages) {
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
