package id.fleksi.modules.evaluation.rules.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The deduction rules' page: every version with its bands and source; BKD starts a new one from a preset or the current. */
@PageController
class RulesPage {

    private final RuleSets rules;
    private final RuleEditing editing;
    private final java.time.Clock clock;

    RulesPage(RuleSets rules, RuleEditing editing, java.time.Clock clock) {
        this.rules = rules;
        this.editing = editing;
        this.clock = clock;
    }

    @GetMapping("/t/{code}/evaluation/rules")
    String rules(Tenant tenant, Caller caller, @RequestParam(required = false) @Nullable String done, Model model) {
        model.addAttribute("tenant", tenant);
        java.util.List<id.fleksi.modules.evaluation.rules.RuleSet> newestFirst = new java.util.ArrayList<>(rules.versions());
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("versions", newestFirst);
        model.addAttribute("current", rules.current());
        model.addAttribute("presets", RulePresets.all());
        model.addAttribute("mayChange", caller.hasRole(Role.BKD) || caller.hasRole(Role.TENANT_ADMIN));
        model.addAttribute("today", LocalDate.now(clock.withZone(tenant.timeZone().zone())));
        model.addAttribute("done", "added".equals(done));
        return "evaluation/rules";
    }

    @PostMapping("/t/{code}/evaluation/rules")
    String add(Tenant tenant, Caller caller, @RequestParam String from, @RequestParam LocalDate effectiveFrom,
            @RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable BigDecimal unexcusedPercent,
            @RequestParam(required = false) @Nullable BigDecimal noApelPercent,
            @RequestParam(required = false) @Nullable BigDecimal noReportPercent,
            @RequestParam(required = false) @Nullable BigDecimal capPercent,
            @RequestParam(required = false) @Nullable Integer makeUpMinutes) {
        editing.add(caller, new RuleEditing.NewVersion(from, effectiveFrom, name, null, unexcusedPercent, noApelPercent,
                noReportPercent, capPercent, null, makeUpMinutes));
        return "redirect:/t/" + tenant.code().value() + "/evaluation/rules?done=added";
    }
}
