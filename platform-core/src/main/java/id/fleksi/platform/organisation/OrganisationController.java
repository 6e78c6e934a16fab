package id.fleksi.platform.organisation;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Units and employees of a tenant, for BKD and the tenant admin. */
@RestController
@RequestMapping("/api/v1/t/{code}")
@PreAuthorize("hasAnyRole('tenant-admin', 'bkd')")
class OrganisationController {

    private final Employees employees;
    private final EmployeeRepository employeeRepository;
    private final OrgUnitRepository units;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    OrganisationController(
            Employees employees,
            EmployeeRepository employeeRepository,
            OrgUnitRepository units,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.employees = employees;
        this.employeeRepository = employeeRepository;
        this.units = units;
        this.audit = audit;
        this.transactions = transactions;
    }

    record NewUnit(
            UUID parentId,

            @NotBlank(message = "is required")
            @Pattern(regexp = "[A-Z0-9][A-Z0-9._-]{0,49}", message = "is 1-50 upper-case letters, digits, dots, dashes")
            String code,

            @NotBlank(message = "is required") String name,
            @NotNull(message = "is required") UnitKind kind) {}

    record UnitView(UUID id, UUID parentId, String code, String name, UnitKind kind, UUID headEmployeeId) {
        static UnitView of(OrgUnit u) {
            return new UnitView(u.id(), u.parentId(), u.code(), u.name(), u.kind(), u.headEmployeeId());
        }
    }

    record EmployeeView(
            UUID id,
            String username,
            String nip,
            String pppkNumber,
            String name,
            EmploymentType employmentType,
            String position,
            String grade,
            UUID unitId,
            UUID supervisorId,
            Short talentBox,
            EmployeeStatus status) {
        static EmployeeView of(Employee e) {
            return new EmployeeView(
                    e.id(),
                    e.username(),
                    e.nip(),
                    e.pppkNumber(),
                    e.name(),
                    e.employmentType(),
                    e.position(),
                    e.grade(),
                    e.unitId(),
                    e.supervisorId(),
                    e.talentBox(),
                    e.status());
        }
    }

    record CreatedEmployee(EmployeeView employee, String oneTimePassword) {}

    record StatusChange(
            @NotNull(message = "is required: ACTIVE, ON_LEAVE, SANCTIONED or RETIRED")
            EmployeeStatus status) {}

    @Operation(summary = "Units of the organisation (OPD tree)")
    @GetMapping("/units")
    List<UnitView> units(@PathVariable String code) {
        return units.findAllByOrderByCode().stream().map(UnitView::of).toList();
    }

    @Operation(summary = "Add a unit")
    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    UnitView addUnit(@PathVariable String code, @Valid @RequestBody NewUnit unit, Caller caller) {
        return transactions.execute(tx -> {
            if (units.existsByCode(unit.code())) {
                throw Problem.conflict(
                        "unit-exists", "Unit already exists", "A unit with code " + unit.code() + " already exists.");
            }
            if (unit.parentId() != null && !units.existsById(unit.parentId())) {
                throw Problem.badRequest(
                        "unknown-parent", "Unknown parent unit", "parentId: no such unit in this tenant");
            }
            OrgUnit saved = units.save(
                    new OrgUnit(unit.parentId(), unit.code(), unit.name().strip(), unit.kind()));
            audit.record(
                    TenantContext.require(),
                    caller.username(),
                    "unit.create",
                    unit.code(),
                    null,
                    Map.of("name", unit.name()));
            return UnitView.of(saved);
        });
    }

    record Head(@NotNull(message = "is required") UUID employeeId) {}

    @Operation(summary = "Set the head of a unit (an employee of that unit)")
    @PutMapping("/units/{id}/head")
    UnitView setHead(@PathVariable String code, @PathVariable UUID id, @Valid @RequestBody Head head, Caller caller) {
        return transactions.execute(tx -> {
            OrgUnit unit = units.findById(id)
                    .orElseThrow(() -> Problem.notFound(
                            "unknown-unit", "Unknown unit", "There is no unit " + id + " in this tenant."));
            Employee employee = employees.find(head.employeeId());
            if (!employee.unitId().equals(unit.id())) {
                throw Problem.badRequest(
                        "head-elsewhere",
                        "Head of another unit",
                        "employeeId: " + employee.name() + " works in another unit; move them to " + unit.name()
                                + " first.");
            }
            UUID before = unit.headEmployeeId();
            unit.setHead(employee.id());
            audit.record(
                    TenantContext.require(),
                    caller.username(),
                    "unit.head",
                    unit.code(),
                    before == null ? null : Map.of("employeeId", before),
                    Map.of("employeeId", employee.id()));
            return UnitView.of(unit);
        });
    }

    @Operation(operationId = "listEmployees", summary = "Employees")
    @GetMapping("/employees")
    List<EmployeeView> employees(@PathVariable String code) {
        return employeeRepository.findAllByOrderByName().stream()
                .map(EmployeeView::of)
                .toList();
    }

    @Operation(summary = "Add an employee and their realm user (one-time password, shown once)")
    @PostMapping("/employees")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedEmployee addEmployee(@PathVariable String code, @Valid @RequestBody NewEmployee employee, Caller caller) {
        Employees.Created created = employees.create(employee, caller.username());
        return new CreatedEmployee(EmployeeView.of(created.employee()), created.oneTimePassword());
    }

    @Operation(summary = "Update an employee (name, unit, supervisor, ...); the realm user follows")
    @PutMapping("/employees/{id}")
    EmployeeView updateEmployee(
            @PathVariable String code, @PathVariable UUID id, @Valid @RequestBody NewEmployee employee, Caller caller) {
        return EmployeeView.of(employees.update(id, employee, caller.username()));
    }

    @Operation(summary = "Change an employee's status; RETIRED disables their realm user")
    @PostMapping("/employees/{id}/status")
    EmployeeView status(
            @PathVariable String code, @PathVariable UUID id, @Valid @RequestBody StatusChange change, Caller caller) {
        return EmployeeView.of(employees.setStatus(id, change.status(), caller));
    }
}
