package id.fleksi.dev.demo;

import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSet;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * The demo's TPP deduction rules for mateng: Mukomuko's preset (its apel 2% fits mateng's Monday apel), in force from 1
 * December 2025 so that Siti's four weeks are judged. Mamuju Tengah's own Perbup is not public; the name says so.
 */
@Component
class DemoEvaluation {

    private final RuleSets rules;

    DemoEvaluation(RuleSets rules) {
        this.rules = rules;
    }

    void seed(TenantCode tenant) {
        TenantContext.runAs(tenant, () -> {
            RuleSet preset = rules.draft(RulePresets.MUKOMUKO_2021, LocalDate.of(2025, 12, 1));
            rules.seedHistory(
                    new RuleSet(
                            null,
                            0,
                            preset.effectiveFrom(),
                            "Contoh demo: aturan Mukomuko (bukan Perbup Mamuju Tengah)",
                            preset.preset(),
                            preset.source(),
                            preset.lateBands(),
                            preset.earlyLeaveBands(),
                            preset.unexcusedPercent(),
                            preset.noApelPercent(),
                            preset.noReportPercent(),
                            preset.capPercent(),
                            preset.dinasLuarExcuses(),
                            preset.makeUpMinutes(),
                            null,
                            null),
                    "admin");
        });
    }
}
