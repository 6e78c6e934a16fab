package id.fleksi.modules.evaluation.closing.internal;

import id.fleksi.modules.evaluation.closing.ClosingRules;
import id.fleksi.modules.evaluation.closing.Corrections;
import id.fleksi.modules.evaluation.closing.MonthClosings;
import id.fleksi.modules.evaluation.closing.PaidAndCurrent;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The closing of the month in the API, for BKD: the same acts as the pages. */
@RestController
class ClosingController {

    private final MonthClosings closings;
    private final Corrections corrections;
    private final PaidAndCurrent figures;

    ClosingController(MonthClosings closings, Corrections corrections, PaidAndCurrent figures) {
        this.closings = closings;
        this.corrections = corrections;
        this.figures = figures;
    }

    /** Which OPD to close; absent or null closes every OPD still open (or reopened by a correction). */
    @Schema(name = "ClosingRequest")
    record CloseRequest(@Nullable String opd) {}

    @Operation(
            operationId = "closingMonthState",
            summary = "A month's closing state per OPD",
            description = "Role bkd. month as YYYY-MM.")
    @GetMapping("/api/v1/t/{code}/evaluation/closings/{month}")
    MonthClosings.MonthState state(
            @PathVariable String code, @PathVariable String month, Tenant tenant, Caller caller) {
        return closings.state(tenant, caller, ClosingRules.month(month));
    }

    @Operation(
            operationId = "closeMonth",
            summary = "Close a month that is over, for one OPD or the whole pemda",
            description =
                    "Role bkd. Keeps each employee's month as paid; after that nothing of the month changes except"
                            + " through a correction. 422 when the month is not over, 409 when already closed and not reopened since.")
    @PostMapping("/api/v1/t/{code}/evaluation/closings/{month}")
    @ResponseStatus(HttpStatus.CREATED)
    List<MonthClosings.Closed> close(
            @PathVariable String code,
            @PathVariable String month,
            @RequestBody(required = false) @Nullable CloseRequest request,
            Tenant tenant,
            Caller caller) {
        return closings.close(tenant, caller, ClosingRules.month(month), request == null ? null : request.opd());
    }

    @Operation(
            operationId = "closingOpdEmployees",
            summary = "The OPD's employees: paid deduction beside the current one",
            description = "Role bkd.")
    @GetMapping("/api/v1/t/{code}/evaluation/closings/{month}/opds/{opd}")
    List<PaidAndCurrent.Row> opd(
            @PathVariable String code,
            @PathVariable String month,
            @PathVariable String opd,
            Tenant tenant,
            Caller caller) {
        return figures.opd(tenant, caller, ClosingRules.month(month), opd);
    }

    @Operation(
            operationId = "closingEmployeeMonth",
            summary = "An employee's month as paid beside the current computation",
            description = "Role bkd. Every paid version, the fields that differ, and the month's corrections.")
    @GetMapping("/api/v1/t/{code}/evaluation/closings/{month}/employees/{id}")
    PaidAndCurrent.EmployeeView employee(
            @PathVariable String code,
            @PathVariable String month,
            @PathVariable UUID id,
            Tenant tenant,
            Caller caller) {
        return figures.employee(tenant, caller, id, ClosingRules.month(month));
    }

    @Operation(
            operationId = "recordCorrection",
            summary = "Record a correction that reopens an employee's days of a closed month",
            description =
                    "Role bkd. from (and to, within the same month) and a reason; audited. The days stay open until"
                            + " the month is closed again for her OPD.")
    @PostMapping("/api/v1/t/{code}/evaluation/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    Corrections.Correction correct(
            @PathVariable String code, @RequestBody Corrections.NewCorrection request, Tenant tenant, Caller caller) {
        return corrections.record(tenant, caller, request);
    }

    @Operation(
            operationId = "closingCorrections",
            summary = "A month's corrections, the latest first",
            description = "Role bkd.")
    @GetMapping("/api/v1/t/{code}/evaluation/corrections")
    List<Corrections.Correction> corrections(
            @PathVariable String code,
            @RequestParam String month,
            @RequestParam(required = false) @Nullable UUID employee,
            Tenant tenant,
            Caller caller) {
        return corrections.of(tenant, caller, ClosingRules.month(month), employee);
    }
}
