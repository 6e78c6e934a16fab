package id.fleksi.app.web;

import id.fleksi.platform.organisation.EmployeeSearch;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.util.Locale;
import java.util.UUID;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** BKD's and the tenant admin's page of employees: find them by name, NIP and unit, hand out one-time passwords. */
@PageController
class EmployeesPageController {

    static final int PAGE_SIZE = 50;

    private final TenantMenu menu;
    private final EmployeeSearch search;
    private final OrgUnitRepository units;
    private final Employees employeeService;

    EmployeesPageController(
            TenantMenu menu, EmployeeSearch search, OrgUnitRepository units, Employees employeeService) {
        this.menu = menu;
        this.search = search;
        this.units = units;
        this.employeeService = employeeService;
    }

    /** A page of employees found by name or NIP within a unit; the links to other pages keep the search. */
    @GetMapping("/t/{code}/admin/employees")
    String page(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String unit,
            @RequestParam(defaultValue = "1") String page,
            Model model,
            Locale locale) {
        allowed(caller);
        UUID unitId = uuidOrNull(unit);
        model.addAttribute("tenant", tenant);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        model.addAttribute("units", units.findAllByOrderByCode());
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("unit", unitId);
        model.addAttribute(
                "result", search.find(q, unitId, page.matches("\\d{1,6}") ? Integer.parseInt(page) : 1, PAGE_SIZE));
        return "tenant/employees";
    }

    static UUID uuidOrNull(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/t/{code}/admin/employees/{id}/one-time-password")
    String oneTimePassword(Tenant tenant, Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        allowed(caller);
        var employee = employeeService.find(id);
        String password = employeeService.issueOneTimePassword(employee, caller);
        redirect.addFlashAttribute("credential", new String[] {employee.username(), employee.name(), password});
        return "redirect:/t/" + tenant.code() + "/admin/employees";
    }

    static void allowed(Caller caller) {
        if (!caller.hasRole(Role.TENANT_ADMIN) && !caller.hasRole(Role.BKD)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only BKD or a tenant admin manage employees.")
                    .variant("employees");
        }
    }
}
