package id.fleksi.modules.evaluation.trial.internal;

import id.fleksi.modules.evaluation.trial.TrialComparison;
import id.fleksi.modules.evaluation.trial.TrialFigures;
import id.fleksi.modules.evaluation.trial.TrialVerdict;
import id.fleksi.modules.evaluation.trial.TrialVerdicts;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The verdict's page for pimpinan, BKD and the tenant admin: the one-page summary first (it prints on a page of its own),
 * then a chart per measure, then the table per OPD with the counts and intervals behind every figure.
 */
@PageController
class TrialPage {

    private final TrialVerdicts verdicts;
    private final MessageSource messages;

    TrialPage(TrialVerdicts verdicts, MessageSource messages) {
        this.verdicts = verdicts;
        this.messages = messages;
    }

    @GetMapping("/t/{code}/evaluation/trial")
    String trial(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate trialFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate trialTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate baselineFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate baselineTo,
            Locale locale,
            Model model) {
        TrialVerdicts.requireAllowed(caller);
        TrialComparison comparison = verdicts.comparison(tenant, mode, trialFrom, trialTo, baselineFrom, baselineTo);
        TrialVerdict verdict = verdicts.verdict(tenant, caller, comparison, locale);
        TrialFigures figures = new TrialFigures(locale, messages.getMessage("trial.points", null, "poin", locale));
        model.addAttribute("tenant", tenant);
        model.addAttribute("verdict", verdict);
        model.addAttribute("figures", figures);
        model.addAttribute(
                "charts",
                figures.charts(verdict, messages.getMessage("trial.page.total", null, "Seluruh pemda", locale)));
        return "evaluation/trial";
    }
}
