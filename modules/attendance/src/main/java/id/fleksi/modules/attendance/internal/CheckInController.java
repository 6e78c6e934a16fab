package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CheckInController {

    private final CheckIns checkIns;
    private final ReviewList reviews;
    private final DailyRecap recap;
    private final Employees employees;

    CheckInController(CheckIns checkIns, ReviewList reviews, DailyRecap recap, Employees employees) {
        this.employees = employees;
        this.checkIns = checkIns;
        this.reviews = reviews;
        this.recap = recap;
    }

    @Operation(
            operationId = "myAttendanceDays",
            summary = "My days: present, excused, absent, not a working day (at most 93 days)")
    @GetMapping("/api/v1/t/{code}/attendance/days")
    List<DailyRecap.Day> myDays(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        DateRange.require(from, to, 93);
        return recap.of(employees.requireActive(caller.username()).id(), from, to);
    }

    @Operation(summary = "My month in figures (rekap kehadiran) with each of its days; month as 2026-11")
    @GetMapping("/api/v1/t/{code}/attendance/months/{month}")
    DailyRecap.Month myMonth(
            @PathVariable String code,
            @PathVariable @DateTimeFormat(pattern = "yyyy-MM") java.time.YearMonth month,
            Caller caller) {
        return recap.month(employees.requireActive(caller.username()).id(), month);
    }

    @Operation(
            operationId = "teamDay",
            summary = "The team's day: each of your direct staff on a date",
            description = "Role atasan.")
    @PreAuthorize("hasRole('atasan')")
    @GetMapping("/api/v1/t/{code}/attendance/team")
    List<DailyRecap.TeamMember> team(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            Caller caller) {
        return recap.team(caller.username(), date);
    }

    @Operation(
            summary = "Your direct staff's month in figures, one each (rekap kehadiran tim); month as 2026-11",
            description = "Role atasan.")
    @PreAuthorize("hasRole('atasan')")
    @GetMapping("/api/v1/t/{code}/attendance/team/months/{month}")
    List<DailyRecap.TeamMonth> teamMonth(
            @PathVariable String code,
            @PathVariable @DateTimeFormat(pattern = "yyyy-MM") java.time.YearMonth month,
            Caller caller) {
        return recap.team(caller.username(), month);
    }

    @Operation(
            summary = "Flagged check-ins to review",
            description = "Role atasan: your direct staff's; bkd or" + " tenant-admin: everyone's. At most 93 days.")
    @PreAuthorize("hasAnyRole('atasan', 'bkd', 'tenant-admin')")
    @GetMapping("/api/v1/t/{code}/attendance/review")
    List<ReviewList.Entry> review(
            @PathVariable String code,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            Caller caller) {
        DateRange.require(from, to, 93);
        boolean everyone = caller.hasRole(Role.BKD) || caller.hasRole(Role.TENANT_ADMIN);
        return reviews.between(from, to, everyone ? null : caller.username());
    }

    @Operation(
            summary = "Check in or out",
            description = "201 with the record; a repeated clientRequestId answers 200"
                    + " with the first record. 422 outside the office on an office day, or captured outside the offline window."
                    + " Without a location (latitude, longitude and accuracy all left out: the phone's location denied or not found)"
                    + " it is taken on a day worked anywhere, flagged NO_LOCATION for review, and refused 422 location-required on an"
                    + " office day; only some of the three is 400 partial-location.")
    @PostMapping("/api/v1/t/{code}/attendance/check-ins")
    ResponseEntity<CheckIn> checkIn(
            @PathVariable String code, @Valid @RequestBody CheckInRequest request, Caller caller) {
        CheckIns.Submitted submitted = checkIns.submit(caller.username(), request);
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(submitted.record());
    }
}
