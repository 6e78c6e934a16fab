package id.fleksi.modules.evaluation.exports.internal;

import id.fleksi.modules.evaluation.exports.MonthExports;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The exports page for BKD and the heads of OPD: choose a month (the last one, by default) and download each OPD's
 * workbook and recap; BKD also takes the whole pemda as CSV or JSON. The downloads are the API's exports, here with the
 * page's login.
 */
@PageController
class ExportPage {

    private final ExportScope scope;
    private final MonthExports exports;
    private final Clock clock;

    ExportPage(ExportScope scope, MonthExports exports, Clock clock) {
        this.scope = scope;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/t/{code}/evaluation/exports")
    String page(Tenant tenant, Caller caller, @RequestParam(required = false) @Nullable String month, Model model) {
        YearMonth shown = month == null || month.isBlank()
                ? YearMonth.from(LocalDate.now(clock.withZone(tenant.timeZone().zone())))
                        .minusMonths(1)
                : scope.month(tenant, month);
        model.addAttribute("tenant", tenant);
        model.addAttribute("month", shown.toString());
        model.addAttribute("units", scope.choices(caller));
        model.addAttribute("wholePemda", ExportScope.seesEverything(caller));
        return "evaluation/exports";
    }

    @GetMapping("/t/{code}/evaluation/exports/month.xlsx")
    void workbook(
            Tenant tenant,
            Caller caller,
            @RequestParam String month,
            @RequestParam String unit,
            Locale locale,
            HttpServletResponse response) {
        exports.workbook(tenant, caller, month, unit, locale, response);
    }

    @GetMapping("/t/{code}/evaluation/exports/recap.pdf")
    void recap(
            Tenant tenant,
            Caller caller,
            @RequestParam String month,
            @RequestParam String unit,
            Locale locale,
            HttpServletResponse response) {
        exports.recap(tenant, caller, month, unit, locale, response);
    }

    @GetMapping("/t/{code}/evaluation/exports/results.csv")
    void csv(
            Tenant tenant,
            Caller caller,
            @RequestParam String month,
            @RequestParam(required = false) @Nullable String unit,
            HttpServletResponse response) {
        exports.csv(tenant, caller, month, unit, response);
    }

    @GetMapping("/t/{code}/evaluation/exports/results.json")
    void json(
            Tenant tenant,
            Caller caller,
            @RequestParam String month,
            @RequestParam(required = false) @Nullable String unit,
            HttpServletResponse response) {
        exports.json(tenant, caller, month, unit, response);
    }
}
