package id.fleksi.modules.evaluation.rules.internal;

import id.fleksi.modules.evaluation.rules.InvalidRuleSet;
import id.fleksi.modules.evaluation.rules.RulePresets;
import id.fleksi.modules.evaluation.rules.RuleSet;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The deduction rules' page: every version with its bands and source; BKD starts a new one from a preset or the current,
 * its figures and bands filled in from that base, and changes what the Perbup changed. A band row is added or removed by
 * a button that sends the form back as typed (no script needed); a refused version comes back as typed, each fault on
 * its own line and its field marked.
 */
@PageController
class RulesPage {

    private final RuleSets rules;
    private final RuleEditing editing;
    private final MessageSource messages;
    private final Clock clock;

    RulesPage(RuleSets rules, RuleEditing editing, MessageSource messages, Clock clock) {
        this.rules = rules;
        this.editing = editing;
        this.messages = messages;
        this.clock = clock;
    }

    /** {@code from}: the base to fill the new version's form with; without it the version in force, or the first preset. */
    @GetMapping("/t/{code}/evaluation/rules")
    String rules(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String done,
            Model model) {
        LocalDate today = today(tenant);
        String base = from != null && !from.isBlank()
                ? from.strip()
                : rules.current() != null ? "current" : RulePresets.all().get(0).preset();
        RuleForm form = RuleForm.of(base, rules.draft(base, today), today);
        model.addAttribute("done", "added".equals(done));
        return show(tenant, caller, form, List.of(), Set.of(), model);
    }

    /** Saves the new version; or, when a row's button sent it ({@code add}, {@code remove}), shows it again with that row changed. */
    @PostMapping("/t/{code}/evaluation/rules")
    String add(
            Tenant tenant,
            Caller caller,
            @ModelAttribute("form") RuleForm form,
            @RequestParam(required = false) @Nullable String add,
            @RequestParam(required = false) @Nullable String remove,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        if (add != null && form.rows(add) != null) {
            form.rows(add).add(new RuleForm.Row());
            return show(tenant, caller, form, List.of(), Set.of(), model);
        }
        if (remove != null && remove.contains(":")) {
            List<RuleForm.Row> rows = form.rows(remove.substring(0, remove.indexOf(':')));
            int index = parsed(remove.substring(remove.indexOf(':') + 1));
            if (rows != null && index >= 0 && index < rows.size()) {
                rows.remove(index);
            }
            return show(tenant, caller, form, List.of(), Set.of(), model);
        }
        form.dropEmptyRows();
        try {
            editing.add(caller, form.version());
            return "redirect:/t/" + tenant.code().value() + "/evaluation/rules?done=added";
        } catch (InvalidRuleSet invalid) {
            response.setStatus(invalid.kind().status());
            return show(
                    tenant,
                    caller,
                    form,
                    invalid.faults().stream()
                            .map(f -> messages.getMessage(f.said(), locale))
                            .toList(),
                    fields(invalid),
                    model);
        } catch (Problem problem) {
            if (problem.kind() == Problem.Kind.FORBIDDEN) {
                throw problem;
            }
            response.setStatus(problem.kind().status());
            return show(tenant, caller, form, List.of(problem.detailFor(messages, locale)), fields(problem), model);
        }
    }

    private String show(
            Tenant tenant, Caller caller, RuleForm form, List<String> faults, Set<String> invalid, Model model) {
        model.addAttribute("tenant", tenant);
        List<RuleSet> newestFirst = new ArrayList<>(rules.versions());
        Collections.reverse(newestFirst);
        model.addAttribute("versions", newestFirst);
        model.addAttribute("current", rules.current());
        model.addAttribute("presets", RulePresets.all());
        model.addAttribute("mayChange", caller.hasRole(Role.BKD) || caller.hasRole(Role.TENANT_ADMIN));
        model.addAttribute("today", today(tenant));
        model.addAttribute("form", form);
        model.addAttribute("faults", faults);
        model.addAttribute("invalid", invalid);
        model.addAttribute("bandLists", List.of("lateBands", "earlyLeaveBands"));
        return "evaluation/rules";
    }

    /** The fields a refusal names in its {@code errors}: the inputs the page marks. */
    private static Set<String> fields(Problem problem) {
        Set<String> fields = new HashSet<>();
        if (problem.properties().get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> map && map.get("field") instanceof String field) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static int parsed(String number) {
        try {
            return Integer.parseInt(number);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private LocalDate today(Tenant tenant) {
        return LocalDate.now(clock.withZone(tenant.timeZone().zone()));
    }
}
