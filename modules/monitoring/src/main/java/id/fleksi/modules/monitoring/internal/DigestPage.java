package id.fleksi.modules.monitoring.internal;

import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The digest's page: choose a unit and a month or a week, read it per person and per week, print it (the page has a
 * print style: no navigation, a table per page) or take the same as an XLSX.
 */
@PageController
class DigestPage {

    private final Digests digests;
    private final DigestWorkbook workbook;

    DigestPage(Digests digests, DigestWorkbook workbook) {
        this.digests = digests;
        this.workbook = workbook;
    }

    @GetMapping("/t/{code}/monitoring/digest")
    String digest(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String week,
            Model model) {
        List<Digests.Choice> choices = digests.choices(caller);
        DigestPeriod period = digests.period(tenant, month, week);
        String shown = blankIsNull(unit);
        if (shown == null && choices.size() == 1) {
            shown = choices.get(0).code();
        }
        model.addAttribute("tenant", tenant);
        model.addAttribute("choices", choices);
        model.addAttribute("period", period);
        model.addAttribute("byWeek", period.isWeek());
        model.addAttribute("columns", Tally.COLUMNS);
        model.addAttribute("digest", shown == null ? null : digests.of(tenant, caller, shown, period));
        return "monitoring/digest";
    }

    @GetMapping("/t/{code}/monitoring/digest.xlsx")
    ResponseEntity<byte[]> workbook(
            Tenant tenant,
            Caller caller,
            @RequestParam String unit,
            @RequestParam(required = false) @Nullable String month,
            @RequestParam(required = false) @Nullable String week,
            Locale locale) {
        return DigestController.file(
                workbook, digests.of(tenant, caller, unit.strip(), digests.period(tenant, month, week)), locale);
    }

    private static @Nullable String blankIsNull(@Nullable String unit) {
        return unit == null || unit.isBlank() ? null : unit.strip();
    }
}
