package id.fleksi.modules.evaluation.rules.internal;

import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSet;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RulesController {

    private final RuleSets rules;
    private final RuleEditing editing;

    RulesController(RuleSets rules, RuleEditing editing) {
        this.rules = rules;
        this.editing = editing;
    }

    @Operation(
            operationId = "evaluationRuleSets",
            summary = "The tenant's TPP deduction rule versions, oldest first",
            description = "Any signed-in user of the tenant: the rules an ASN's deductions follow are no secret.")
    @GetMapping(path = "/api/v1/t/{code}/evaluation/rules", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RuleSet> versions(@PathVariable String code) {
        return rules.versions();
    }

    @Operation(
            operationId = "evaluationRulePresets",
            summary = "The shipped presets of real pemda, each with its source",
            description = "Each preset's source says which figures come from the cited Perbup and which are assumed.")
    @GetMapping(path = "/api/v1/t/{code}/evaluation/rules/presets", produces = MediaType.APPLICATION_JSON_VALUE)
    List<RuleSet> presets(@PathVariable String code) {
        return RulePresets.all();
    }

    @Operation(
            operationId = "evaluationRuleDraft",
            summary = "A new version to start from: a preset's rules or the current ones",
            description = "from=TEBO-2022 (a preset) or from=current; nothing is saved.")
    @GetMapping(path = "/api/v1/t/{code}/evaluation/rules/draft", produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSet draft(@PathVariable String code, @RequestParam String from, @RequestParam LocalDate effectiveFrom) {
        return rules.draft(from, effectiveFrom);
    }

    @Operation(
            operationId = "evaluationAddRuleSet",
            summary = "Starts a new version of the deduction rules from a date",
            description =
                    "Roles bkd and tenant-admin. From a preset or the current version, with the figures and bands given"
                            + " (lateBands, earlyLeaveBands: in order, no gap or overlap, the last without toMinutes); takes effect today or"
                            + " later (past days keep the rules in force then). A refusal is invalid-rules with every fault in errors"
                            + " (field, e.g. lateBands[1].fromMinutes, and message).")
    @PostMapping(
            path = "/api/v1/t/{code}/evaluation/rules",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    RuleSet add(
            @PathVariable String code,
            @RequestBody RuleEditing.NewVersion request,
            @Parameter(hidden = true) Caller caller) {
        return editing.add(caller, request);
    }
}
