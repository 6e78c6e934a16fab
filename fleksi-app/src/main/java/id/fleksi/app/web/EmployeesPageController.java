package id.fleksi.app.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import id.fleksi.platform.organisation.EmployeeRepository;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.organisation.ImportJobs;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** BKD's and the tenant admin's page of employees: import spreadsheets, hand out one-time passwords. */
@PageController
class EmployeesPageController {

    private final TenantMenu menu;
    private final EmployeeRepository employees;
    private final Employees employeeService;
    private final ImportJobs imports;

    EmployeesPageController(TenantMenu menu, EmployeeRepository employees, Employees employeeService, ImportJobs imports) {
        this.menu = menu;
        this.employees = employees;
        this.employeeService = employeeService;
        this.imports = imports;
    }

    @GetMapping("/t/{code}/admin/employees")
    String page(Tenant tenant, Caller caller, Model model, Locale locale) {
        allowed(caller);
        model.addAttribute("tenant", tenant);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        model.addAttribute("employees", employees.findAllByOrderByName().stream().limit(200).toList());
        model.addAttribute("total", employees.count());
        return "tenant/employees";
    }

    /** Starts the import in the background and shows its page, which follows its progress. */
    @PostMapping("/t/{code}/admin/import")
    String importFile(Tenant tenant, Caller caller, @RequestParam String kind, @RequestParam MultipartFile file,
            RedirectAttributes redirect) {
        allowed(caller);
        try {
            Spreadsheet sheet = Spreadsheet.read(file.getInputStream(), file.getOriginalFilename());
            ImportJobs.Kind jobKind = "units".equals(kind) ? ImportJobs.Kind.UNITS : ImportJobs.Kind.EMPLOYEES;
            UUID job = imports.start(jobKind, sheet, file.getOriginalFilename(), caller.username());
            return "redirect:/t/" + tenant.code() + "/admin/imports/" + job;
        } catch (IOException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/t/" + tenant.code() + "/admin/employees";
        }
    }

    @GetMapping("/t/{code}/admin/imports/{id}")
    String importJob(Tenant tenant, Caller caller, @PathVariable UUID id, Model model, Locale locale) {
        allowed(caller);
        model.addAttribute("tenant", tenant);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        model.addAttribute("job", imports.find(id).orElseThrow(() -> Problem.notFound("unknown-import", "Unknown import",
                "There is no import " + id + " in this tenant.")));
        return "tenant/import";
    }

    @PostMapping("/t/{code}/admin/employees/{id}/one-time-password")
    String oneTimePassword(Tenant tenant, Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        allowed(caller);
        var employee = employeeService.find(id);
        String password = employeeService.issueOneTimePassword(employee, caller);
        redirect.addFlashAttribute("credential", new String[] {employee.username(), employee.name(), password});
        return "redirect:/t/" + tenant.code() + "/admin/employees";
    }

    private static void allowed(Caller caller) {
        if (!caller.hasRole(Role.TENANT_ADMIN) && !caller.hasRole(Role.BKD)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only BKD or a tenant admin manage employees.").variant("employees");
        }
    }
}
