package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.time.YearMonth;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The evaluation's pages: the ASN's own month line by line, the supervisor's team with a rating each, the pemda per
 * OPD with a drill-down to a unit's employees and to one employee's month.
 */
@PageController
class EvaluationPage {

    private final MonthViews views;
    private final Ratings ratings;

    EvaluationPage(MonthViews views, Ratings ratings) {
        this.views = views;
        this.ratings = ratings;
    }

    @GetMapping({"/t/{code}/evaluation", "/t/{code}/evaluation/"})
    String mine(Tenant tenant, Caller caller, @RequestParam(required = false) @Nullable String month, Model model) {
        YearMonth shown = views.month(tenant, month);
        model.addAttribute("m", views.mine(tenant, caller, shown));
        return page(tenant, shown, true, model);
    }

    @GetMapping("/t/{code}/evaluation/employee/{id}")
    String employee(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String month,
            Model model) {
        YearMonth shown = views.month(tenant, month);
        model.addAttribute("m", views.employee(tenant, caller, id, shown));
        return page(tenant, shown, false, model);
    }

    private static String page(Tenant tenant, YearMonth month, boolean own, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("month", month);
        model.addAttribute("own", own);
        return "evaluation/month";
    }

    @GetMapping("/t/{code}/evaluation/team")
    String team(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        YearMonth shown = views.month(tenant, month);
        model.addAttribute("tenant", tenant);
        model.addAttribute("month", shown);
        model.addAttribute("team", views.team(tenant, caller, shown));
        model.addAttribute("done", "rated".equals(done));
        return "evaluation/team";
    }

    @PostMapping("/t/{code}/evaluation/team/{id}/rating")
    String rate(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam String month,
            @RequestParam(required = false) @Nullable Integer rating,
            @RequestParam(required = false) @Nullable String note) {
        YearMonth shown = views.month(tenant, month);
        ratings.rate(tenant, caller, id, shown, new Ratings.Rating(rating, note));
        return "redirect:/t/" + tenant.code().value() + "/evaluation/team?month=" + shown + "&done=rated";
    }

    @GetMapping("/t/{code}/evaluation/opds")
    String opds(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String unit,
            Model model) {
        YearMonth shown = views.month(tenant, month);
        model.addAttribute("tenant", tenant);
        model.addAttribute("month", shown);
        if (unit != null && !unit.isBlank()) {
            model.addAttribute("unit", views.unit(tenant, caller, unit, shown));
            return "evaluation/unit";
        }
        model.addAttribute("pemda", views.pemda(tenant, caller, shown));
        return "evaluation/opds";
    }
}
