package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EvaluationController {

    private static final String MONTH =
            " month=2026-11; none: this month. Each day is judged by the deduction rules in force"
                    + " on it; days after today count as working days only, and today is never absent yet.";

    private final MonthViews views;
    private final Ratings ratings;

    EvaluationController(MonthViews views, Ratings ratings) {
        this.views = views;
        this.ratings = ratings;
    }

    @Operation(
            operationId = "evaluationMine",
            summary = "The caller's own month: facts, deduction lines and the capped total",
            description = "Any employee." + MONTH)
    @GetMapping(path = "/api/v1/t/{code}/evaluation/me", produces = MediaType.APPLICATION_JSON_VALUE)
    EmployeeMonth mine(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String month,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        return views.mine(tenant, caller, views.month(tenant, month));
    }

    @Operation(
            operationId = "evaluationTeam",
            summary = "The months of the caller's direct staff, by name",
            description = "A supervisor (anyone with direct staff; empty otherwise)." + MONTH)
    @GetMapping(path = "/api/v1/t/{code}/evaluation/team", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EmployeeMonth> team(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String month,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        return views.team(tenant, caller, views.month(tenant, month));
    }

    @Operation(
            operationId = "evaluationEmployee",
            summary = "One employee's month",
            description =
                    "The employee herself, her direct supervisor, the head of a unit above her, roles bkd and pimpinan."
                            + MONTH)
    @GetMapping(path = "/api/v1/t/{code}/evaluation/employees/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    EmployeeMonth employee(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String month,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        return views.employee(tenant, caller, id, views.month(tenant, month));
    }

    @Operation(
            operationId = "evaluationRate",
            summary = "The direct supervisor rates an employee's month (1 to 5) with a note",
            description =
                    "Only the employee's direct supervisor; a month that has begun. Replaces an earlier rating; every"
                            + " change is audited.")
    @PutMapping(path = "/api/v1/t/{code}/evaluation/employees/{id}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> rate(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestParam String month,
            @Valid @RequestBody Ratings.Rating rating,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        ratings.rate(tenant, caller, id, views.month(tenant, month), rating);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            operationId = "evaluationPemda",
            summary = "The month per OPD and for the pemda",
            description = "Roles bkd and pimpinan: every OPD; the head of a unit: what is under them." + MONTH)
    @GetMapping(path = "/api/v1/t/{code}/evaluation/opds", produces = MediaType.APPLICATION_JSON_VALUE)
    MonthViews.PemdaView pemda(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String month,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        return views.pemda(tenant, caller, views.month(tenant, month));
    }

    @Operation(
            operationId = "evaluationUnit",
            summary = "A unit's month: each employee under it, and their sum",
            description = "Roles bkd and pimpinan: any unit; the head of a unit: it and those under it." + MONTH)
    @GetMapping(path = "/api/v1/t/{code}/evaluation/units/{unit}", produces = MediaType.APPLICATION_JSON_VALUE)
    MonthViews.UnitView unit(
            @PathVariable String code,
            @PathVariable String unit,
            @RequestParam(required = false) @Nullable String month,
            @Parameter(hidden = true) Tenant tenant,
            @Parameter(hidden = true) Caller caller) {
        return views.unit(tenant, caller, unit, views.month(tenant, month));
    }
}
