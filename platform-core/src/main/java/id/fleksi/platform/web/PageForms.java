package id.fleksi.platform.web;

import id.fleksi.platform.problem.Problem;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page's form ends (post, then redirect): what was done as the flash attribute {@code done}, or why it
 * was refused as the lines of {@code error}, in the visitor's language where the problem has been translated.
 * A refused form changes nothing: its work runs in one piece or throws before it writes.
 */
@Component
public class PageForms {

    private final MessageSource messages;

    public PageForms(MessageSource messages) {
        this.messages = messages;
    }

    /** Runs the form's work and redirects to {@code back}, saying {@code done} or the problem that refused it. */
    public String redirect(RedirectAttributes redirect, String back, String done, Supplier<?> work) {
        try {
            work.get();
            redirect.addFlashAttribute("done", done);
        } catch (Problem problem) {
            redirect.addFlashAttribute("error", List.of(problem.detailFor(messages, LocaleContextHolder.getLocale())));
        }
        return back;
    }

    /** True, with a line per field flashed as {@code error}, when the form's fields did not validate. */
    public boolean refused(BindingResult errors, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            return false;
        }
        redirect.addFlashAttribute(
                "error",
                errors.getFieldErrors().stream()
                        .map(e -> e.getField() + ": " + e.getDefaultMessage())
                        .sorted()
                        .toList());
        return true;
    }
}
