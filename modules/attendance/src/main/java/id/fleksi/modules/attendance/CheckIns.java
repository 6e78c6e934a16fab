package id.fleksi.modules.attendance;

import id.fleksi.modules.attendance.internal.CheckInJudgement;
import id.fleksi.modules.attendance.internal.CheckInOutcomes;
import id.fleksi.modules.attendance.internal.CheckInRegister;
import id.fleksi.modules.attendance.internal.Submitter;
import id.fleksi.modules.attendance.internal.UnitOffices;
import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.closing.OpenPeriods;
import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.SqlTransactions;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Takes check-ins and check-outs. The server clock is authoritative; a capture queued offline is judged by
 * its capture time, within the tenant's window. A repeated client request id returns the first record.
 */
@Service
public class CheckIns {

    private final JdbcClient jdbc;
    private final CheckInRegister register;
    private final ModuleSwitches switches;
    private final SqlTransactions transactions;
    private final UnitOffices offices;
    private final Clock clock;
    private final TenantRegistry registry;
    private final WorkModes workModes;
    private final List<CheckOutGuard> guards;
    private final CheckInOutcomes outcomes;
    private final OpenPeriods periods;
    private final ApplicationEventPublisher events;

    CheckIns(
            JdbcClient jdbc,
            CheckInRegister register,
            ModuleSwitches switches,
            SqlTransactions transactions,
            Clock clock,
            TenantRegistry registry,
            WorkModes workModes,
            List<CheckOutGuard> guards,
            UnitOffices offices,
            CheckInOutcomes outcomes,
            OpenPeriods periods,
            ApplicationEventPublisher events) {
        this.periods = periods;
        this.events = events;
        this.outcomes = outcomes;
        this.offices = offices;
        this.guards = guards;
        this.workModes = workModes;
        this.registry = registry;
        this.jdbc = jdbc;
        this.register = register;
        this.switches = switches;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The record, and whether this submission made it (false: a repeat of an earlier one). */
    public record Submitted(CheckIn record, boolean created) {}

    /** Records a check-in or check-out of the employee with this username, in the current tenant. */
    public Submitted submit(String username, CheckInRequest request) {
        TenantCode tenant = TenantContext.require();
        CheckInRequest.Kind kind = request.kind() == null ? CheckInRequest.Kind.IN : request.kind();
        try {
            Submitted submitted = submitOnce(tenant, username, request);
            if (submitted.created()) { // stored by then (one statement, no transaction): the live view counts again
                events.publishEvent(new DayChanged(tenant));
            }
            outcomes.recorded(tenant, kind, submitted);
            return submitted;
        } catch (Problem refusal) {
            outcomes.refused(tenant, kind, refusal.type());
            throw refusal;
        }
    }

    private Submitted submitOnce(TenantCode tenant, String username, CheckInRequest request) {
        // One connection for the whole submission and no transaction (see SqlTransactions.onOneConnection): the reads,
        // then a single statement that writes, atomic by itself.
        return transactions.onOneConnection(connection -> {
            Judged judged = judge(tenant, username, request);
            if (judged.repeat() != null) {
                return judged.repeat();
            }
            CheckIn judgedRecord =
                    Objects.requireNonNull(judged.record(), "a judgement that is no repeat has a record");
            // A capture queued offline may belong to a month BKD has closed since.
            periods.requireOpen(
                    tenant, judgedRecord.employeeId(), judgedRecord.workDate(), OpenPeriods.Change.CHECK_IN);
            if (judgedRecord.kind() == CheckInRequest.Kind.OUT) {
                // A guard may refuse (422) or mark the day; either holds whether or not this check-out is stored.
                guards.forEach(guard -> guard.beforeCheckOut(
                        tenant, judgedRecord.employeeId(), judgedRecord.workDate(), judged.workingDay()));
            }
            CheckIn stored = register.store(tenant, judgedRecord, request, username);
            // Null: the same request arrived twice at once and the other one stored it.
            return stored != null
                    ? new Submitted(stored, true)
                    : new Submitted(
                            sameEmployee(
                                    register.find(tenant, request.clientRequestId())
                                            .orElseThrow(),
                                    judgedRecord.employeeId()),
                            false);
        });
    }

    /** Where someone stands now by the check-in's rules of place, and the day's work mode: for a confirmation (the apel). */
    public record Whereabouts(
            LocalDate date,
            String workMode,
            @org.jspecify.annotations.Nullable UUID officeId,
            @org.jspecify.annotations.Nullable Integer distanceMetres) {}

    /**
     * Judges a position as a check-in would be judged (inside an office's geofence on an office day, anywhere on a WFA or
     * dinas luar day), without recording anything; refused as a check-in would be, with the distance.
     */
    public Whereabouts whereabouts(String username, double latitude, double longitude, double accuracy) {
        return today(
                username,
                new CheckInRequest(
                        CheckInRequest.Kind.IN,
                        latitude,
                        longitude,
                        accuracy,
                        "whereabouts-" + UUID.randomUUID(),
                        null,
                        false,
                        null),
                (tenant, employee, date, answer) -> {
                    CheckInJudgement.Place place = CheckInJudgement.place(
                            answer, latitude, longitude, accuracy, () -> offices.along(tenant, employee.unitId()));
                    return new Whereabouts(
                            date,
                            place.workMode(),
                            place.office() == null ? null : place.office().id(),
                            place.distanceMetres());
                });
    }

    /** Whether today takes a check-in without the phone's fix (flagged): a day that may be worked anywhere, or a day off. */
    public boolean takesNoFixToday(String username) {
        return today(
                username,
                new CheckInRequest(
                        CheckInRequest.Kind.IN, null, null, null, "no-fix-" + UUID.randomUUID(), null, false, null),
                (tenant, employee, date, answer) -> answer.anywhere() || answer.mode() == WorkMode.HOLIDAY);
    }

    private interface Today<T> {
        T of(TenantCode tenant, Submitter employee, LocalDate date, DayAnswer answer);
    }

    /** The employee and FWA's answer for today, as a probe (recording nothing) sees them. */
    private <T> T today(String username, CheckInRequest probe, Today<T> then) {
        TenantCode tenant = TenantContext.require();
        return transactions.onOneConnection(connection -> {
            Instant now = clock.instant();
            LocalDate date =
                    now.atZone(registry.require(tenant).timeZone().zone()).toLocalDate();
            Submitter employee = Submitter.read(jdbc, tenant, username, probe, now, date);
            return then.of(tenant, employee, date, workModes.answer(employee.asFwaSees(), date, employee.absences()));
        });
    }

    /** What a submission comes to before anything is written: an earlier answer to repeat, or the record to store. */
    private record Judged(
            @Nullable Submitted repeat, @Nullable CheckIn record, boolean workingDay) {}

    /** The facts in one statement (and the tenant's cached settings and offices), then {@link CheckInJudgement} decides. */
    private Judged judge(TenantCode tenant, String username, CheckInRequest request) {
        Instant now = clock.instant();
        Instant captured =
                request.capturedAt() == null ? now : request.capturedAt().toInstant();
        ZonedDateTime local =
                captured.atZone(registry.require(tenant).timeZone().zone());
        Submitter employee = Submitter.read(jdbc, tenant, username, request, captured, local.toLocalDate());
        if (employee.earlier() != null) { // a retry is answered before its capture time is judged again
            return new Judged(new Submitted(sameEmployee(employee.earlier(), employee.id()), false), null, false);
        }
        DayAnswer answer = workModes.answer(employee.asFwaSees(), local.toLocalDate(), employee.absences());
        CheckIn record = CheckInJudgement.judge(
                switches.settings(tenant, AttendanceModule.ID, AttendanceSettings.class),
                new CheckInJudgement.Facts(
                        request,
                        now,
                        captured,
                        local,
                        employee.id(),
                        employee.checkedIn(),
                        answer,
                        () -> offices.along(tenant, employee.unitId()),
                        employee.history()));
        return new Judged(null, record, answer.mode() != WorkMode.HOLIDAY);
    }

    private static CheckIn sameEmployee(CheckIn earlier, UUID employeeId) {
        if (!earlier.employeeId().equals(employeeId)) {
            throw Problem.conflict(
                    "request-id-taken",
                    "Request id already used",
                    "clientRequestId: another employee's"
                            + " submission already used this id; the phone must make a new one for each press.");
        }
        return earlier;
    }

    /** The employee's standing check-in and check-out of a date (a replaced check-out is left out). */
    public List<CheckIn> on(UUID employeeId, LocalDate date) {
        return register.on(employeeId, date);
    }
}
