package id.fleksi.modules.reports.internal;

import id.fleksi.modules.reports.DailyReports;
import id.fleksi.modules.reports.NewActivity;
import id.fleksi.modules.reports.ReportDay;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import id.fleksi.platform.web.PageForms;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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
 * The daily report pages: the ASN's form (works without JavaScript, posts and redirects) and the supervisor's
 * review queue with bulk approval. Refusals come back as a message on the page; nothing half-done is kept.
 */
@PageController
class ReportsPage {

    private final Employees employees;
    private final DailyReports reports;
    private final ReportReviews reviews;
    private final EvidenceFiles evidence;
    private final PerformanceTargets targets;
    private final Clock clock;
    private final PageForms forms;

    ReportsPage(
            Employees employees,
            DailyReports reports,
            ReportReviews reviews,
            EvidenceFiles evidence,
            PerformanceTargets targets,
            Clock clock,
            PageForms forms) {
        this.forms = forms;
        this.employees = employees;
        this.reports = reports;
        this.reviews = reviews;
        this.evidence = evidence;
        this.targets = targets;
        this.clock = clock;
    }

    @InitBinder
    void emptyIsNull(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping({"/t/{code}/activity-reports", "/t/{code}/activity-reports/"})
    String myDay(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Model model) {
        Employee me = employees.requireActive(caller.username());
        LocalDate today = clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
        LocalDate shown = date == null || date.isAfter(today) ? today : date;
        List<ReportDay> week = reports.days(me.id(), today.minusDays(6), today);
        model.addAttribute("tenant", tenant);
        model.addAttribute("me", me);
        model.addAttribute(
                "day",
                shown.isBefore(today.minusDays(6))
                        ? reports.day(me.id(), shown)
                        : week.stream()
                                .filter(d -> d.date().equals(shown))
                                .findFirst()
                                .orElseThrow());
        model.addAttribute("week", newestFirst(week));
        model.addAttribute("targets", targets.mine(caller.username(), shown));
        // One id per form shown: a second tap, or the browser sending the form again, adds the activity once.
        model.addAttribute("requestId", "form-" + UUID.randomUUID());
        model.addAttribute("zone", tenant.timeZone().zone());
        return "activity-reports/day";
    }

    @PostMapping("/t/{code}/activity-reports/{date}/activities")
    String add(
            Tenant tenant,
            Caller caller,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @Valid @ModelAttribute NewActivity activity,
            BindingResult errors,
            @RequestParam(required = false) MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        String back = day(tenant, date);
        if (forms.refused(errors, redirect)) {
            return back;
        }
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        return forms.redirect(
                redirect,
                back,
                "saved",
                () -> bytes == null
                        ? reports.add(caller.username(), date, activity)
                        : evidence.addWithEvidence(
                                caller.username(), date, activity, file.getOriginalFilename(), bytes));
    }

    @PostMapping("/t/{code}/activity-reports/activities/{id}/delete")
    String delete(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            RedirectAttributes redirect) {
        return forms.redirect(redirect, day(tenant, date), "removed", () -> {
            reports.delete(caller.username(), id);
            return id;
        });
    }

    @GetMapping("/t/{code}/activity-reports/activities/{id}/evidence")
    ResponseEntity<byte[]> evidence(Caller caller, @PathVariable UUID id) {
        EvidenceFiles.File file = evidence.read(caller.username(), caller.hasRole(Role.BKD), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    @GetMapping("/t/{code}/activity-reports/review")
    String queue(Tenant tenant, Caller caller, Model model) {
        requireSupervisor(caller);
        model.addAttribute("tenant", tenant);
        // When the supervisor read the list: an activity added after it is not approved unseen.
        model.addAttribute("seenAt", clock.instant().toEpochMilli());
        model.addAttribute("queue", reviews.queue(caller.username()));
        return "activity-reports/review";
    }

    @PostMapping("/t/{code}/activity-reports/review")
    String decide(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) List<UUID> ids,
            @RequestParam String action,
            @RequestParam(required = false) String comment,
            @RequestParam(required = false) Long seenAt,
            RedirectAttributes redirect) {
        requireSupervisor(caller);
        boolean approve = !"return".equals(action);
        return forms.redirect(
                redirect,
                "redirect:/t/" + tenant.code() + "/activity-reports/review",
                approve ? "approved" : "returned",
                () -> reviews.decide(
                        caller.username(),
                        ids,
                        approve,
                        comment,
                        seenAt == null ? null : java.time.Instant.ofEpochMilli(seenAt)));
    }

    private static String day(Tenant tenant, LocalDate date) {
        return "redirect:/t/" + tenant.code() + "/activity-reports/?date=" + date;
    }

    private static void requireSupervisor(Caller caller) {
        if (!caller.hasRole(Role.ATASAN)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only supervisors (atasan) review reports.")
                    .variant("review-reports");
        }
    }

    private static <T> List<T> newestFirst(List<T> days) {
        List<T> copy = new java.util.ArrayList<>(days);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
