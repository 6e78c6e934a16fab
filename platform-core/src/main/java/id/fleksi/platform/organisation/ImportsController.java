package id.fleksi.platform.organisation;

import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk imports of units and employees from CSV or XLSX, and one-time passwords for employees' first login. */
@RestController
@PreAuthorize("hasAnyRole('tenant-admin', 'bkd')")
class ImportsController {

    private final UnitImport unitImport;
    private final EmployeeImport employeeImport;
    private final Employees employees;
    private final ImportMetrics metrics;

    ImportsController(
            UnitImport unitImport, EmployeeImport employeeImport, Employees employees, ImportMetrics metrics) {
        this.metrics = metrics;
        this.unitImport = unitImport;
        this.employeeImport = employeeImport;
        this.employees = employees;
    }

    @Operation(
            operationId = "importUnits",
            summary = "Import units (columns code, name, kind, parent_code); all or nothing")
    @PostMapping(path = "/api/v1/t/{code}/imports/units", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    EmployeeImport.Report units(@PathVariable String code, @RequestParam MultipartFile file, Caller caller) {
        return checked(
                metrics.timed(ImportJobs.Kind.UNITS, () -> unitImport.importUnits(read(file), caller.username())));
    }

    @Operation(
            operationId = "importEmployees",
            summary = "Import employees (see EmployeeImport.COLUMNS); all or nothing; realm users made in batches")
    @PostMapping(path = "/api/v1/t/{code}/imports/employees", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    EmployeeImport.Report employees(@PathVariable String code, @RequestParam MultipartFile file, Caller caller) {
        return checked(metrics.timed(
                ImportJobs.Kind.EMPLOYEES,
                () -> employeeImport.importEmployees(read(file), caller.username(), line -> {})));
    }

    @Operation(summary = "Issue a one-time password for an employee's first login (shown once)")
    @PostMapping("/api/v1/t/{code}/employees/{id}/one-time-password")
    Map<String, String> oneTimePassword(@PathVariable String code, @PathVariable UUID id, Caller caller) {
        Employee employee = employees.find(id);
        return Map.of(
                "username", employee.username(), "oneTimePassword", employees.issueOneTimePassword(employee, caller));
    }

    private static EmployeeImport.Report checked(EmployeeImport.Report report) {
        if (!report.imported()) {
            throw Problem.badRequest(
                            "invalid-import",
                            "Nothing imported",
                            report.problems().size()
                                    + " problems in the file; nothing was imported. Fix every row listed and send the file again.")
                    .values(report.problems().size())
                    .with("errors", report.problems());
        }
        return report;
    }

    private static Spreadsheet read(MultipartFile file) {
        try {
            return Spreadsheet.read(file.getInputStream(), file.getOriginalFilename());
        } catch (Spreadsheet.Refused e) {
            throw Problem.badRequest("unreadable-file", "Unreadable file", e.getMessage())
                    .variant(e.code(), e.values().toArray());
        } catch (IOException e) {
            throw Problem.badRequest("unreadable-file", "Unreadable file", e.getMessage());
        }
    }
}
