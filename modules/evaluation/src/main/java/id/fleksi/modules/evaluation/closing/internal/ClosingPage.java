package id.fleksi.modules.evaluation.closing.internal;

import id.fleksi.modules.evaluation.closing.ClosingRules;
import id.fleksi.modules.evaluation.closing.Corrections;
import id.fleksi.modules.evaluation.closing.FigureRows;
import id.fleksi.modules.evaluation.closing.MonthClosings;
import id.fleksi.modules.evaluation.closing.PaidAndCurrent;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * BKD's pages for closing the month: the months with each OPD's state, the confirmation before closing (which says
 * what closing means), an OPD's employees paid beside current, and an employee's month with its corrections.
 */
@PageController
class ClosingPage {

    /** A month in the list: its value in the address, and its name (Nov 2026). */
    record MonthLink(String value, String label) {}

    private static final java.time.format.DateTimeFormatter SHORT_MONTH =
            java.time.format.DateTimeFormatter.ofPattern("MMM yyyy", ClosingRules.INDONESIAN);

    /** How many months back the month list offers. */
    private static final int MONTHS = 12;

    private final MonthClosings closings;
    private final Corrections corrections;
    private final PaidAndCurrent figures;
    private final Clock clock;

    ClosingPage(MonthClosings closings, Corrections corrections, PaidAndCurrent figures, Clock clock) {
        this.closings = closings;
        this.corrections = corrections;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/t/{code}/evaluation/closing")
    String months(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        YearMonth thisMonth = YearMonth.from(ClosingRules.today(tenant, clock));
        YearMonth shown = month == null ? thisMonth.minusMonths(1) : ClosingRules.month(month);
        List<MonthLink> recent = new ArrayList<>();
        for (int i = 1; i <= MONTHS; i++) {
            YearMonth m = thisMonth.minusMonths(i);
            recent.add(new MonthLink(m.toString(), SHORT_MONTH.format(m)));
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("state", closings.state(tenant, caller, shown));
        model.addAttribute("monthName", ClosingRules.MONTH_NAME.format(shown));
        model.addAttribute("months", recent);
        model.addAttribute("done", done);
        return "evaluation/closing/months";
    }

    @GetMapping("/t/{code}/evaluation/closing/{month}/close")
    String confirm(
            Tenant tenant,
            Caller caller,
            @PathVariable String month,
            @RequestParam(required = false) @Nullable String opd,
            Model model) {
        YearMonth closing = ClosingRules.month(month);
        ClosingRules.requireOver(closing, tenant, clock);
        model.addAttribute("tenant", tenant);
        model.addAttribute("state", closings.state(tenant, caller, closing));
        model.addAttribute("monthName", ClosingRules.MONTH_NAME.format(closing));
        model.addAttribute("opd", opd == null || opd.isBlank() ? null : opd);
        return "evaluation/closing/confirm";
    }

    @PostMapping("/t/{code}/evaluation/closing/{month}/close")
    String close(
            Tenant tenant,
            Caller caller,
            @PathVariable String month,
            @RequestParam(required = false) @Nullable String opd) {
        closings.close(tenant, caller, ClosingRules.month(month), opd == null || opd.isBlank() ? null : opd);
        return "redirect:/t/" + tenant.code().value() + "/evaluation/closing?month=" + month + "&done=closed";
    }

    @GetMapping("/t/{code}/evaluation/closing/{month}/opd/{opd}")
    String opd(Tenant tenant, Caller caller, @PathVariable String month, @PathVariable String opd, Model model) {
        YearMonth shown = ClosingRules.month(month);
        model.addAttribute("tenant", tenant);
        model.addAttribute("month", shown.toString());
        model.addAttribute("monthName", ClosingRules.MONTH_NAME.format(shown));
        model.addAttribute("opd", opd);
        model.addAttribute("rows", figures.opd(tenant, caller, shown, opd));
        return "evaluation/closing/opd";
    }

    @GetMapping("/t/{code}/evaluation/closing/{month}/employee/{id}")
    String employee(
            Tenant tenant,
            Caller caller,
            @PathVariable String month,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        YearMonth shown = ClosingRules.month(month);
        PaidAndCurrent.EmployeeView view = figures.employee(tenant, caller, id, shown);
        model.addAttribute("tenant", tenant);
        model.addAttribute("month", shown.toString());
        model.addAttribute("monthName", ClosingRules.MONTH_NAME.format(shown));
        model.addAttribute("view", view);
        model.addAttribute("rows", FigureRows.of(view.paid(), view.current()));
        model.addAttribute("first", shown.atDay(1));
        model.addAttribute("last", shown.atEndOfMonth());
        model.addAttribute("done", done);
        return "evaluation/closing/employee";
    }

    @PostMapping("/t/{code}/evaluation/closing/{month}/employee/{id}/correction")
    String correct(
            Tenant tenant,
            Caller caller,
            @PathVariable String month,
            @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(required = false) @Nullable String reason) {
        corrections.record(tenant, caller, new Corrections.NewCorrection(id, from, to, reason));
        return "redirect:/t/" + tenant.code().value() + "/evaluation/closing/" + month + "/employee/" + id
                + "?done=corrected";
    }
}
