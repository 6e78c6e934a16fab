package id.fleksi.app.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import id.fleksi.platform.organisation.EmployeeRepository;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.organisation.ImportJobs;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.web.Problem;
import id.fleksi.platform.web.TenantGate;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** BKD's and the tenant admin's page of employees: import spreadsheets, hand out one-time passwords. */
@Controller
class EmployeesPageController {

    private final TenantGate gate;
    private final IdentityProperties identity;
    private final TenantMenu menu;
    private final EmployeeRepository employees;
    private final Employees employeeService;
    private final ImportJobs imports;

    EmployeesPageController(TenantGate gate, IdentityProperties identity, TenantMenu menu, EmployeeRepository employees,
            Employees employeeService, ImportJobs imports) {
        this.gate = gate;
        this.identity = identity;
        this.menu = menu;
        this.employees = employees;
        this.employeeService = employeeService;
        this.imports = imports;
    }

    @GetMapping("/t/{code}/admin/employees")
    String page(@PathVariable String code, Authentication authentication, Model model, Locale locale) {
        Tenant tenant = allowed(code, authentication);
        return TenantContext.callAs(tenant.code(), () -> {
            model.addAttribute("tenant", tenant);
            model.addAttribute("menu", menu.linksFor(tenant.code(), Caller.of(authentication, identity), locale));
            model.addAttribute("employees", employees.findAllByOrderByName().stream().limit(200).toList());
            model.addAttribute("total", employees.count());
            return "tenant/employees";
        });
    }

    /** Starts the import in the background and shows its page, which follows its progress. */
    @PostMapping("/t/{code}/admin/import")
    String importFile(@PathVariable String code, @RequestParam String kind, @RequestParam MultipartFile file,
            Authentication authentication, RedirectAttributes redirect) {
        Tenant tenant = allowed(code, authentication);
        String actor = Caller.of(authentication, identity).username();
        try {
            Spreadsheet sheet = Spreadsheet.read(file.getInputStream(), file.getOriginalFilename());
            ImportJobs.Kind jobKind = "units".equals(kind) ? ImportJobs.Kind.UNITS : ImportJobs.Kind.EMPLOYEES;
            UUID job = TenantContext.callAs(tenant.code(), () -> imports.start(jobKind, sheet, file.getOriginalFilename(), actor));
            return "redirect:/t/" + code + "/admin/imports/" + job;
        } catch (IOException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/t/" + code + "/admin/employees";
        }
    }

    @GetMapping("/t/{code}/admin/imports/{id}")
    String importJob(@PathVariable String code, @PathVariable UUID id, Authentication authentication, Model model, Locale locale) {
        Tenant tenant = allowed(code, authentication);
        return TenantContext.callAs(tenant.code(), () -> {
            model.addAttribute("tenant", tenant);
            model.addAttribute("menu", menu.linksFor(tenant.code(), Caller.of(authentication, identity), locale));
            model.addAttribute("job", imports.find(id).orElseThrow(() -> Problem.notFound("unknown-import", "Unknown import",
                    "There is no import " + id + " in this tenant.")));
            return "tenant/import";
        });
    }

    @PostMapping("/t/{code}/admin/employees/{id}/one-time-password")
    String oneTimePassword(@PathVariable String code, @PathVariable UUID id, Authentication authentication,
            RedirectAttributes redirect) {
        Tenant tenant = allowed(code, authentication);
        TenantContext.runAs(tenant.code(), () -> {
            var employee = employeeService.find(id);
            String password = employeeService.issueOneTimePassword(employee, Caller.of(authentication, identity));
            redirect.addFlashAttribute("credential", new String[] {employee.username(), employee.name(), password});
        });
        return "redirect:/t/" + code + "/admin/employees";
    }

    private Tenant allowed(String code, Authentication authentication) {
        Caller caller = Caller.of(authentication, identity);
        Tenant tenant = gate.admit(code, caller);
        if (!caller.hasRole(Role.TENANT_ADMIN) && !caller.hasRole(Role.BKD)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only BKD or a tenant admin manage employees.").variant("employees");
        }
        return tenant;
    }
}
