package id.fleksi.modules.evaluation.rules.internal;

import id.fleksi.modules.evaluation.rules.RuleSet;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A new version as BKD makes it: from a preset or from the rules in force, from a date, with the figures it changes.
 * Only BKD and the tenant admin make one.
 */
@Component
class RuleEditing {

    /**
     * @param from a preset's code (e.g. TEBO-2022) or {@code current}
     * @param effectiveFrom today or later
     * @param name, source, the bands and the figures: null keeps those of {@code from}
     * @param lateBands the lateness bands in order, the last without an end; null: those of {@code from}
     * @param earlyLeaveBands the same for early leave; null: those of {@code from}
     */
    @Schema(name = "EvaluationNewRuleSet")
    record NewVersion(
            String from,
            LocalDate effectiveFrom,
            @Nullable String name,
            @Nullable String source,
            @Nullable List<RuleSet.Band> lateBands,
            @Nullable List<RuleSet.Band> earlyLeaveBands,
            @Nullable BigDecimal unexcusedPercent,
            @Nullable BigDecimal noApelPercent,
            @Nullable BigDecimal noReportPercent,
            @Nullable BigDecimal capPercent,
            @Nullable Boolean dinasLuarExcuses,
            @Nullable Integer makeUpMinutes) {}

    private final RuleSets rules;

    RuleEditing(RuleSets rules) {
        this.rules = rules;
    }

    RuleSet add(Caller caller, NewVersion request) {
        if (!caller.hasRole(Role.BKD) && !caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden(
                    "rules-not-allowed",
                    "Not allowed",
                    "Deduction rules are set by BKD (or the tenant admin)" + " as the Perbup says. Nothing was saved.");
        }
        if (request.from() == null || request.from().isBlank() || request.effectiveFrom() == null) {
            throw Problem.badRequest(
                            "invalid-rules",
                            "Rules not valid",
                            "Start from and In force from: a preset or the"
                                    + " version in force, and a date. Nothing was saved.")
                    .variant("base")
                    .with(
                            "errors",
                            List.of(
                                    Map.of("field", "from", "message", "a preset's code or current"),
                                    Map.of("field", "effectiveFrom", "message", "today or later")));
        }
        RuleSet base = rules.draft(request.from(), request.effectiveFrom());
        RuleSet made = new RuleSet(
                null,
                0,
                request.effectiveFrom(),
                or(request.name(), base.name()),
                base.preset(),
                or(request.source(), base.source()),
                or(trimmed(request.lateBands()), base.lateBands()),
                or(trimmed(request.earlyLeaveBands()), base.earlyLeaveBands()),
                or(request.unexcusedPercent(), base.unexcusedPercent()),
                or(request.noApelPercent(), base.noApelPercent()),
                or(request.noReportPercent(), base.noReportPercent()),
                or(request.capPercent(), base.capPercent()),
                or(request.dinasLuarExcuses(), base.dinasLuarExcuses()),
                or(request.makeUpMinutes(), base.makeUpMinutes()),
                null,
                null);
        return rules.add(made, caller.username());
    }

    /** Codes as typed but without the spaces around them; a band left out (null) stays, for the check to name. */
    private static @Nullable List<RuleSet.Band> trimmed(@Nullable List<RuleSet.Band> bands) {
        return bands == null
                ? null
                : bands.stream()
                        .map(b -> b == null || b.code() == null
                                ? b
                                : new RuleSet.Band(b.code().strip(), b.fromMinutes(), b.toMinutes(), b.percent()))
                        .toList();
    }

    private static <T> T or(@Nullable T given, T kept) {
        return given == null || given instanceof String s && s.isBlank() ? kept : given;
    }
}
