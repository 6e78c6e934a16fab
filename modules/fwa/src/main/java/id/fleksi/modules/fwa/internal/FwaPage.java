package id.fleksi.modules.fwa.internal;

import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.FwaPolicies;
import id.fleksi.modules.fwa.FwaRequests;
import id.fleksi.modules.fwa.PolicyVersion;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.web.PageController;
import id.fleksi.platform.web.PageForms;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The flexible-work pages: my schedule for the next four weeks and my requests; for a supervisor the team's
 * requests and calendar; for the tenant admin the policy, a new version, and a preview of who works where.
 */
@PageController
class FwaPage {

    record Preview(LocalDate date, WorkMode busiest, long wfa, long wfo, String names) {}

    private final Employees employees;
    private final WorkModes modes;
    private final FwaRequests requests;
    private final FwaPolicies policies;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PageForms forms;
    private final MessageSource messages;

    FwaPage(
            Employees employees,
            WorkModes modes,
            FwaRequests requests,
            FwaPolicies policies,
            JdbcClient jdbc,
            Clock clock,
            PageForms forms,
            MessageSource messages) {
        this.forms = forms;
        this.messages = messages;
        this.employees = employees;
        this.modes = modes;
        this.requests = requests;
        this.policies = policies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping({"/t/{code}/fwa", "/t/{code}/fwa/"})
    String schedule(Tenant tenant, Caller caller, Model model) {
        Employee me = employees.requireActive(caller.username());
        LocalDate today = today(tenant);
        model.addAttribute("tenant", tenant);
        model.addAttribute("me", me);
        model.addAttribute("today", today);
        model.addAttribute("schedule", modes.answers(List.of(me.id()), today, today.plusDays(27)));
        model.addAttribute("mine", requests.mine(caller.username()));
        boolean supervisor = caller.hasRole(Role.ATASAN);
        model.addAttribute("supervisor", supervisor);
        if (supervisor) {
            model.addAttribute("toDecide", requests.toDecide(caller.username()));
            Map<UUID, String> names = names(tenant);
            model.addAttribute(
                    "team",
                    modes.answersForStaffOf(me.id(), today, today.plusDays(6)).stream()
                            .filter(a -> a.mode() != WorkMode.HOLIDAY)
                            .sorted(Comparator.comparing(DayAnswer::date).thenComparing(a -> names.get(a.employeeId())))
                            .toList());
            model.addAttribute("names", names);
        }
        model.addAttribute(
                "weekdays",
                List.of(
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY));
        return "fwa/schedule";
    }

    @PostMapping("/t/{code}/fwa/requests")
    String file(
            Tenant tenant,
            Caller caller,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) DayOfWeek weekday,
            @RequestParam FwaRequests.Place place,
            @RequestParam(required = false) String where,
            RedirectAttributes redirect) {
        return forms.redirect(
                redirect,
                "redirect:/t/" + tenant.code() + "/fwa/",
                "filed",
                () -> requests.file(
                        caller.username(),
                        new FwaRequests.NewRequest(
                                from, to, weekday, place, where == null || where.isBlank() ? null : where.strip())));
    }

    @PostMapping("/t/{code}/fwa/requests/{id}")
    String decide(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam String action,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        boolean approve = "approve".equals(action);
        return forms.redirect(
                redirect,
                "redirect:/t/" + tenant.code() + "/fwa/",
                approve ? "approved" : "refused",
                () -> requests.decide(
                        caller.username(), id, approve, reason == null || reason.isBlank() ? null : reason.strip()));
    }

