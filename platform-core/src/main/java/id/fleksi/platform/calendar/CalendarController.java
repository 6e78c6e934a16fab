package id.fleksi.platform.calendar;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Working days of a unit, and the tenant's own holidays and schedules. */
@RestController
@RequestMapping("/api/v1/t/{code}/calendar")
class CalendarController {

    private final WorkingCalendar calendar;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    CalendarController(WorkingCalendar calendar, JdbcClient jdbc, AuditLog audit) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    record NewLocalHoliday(
            @NotNull(message = "is required") LocalDate date,
            @NotBlank(message = "is required") String name,
            @Nullable UUID unitId) {}

    /** Weekly hours ({@code days}) for REGULAR and RAMADAN; a cycle of shifts from {@code validFrom} for SHIFT. */
    record NewSchedule(
            @Nullable UUID unitId,

            @NotNull(message = "is required: REGULAR, RAMADAN or SHIFT")
            WorkingCalendar.ScheduleKind kind,

            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable Map<java.time.DayOfWeek, DayHours> days,
            @Nullable List<@Nullable DayHours> cycle) {}

    @Operation(summary = "Working days of a unit between two dates (at most 366 days)")
    @GetMapping
    List<WorkingDay> days(
            @PathVariable String code,
            @RequestParam UUID unitId,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        DateRange.require(from, to, 366);
        WorkingCalendar.Snapshot snapshot = calendar.snapshot(from, to);
        List<WorkingDay> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            days.add(snapshot.of(unitId, date));
        }
        return days;
    }

    @Operation(summary = "Add a holiday of this pemda, for everyone or one unit and its sub-units")
    @PreAuthorize("hasAnyRole('tenant-admin', 'bkd')")
    @PostMapping("/local-holidays")
    @ResponseStatus(HttpStatus.CREATED)
    NewLocalHoliday addHoliday(@PathVariable String code, @Valid @RequestBody NewLocalHoliday holiday, Caller caller) {
        jdbc.sql(TenantSql.of("insert into {local_holiday} (id, date, name, unit_id) values (?, ?, ?, ?)"))
                .param(UUID.randomUUID())
                .param(holiday.date())
                .param(holiday.name())
                .param(holiday.unitId())
                .update();
        audit.record(
                TenantContext.require(),
                caller.username(),
                "calendar.holiday",
                holiday.date().toString(),
                null,
                Map.of("name", holiday.name()));
        return holiday;
    }

    @Operation(summary = "Set working hours for the tenant (no unitId) or a unit; RAMADAN needs validFrom and validTo")
    @PreAuthorize("hasAnyRole('tenant-admin', 'bkd')")
    @PostMapping("/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    NewSchedule addSchedule(@PathVariable String code, @Valid @RequestBody NewSchedule schedule, Caller caller) {
        boolean ramadan = schedule.kind() == WorkingCalendar.ScheduleKind.RAMADAN;
        boolean shift = schedule.kind() == WorkingCalendar.ScheduleKind.SHIFT;
        if (ramadan
                && (schedule.validFrom() == null
                        || schedule.validTo() == null
                        || schedule.validTo().isBefore(schedule.validFrom()))) {
            throw Problem.badRequest(
                    "invalid-schedule",
                    "Invalid schedule",
                    "validFrom, validTo: a Ramadan schedule needs both, in order");
        }
        if (shift
                && (schedule.validFrom() == null
                        || schedule.cycle() == null
                        || schedule.cycle().isEmpty()
                        || schedule.cycle().size() > 28)) {
            throw Problem.badRequest(
                    "invalid-schedule",
                    "Invalid schedule",
                    "validFrom, cycle: a shift rotation needs the date of its first day and 1 to 28 days (null for a rest day)");
        }
        if (!shift && (schedule.days() == null || schedule.days().isEmpty())) {
            throw Problem.badRequest("invalid-schedule", "Invalid schedule", "days: the hours of at least one weekday");
        }
        if (schedule.validFrom() != null
                && schedule.validTo() != null
                && schedule.validTo().isBefore(schedule.validFrom())) {
            throw Problem.badRequest("invalid-range", "Invalid date range", "validTo: on or after validFrom")
                    .variant("schedule");
        }
        if (!shift) {
            // An office day ends after it starts; hours past midnight are a night shift, set as a SHIFT rotation.
            for (Map.Entry<java.time.DayOfWeek, DayHours> day :
                    Objects.requireNonNull(schedule.days()).entrySet()) {
                if (day.getValue() == null || day.getValue().overnight()) {
                    throw Problem.badRequest(
                            "invalid-schedule",
                            "Invalid schedule",
                            "days." + day.getKey() + ": "
                                    + (day.getValue() == null
                                            ? "give the day's hours, or leave the day out"
                                            : "ends at " + day.getValue().end() + ", before it starts at "
                                                    + day.getValue().start()
                                                    + "; hours past midnight belong to a SHIFT rotation")
                                    + ". Nothing was changed.");
                }
            }
        }
        // Checked above: a rotation has its first day and its days, a week its hours.
        String days = shift
                ? StoredDays.json(new ShiftPattern(
                        Objects.requireNonNull(schedule.validFrom()), Objects.requireNonNull(schedule.cycle())))
                : StoredDays.json(new WeekSchedule(Objects.requireNonNull(schedule.days())));
        jdbc.sql(TenantSql.of(
                        "insert into {work_schedule} (id, unit_id, kind, valid_from, valid_to, days) values (?, ?, ?,"
                                + " ?, ?, cast(? as jsonb))"))
                .param(UUID.randomUUID())
                .param(schedule.unitId())
                .param(schedule.kind().name())
                .param(ramadan || shift ? schedule.validFrom() : null)
                .param(ramadan ? schedule.validTo() : null)
                .param(days)
                .update();
        audit.record(
                TenantContext.require(),
                caller.username(),
                "calendar.schedule",
                schedule.unitId() == null ? "tenant" : schedule.unitId().toString(),
                null,
                Map.of("kind", schedule.kind()));
        return schedule;
    }
}
