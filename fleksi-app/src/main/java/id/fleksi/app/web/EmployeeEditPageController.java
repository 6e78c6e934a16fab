package id.fleksi.app.web;

import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.EmployeeRepository;
import id.fleksi.platform.organisation.EmployeeStatus;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.organisation.EmploymentType;
import id.fleksi.platform.organisation.NewEmployee;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * BKD's and the tenant admin's form for one employee: name, unit, position, status and supervisor (chosen among the
 * unit's people or typed as a NIP). {@link Employees} keeps the rules; a refusal shows the form again as it was typed,
 * with the reason in the reader's language.
 */
@PageController
class EmployeeEditPageController {

    /** The form as typed; {@code supervisorNip}, when given, wins over the choice in the list. */
    record Form(
            String name,
            String unitId,
            String position,
            String status,
            String supervisorId,
            String supervisorNip,
            String email) {}

    private final TenantMenu menu;
    private final Employees employees;
    private final EmployeeRepository repository;
    private final OrgUnitRepository units;
    private final MessageSource messages;

    EmployeeEditPageController(
            TenantMenu menu,
            Employees employees,
            EmployeeRepository repository,
            OrgUnitRepository units,
            MessageSource messages) {
        this.menu = menu;
        this.employees = employees;
        this.repository = repository;
        this.units = units;
        this.messages = messages;
    }

    @GetMapping("/t/{code}/admin/employees/{id}")
    String form(Tenant tenant, Caller caller, @PathVariable UUID id, Model model, Locale locale) {
        EmployeesPageController.allowed(caller);
        Employee e = employees.find(id);
        Form form = new Form(
                e.name(),
                e.unitId().toString(),
                e.position(),
                e.status().name(),
                e.supervisorId() == null ? "" : e.supervisorId().toString(),
                "",
                employees.email(e).orElse(""));
        return show(tenant, caller, e, form, null, model, locale);
    }

    @PostMapping("/t/{code}/admin/employees/{id}")
    String save(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            Form form,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        EmployeesPageController.allowed(caller);
        Employee e = employees.find(id);
        String error = null;
        String name = form.name() == null ? "" : form.name().strip();
        UUID unitId = EmployeesPageController.uuidOrNull(form.unitId());
        EmployeeStatus status = statusOrNull(form.status());
        UUID supervisorId = EmployeesPageController.uuidOrNull(form.supervisorId());
        String nip = form.supervisorNip() == null ? "" : form.supervisorNip().replace(" ", "");
        if (!nip.isEmpty()) {
            Employee supervisor = repository.findByUsername(nip).orElse(null);
            supervisorId = supervisor == null ? null : supervisor.id();
            if (supervisor == null) {
                error = messages.getMessage("employee.edit.no-supervisor", new Object[] {nip}, locale);
            }
        }
        if (name.isEmpty() || name.length() > 200) {
            error = messages.getMessage("employee.edit.name", null, locale);
        } else if (unitId == null || !units.existsById(unitId)) {
            error = messages.getMessage("employee.edit.unit", null, locale);
        } else if (status == null) {
            error = messages.getMessage("employee.edit.status", null, locale);
        } else if (form.position() != null && form.position().strip().length() > 200) {
            error = messages.getMessage("employee.edit.position.long", null, locale);
        }
        if (error == null) {
            try {
                Employees.emailAddress(form.email());
            } catch (Problem problem) {
                error = problem.detailFor(messages, locale);
            }
        }
        if (error == null) {
            try {
                String position = form.position() == null || form.position().isBlank()
                        ? null
                        : form.position().strip();
                employees.update(
                        id,
                        new NewEmployee(
                                e.nip(),
                                e.pppkNumber(),
                                e.employmentType() == EmploymentType.NON_ASN ? e.username() : null,
                                name,
                                e.employmentType(),
                                position,
                                e.grade(),
                                unitId,
                                supervisorId,
                                e.talentBox() == null ? null : (int) e.talentBox(),
                                e.faceToFaceService(),
                                e.ownDevice(),
                                e.goodConnection(),
                                e.homeLatitude(),
                                e.homeLongitude(),
                                e.startDate()),
                        caller.username());
                if (status != e.status()) {
                    employees.setStatus(id, status, caller);
                }
                try {
                    employees.setEmail(e, form.email(), caller);
                } catch (Problem problem) {
                    // The rest is saved by now; the page says so rather than "nothing was changed".
                    response.setStatus(HttpServletResponse.SC_CONFLICT);
                    return show(
                            tenant,
                            caller,
                            employees.find(id),
                            form,
                            messages.getMessage(
                                    "employee.edit.email.refused",
                                    new Object[] {withoutNothingChanged(problem.detailFor(messages, locale))},
                                    locale),
                            model,
                            locale);
                }
                redirect.addFlashAttribute("saved", name);
                return "redirect:/t/" + tenant.code() + "/admin/employees/" + id;
            } catch (Problem problem) {
                error = withoutFieldName(problem.detailFor(messages, locale));
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return show(tenant, caller, e, form, error, model, locale);
    }

    private String show(Tenant tenant, Caller caller, Employee e, Form form, String error, Model model, Locale locale) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        model.addAttribute("employee", e);
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("units", units.findAllByOrderByCode());
        model.addAttribute("statuses", EmployeeStatus.values());
        List<Employee> people = new ArrayList<>(repository.findAllByUnitIdOrderByName(e.unitId()));
        people.removeIf(p -> p.id().equals(e.id()));
        if (e.supervisorId() != null && people.stream().noneMatch(p -> p.id().equals(e.supervisorId()))) {
            repository.findById(e.supervisorId()).ifPresent(s -> people.add(0, s));
        }
        model.addAttribute("people", people);
        return "tenant/employee";
    }

    private static EmployeeStatus statusOrNull(String value) {
        try {
            return value == null ? null : EmployeeStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A refusal's own "Nothing was changed." dropped, where something else was. */
    private static String withoutNothingChanged(String detail) {
        return detail.replaceFirst("\\s*(Tidak ada yang diubah|Nothing was changed)\\.\\s*$", "");
    }

    /** "supervisorId: seorang pegawai ..." reads as "Seorang pegawai ...": the page shows the field by its label. */
    private static String withoutFieldName(String detail) {
        String text = detail.replaceFirst("^[a-zA-Z]+: ", "");
        return text.isEmpty() ? detail : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