    @GetMapping("/t/{code}/fwa/policy")
    String policy(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) UUID unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate month,
            Model model) {
        requireAdmin(caller);
        LocalDate today = today(tenant);
        List<Map<String, Object>> units = jdbc.sql(
                        TenantSql.in(tenant.code(), "select id, code, name from {org_unit} order by code"))
                .query()
                .listOfRows();
        model.addAttribute("tenant", tenant);
        model.addAttribute("today", today);
        List<PolicyVersion> versions = new ArrayList<>(policies.versions());
        java.util.Collections.reverse(versions);
        model.addAttribute("versions", versions);
        // The new version starts from the latest one (the one in force, or one already set for a later date).
        model.addAttribute("form", PolicyForm.from(versions.isEmpty() ? null : versions.get(0), today));
        model.addAttribute("base", versions.isEmpty() ? null : versions.get(0));
        model.addAttribute("units", units);
        Map<String, String> unitNames = new java.util.HashMap<>();
        units.forEach(u -> unitNames.put(String.valueOf(u.get("id")), u.get("code") + " · " + u.get("name")));
        model.addAttribute("unitNames", unitNames);
        model.addAttribute(
                "weekdays",
                List.of(
                        DayOfWeek.MONDAY,
                        DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY));
        LocalDate first = (month == null ? today.plusMonths(1) : month).withDayOfMonth(1);
        model.addAttribute("month", first);
        model.addAttribute("unitId", unitId);
        if (unitId != null) {
            model.addAttribute("preview", preview(tenant, unitId, first));
        }
        return "fwa/policy";
    }

    @PostMapping("/t/{code}/fwa/policy")
    String addVersion(Tenant tenant, Caller caller, @ModelAttribute PolicyForm form, RedirectAttributes redirect) {
        requireAdmin(caller);
        if (form.effectiveFrom() == null) {
            redirect.addFlashAttribute(
                    "error",
                    List.of(messages.getMessage("fwa.error.effectiveFrom", null, LocaleContextHolder.getLocale())));
            return "redirect:/t/" + tenant.code() + "/fwa/policy";
        }
        PolicyVersion version;
        try {
            version = form.toVersion();
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute(
                    "error",
                    List.of(messages.getMessage("fwa.error.talentBoxes", null, LocaleContextHolder.getLocale())));
            return "redirect:/t/" + tenant.code() + "/fwa/policy";
        }
        return forms.redirect(
                redirect,
                "redirect:/t/" + tenant.code() + "/fwa/policy",
                "policy",
                () -> policies.add(version, caller.username()));
    }

    /** Each working day of the month in the unit and its sub-units: how many work where, and who is on WFA. */
    private List<Preview> preview(Tenant tenant, UUID unitId, LocalDate first) {
        Map<UUID, String> names = names(tenant);
        Map<LocalDate, List<DayAnswer>> byDate =
                modes.answersForUnit(unitId, first, first.plusMonths(1).minusDays(1)).stream()
                        .collect(Collectors.groupingBy(DayAnswer::date, LinkedHashMap::new, Collectors.toList()));
        List<Preview> rows = new ArrayList<>();
        byDate.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            List<DayAnswer> day = e.getValue();
            if (day.stream().allMatch(a -> a.mode() == WorkMode.HOLIDAY)) {
                return;
            }
            long wfa = day.stream().filter(a -> a.mode() == WorkMode.WFA).count();
            long wfo = day.stream().filter(a -> a.mode() == WorkMode.WFO).count();
            rows.add(new Preview(
                    e.getKey(),
                    wfa > wfo ? WorkMode.WFA : WorkMode.WFO,
                    wfa,
                    wfo,
                    day.stream()
                                    .filter(a -> a.mode() == WorkMode.WFA)
                                    .map(a -> names.get(a.employeeId()))
                                    .sorted()
                                    .limit(12)
                                    .collect(Collectors.joining(", "))
                            + (wfa > 12 ? ", …" : "")));
        });
        return rows;
    }

    private Map<UUID, String> names(Tenant tenant) {
        Map<UUID, String> names = new java.util.HashMap<>();
        jdbc.sql(TenantSql.in(tenant.code(), "select id, name from {employee}"))
                .query((rs, n) -> names.put(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        return names;
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden(
                            "missing-role", "Not allowed", "Only a tenant admin edits the flexible-work policy.")
                    .variant("fwa-policy");
        }
    }

    private LocalDate today(Tenant tenant) {
        return clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
    }
}
