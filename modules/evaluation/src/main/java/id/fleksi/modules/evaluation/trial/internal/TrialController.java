package id.fleksi.modules.evaluation.trial.internal;

import id.fleksi.modules.evaluation.trial.TrialVerdict;
import id.fleksi.modules.evaluation.trial.TrialVerdicts;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TrialController {

    private final TrialVerdicts verdicts;

    TrialController(TrialVerdicts verdicts) {
        this.verdicts = verdicts;
    }

    @Operation(
            operationId = "evaluationTrialVerdict",
            summary = "The WFA trial's verdict: per OPD and in total, with counts and 95% intervals",
            description =
                    "Roles pimpinan, bkd and tenant-admin. mode=PERIODS (default): the trial against a baseline, by default"
                            + " as long as the trial and just before it; mode=DAYS: WFA days against office days within the trial. The trial"
                            + " is the FWA policy's unless trialFrom and trialTo are given; a running trial is counted up to yesterday. Only"
                            + " employees present on both sides are compared (cohort.leftOut says who was left out and why); holidays, leave"
                            + " and dinas luar are not counted. A difference is real (HIGHER, LOWER) only when its 95% interval excludes"
                            + " zero; below the minimums a measure is TOO_FEW. Texts in the language of Accept-Language.")
    @GetMapping(path = "/api/v1/t/{code}/evaluation/trial", produces = MediaType.APPLICATION_JSON_VALUE)
    TrialVerdict verdict(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String mode,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate trialFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate trialTo,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate baselineFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
                    LocalDate baselineTo,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller,
            @Parameter(hidden = true) Locale locale) {
        TrialVerdicts.requireAllowed(caller);
        return verdicts.verdict(
                tenant,
                caller,
                verdicts.comparison(tenant, mode, trialFrom, trialTo, baselineFrom, baselineTo),
                locale);
    }
}
