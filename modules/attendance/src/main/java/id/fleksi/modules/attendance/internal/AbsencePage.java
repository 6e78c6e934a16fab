package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.Absences;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import id.fleksi.platform.web.PageForms;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Izin, sakit, cuti and dinas luar on a phone: the ASN files one (with its document, in the same form) and
 * follows what became of it; a supervisor approves or returns those of their direct reports. Works without
 * JavaScript: each form posts and comes back here with what was done or why it was refused.
 */
@PageController
class AbsencePage {

    private final Absences absences;
    private final PageForms forms;
    private final Clock clock;

    AbsencePage(Absences absences, PageForms forms, Clock clock) {
        this.absences = absences;
        this.forms = forms;
        this.clock = clock;
    }

    @InitBinder
    void emptyIsNull(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping({"/t/{code}/attendance/absences", "/t/{code}/attendance/absences/"})
    String absences(Tenant tenant, Caller caller, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute(
                "today", clock.instant().atZone(tenant.timeZone().zone()).toLocalDate());
        model.addAttribute("kinds", Absences.Kind.values());
        model.addAttribute("mine", absences.mine(caller.username()));
        model.addAttribute("awaiting", caller.hasRole(Role.ATASAN) ? absences.awaiting(caller.username()) : List.of());
        return "attendance/absences";
    }

    @PostMapping("/t/{code}/attendance/absences")
    String file(
            Tenant tenant,
            Caller caller,
            @Valid @ModelAttribute Absences.NewAbsence absence,
            BindingResult errors,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        String back = back(tenant);
        if (!forms.refused(errors, redirect)) {
            byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
            forms.redirect(
                    redirect,
                    back,
                    "filed",
                    () -> bytes == null
                            ? absences.file(caller.username(), absence)
                            : absences.fileWithDocument(caller.username(), absence, file.getOriginalFilename(), bytes));
        }
        if (redirect.getFlashAttributes().containsKey("error")) {
            redirect.addFlashAttribute("form", absence); // what was typed comes back to be corrected, not typed again
        }
        return back;
    }

    @PostMapping("/t/{code}/attendance/absences/{id}/decision")
    String decide(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam String action,
            @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        if (!caller.hasRole(Role.ATASAN)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only supervisors (atasan) decide absences.")
                    .variant("decide-absences");
        }
        boolean approve = !"return".equals(action);
        return forms.redirect(
                redirect,
                back(tenant),
                approve ? "approved" : "returned",
                () -> absences.decide(caller.username(), id, approve, comment));
    }

    @PostMapping("/t/{code}/attendance/absences/{id}/document")
    String attach(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        return forms.redirect(
                redirect,
                back(tenant),
                "attached",
                () -> absences.attachDocument(
                        caller.username(), id, file == null ? null : file.getOriginalFilename(), bytes));
    }

    /** The page's twin of the API's document download: the login session instead of a token. */
    @GetMapping("/t/{code}/attendance/absences/{id}/document")
    ResponseEntity<byte[]> document(Caller caller, @PathVariable UUID id) {
        return absences.document(caller.username(), caller.hasRole(Role.BKD), id)
                .asAttachment();
    }

    private static String back(Tenant tenant) {
        return "redirect:/t/" + tenant.code() + "/attendance/absences";
    }
}
