package id.fleksi.modules.fwa.internal;

import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.Eligibility;
import id.fleksi.modules.fwa.FwaPolicies;
import id.fleksi.modules.fwa.FwaRequests;
import id.fleksi.modules.fwa.PolicyVersion;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/t/{code}/fwa")
class FwaController {

    private final FwaPolicies policies;
    private final WorkModes modes;
    private final FwaRequests requests;
    private final Sanctions sanctions;
    private final Employees employees;

    FwaController(
            FwaPolicies policies, WorkModes modes, FwaRequests requests, Sanctions sanctions, Employees employees) {
        this.policies = policies;
        this.modes = modes;
        this.requests = requests;
        this.sanctions = sanctions;
        this.employees = employees;
    }

    /** A supervisor's reason for refusing a request. Its own schema in the API document. */
    record RequestDecision(
            @Size(max = 2000, message = "is at most 2000 characters")
            String reason) {}

    @Operation(summary = "Every version of the flexible-work policy, oldest first")
    @GetMapping("/policy")
    List<PolicyVersion> versions(@PathVariable String code) {
        return policies.versions();
    }

    @Operation(
            summary = "Add a policy version, in force from its date (today or later)",
            description = "Role tenant-admin." + " At most two WFA weekdays (PermenPANRB 4/2025 art. 13(1)).")
    @PreAuthorize("hasRole('tenant-admin')")
    @PostMapping("/policy")
    @ResponseStatus(HttpStatus.CREATED)
    PolicyVersion addVersion(@PathVariable String code, @Valid @RequestBody PolicyVersion version, Caller caller) {
        return policies.add(version, caller.username());
    }

    @Operation(
            summary = "Preview: who works where in a unit (and its sub-units) on each date",
            description = "Roles tenant-admin," + " bkd, atasan. At most 93 days.")
    @PreAuthorize("hasAnyRole('tenant-admin', 'bkd', 'atasan')")
    @GetMapping("/preview")
    List<DayAnswer> preview(
            @PathVariable String code,
            @RequestParam UUID unitId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        DateRange.require(from, to, 93);
        return modes.answersForUnit(unitId, from, to);
    }

    @Operation(summary = "My schedule: the work mode, hours and reasons for each date (at most 93 days)")
    @GetMapping("/schedule")
    List<DayAnswer> mySchedule(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        DateRange.require(from, to, 93);
        return modes.answers(List.of(employees.requireActive(caller.username()).id()), from, to);
    }

    @Operation(
            operationId = "teamSchedule",
            summary = "The team's calendar: each of my direct staff's answers (at most 93 days)",
            description = "Role atasan.")
    @PreAuthorize("hasRole('atasan')")
    @GetMapping("/team")
    List<DayAnswer> team(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        DateRange.require(from, to, 93);
        return modes.answersForStaffOf(
                employees.requireActive(caller.username()).id(), from, to);
    }

    @Operation(
            summary = "Is an employee eligible for flexible work on a date, and if not, why (every reason)",
            description = "Your own; another employee's for atasan, bkd and tenant-admin.")
    @GetMapping("/eligibility")
    Eligibility.Verdict eligibility(
            @PathVariable String code,
            @RequestParam(required = false) UUID employeeId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Caller caller) {
        Employee me = employees.requireActive(caller.username());
        if (employeeId != null
                && !employeeId.equals(me.id())
                && !caller.hasRole(Role.ATASAN)
                && !caller.hasRole(Role.BKD)
                && !caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden("missing-role", "Not allowed", "You may ask only about yourself.")
                    .variant("eligibility");
        }
        return modes.eligibility(employeeId == null ? me.id() : employeeId, date);
    }

    @Operation(
            operationId = "fileRequest",
            summary = "Request WFA on dates, or on a weekday from one date to another (a standing arrangement)",
            description = "422 with every reason when a day is not allowed (eligibility, the weekly cap).")
    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    FwaRequests.Request file(
            @PathVariable String code, @Valid @RequestBody FwaRequests.NewRequest request, Caller caller) {
        return requests.file(caller.username(), request);
    }

    @Operation(operationId = "myRequests", summary = "My WFA requests and their decisions")
    @GetMapping("/requests")
    List<FwaRequests.Request> mine(@PathVariable String code, Caller caller) {
        return requests.mine(caller.username());
    }

    @Operation(
            operationId = "requestsAwaitingDecision",
            summary = "My direct staff's requests waiting for my decision",
            description = "Role atasan.")
    @PreAuthorize("hasRole('atasan')")
    @GetMapping("/requests/review")
    List<FwaRequests.Request> toDecide(@PathVariable String code, Caller caller) {
        return requests.toDecide(caller.username());
    }

    @Operation(
            operationId = "approveRequest",
            summary = "Approve a request (checks eligibility, the weekly cap and the unit's quota again)",
            description = "Role atasan.")
    @PreAuthorize("hasRole('atasan')")
    @PostMapping("/requests/{id}/approve")
    FwaRequests.Request approve(@PathVariable String code, @PathVariable UUID id, Caller caller) {
        return requests.decide(caller.username(), id, true, null);
    }

    @Operation(
            operationId = "refuseRequest",
            summary = "Refuse a request with a reason the employee reads",
            description = "Role atasan.")
    @PreAuthorize("hasRole('atasan')")
    @PostMapping("/requests/{id}/refuse")
    FwaRequests.Request refuse(
            @PathVariable String code,
            @PathVariable UUID id,
            @RequestBody @Valid RequestDecision decision,
            Caller caller) {
        return requests.decide(caller.username(), id, false, decision.reason());
    }

    @Operation(
            summary = "Record a disciplinary sanction period (no flexible work while it runs)",
            description = "Role bkd.")
    @PreAuthorize("hasRole('bkd')")
    @PostMapping("/sanctions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> sanction(
            @PathVariable String code, @Valid @RequestBody Sanctions.NewSanction sanction, Caller caller) {
        return Map.of("id", sanctions.record(sanction, caller.username()));
    }
}
