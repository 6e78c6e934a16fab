package id.fleksi.modules.attendance;

import id.fleksi.modules.attendance.internal.AbsenceRecords;
import id.fleksi.modules.attendance.internal.CheckInJudgement;
import id.fleksi.modules.attendance.internal.CheckInOutcomes;
import id.fleksi.modules.attendance.internal.LocationEvidence;
import id.fleksi.modules.attendance.internal.UnitOffices;
import id.fleksi.modules.fwa.ApprovedAbsences;
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
import id.fleksi.platform.tenancy.TenantSql;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Takes check-ins and check-outs. The server clock is authoritative; a capture queued offline is judged by
 * its capture time, within the tenant's window. A repeated client request id returns the first record.
 */
@Service
public class CheckIns {

    private final JdbcClient jdbc;
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
        // then
        // a single statement that writes, atomic by itself.
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
            CheckIn stored = store(tenant, judgedRecord, request, username, judged.workingDay());
            // Null: the same request arrived twice at once and the other one stored it.
            return stored != null
                    ? new Submitted(stored, true)
                    : new Submitted(
                            sameEmployee(
                                    find(tenant, request.clientRequestId()).orElseThrow(), judgedRecord.employeeId()),
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
            Submitter employee = submitter(tenant, username, probe, now, date);
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
        Submitter employee = submitter(tenant, username, request, captured, local.toLocalDate());
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

    private @Nullable CheckIn store(
            TenantCode tenant, CheckIn record, CheckInRequest request, String username, boolean workingDay) {
        boolean out = record.kind() == CheckInRequest.Kind.OUT;
        if (out) { // a guard may refuse (422) or mark the day; either holds whether or not this check-out is stored
            guards.forEach(guard -> guard.beforeCheckOut(tenant, record.employeeId(), record.workDate(), workingDay));
        }
        try {
            // One statement: a check-out first marks the standing one superseded (audited), then the record goes in.
            // The
            // insert reads the count of replaced rows, so the update is done before it. A request id already stored
            // changes nothing: the update skips it, the insert does nothing; and if one arrives at the same moment, the
            // update finds the row it would replace already replaced, and the insert meets the stored id.
            int inserted = jdbc.sql(TenantSql.in(
                            tenant,
                            "with replaced as (update {attendance_check_in} set superseded = true"
                                    + " where ? and employee_id = ? and work_date = ? and kind = 'OUT' and not superseded"
                                    + " and not exists (select 1 from {attendance_check_in} where client_request_id = ?)"
                                    + " returning id),"
                                    + " audited as (insert into {audit_event} (actor, action, target, after_state)"
                                    + " select ?, 'attendance.checkout-replaced', ?, jsonb_build_object('capturedAt', ?::text)"
                                    + " where exists (select 1 from replaced))"
                                    + " insert into {attendance_check_in} (id, client_request_id, employee_id, work_date,"
                                    + " kind, work_mode, recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, office_id,"
                                    + " distance_metres, minutes_late, minutes_early, mock_location, device_id, flags)"
                                    + " select ?, ?, ?, ?, ?, ?, ?, ?, ?, round(?::numeric, 5), round(?::numeric, 5), ?, ?, ?, ?, ?, ?, ?, ?::text[]"
                                    + " from (select count(*) from replaced) done"
                                    + " on conflict (client_request_id) do nothing"))
                    // As a list: some values are null (no fix, no device id), which params(Object...) does not take.
                    .params(Arrays.asList(
                            out,
                            record.employeeId(),
                            record.workDate(),
                            record.clientRequestId(),
                            username,
                            record.workDate().toString(),
                            record.capturedAt().toString(),
                            record.id(),
                            record.clientRequestId(),
                            record.employeeId(),
                            record.workDate(),
                            record.kind().name(),
                            record.workMode(),
                            java.sql.Timestamp.from(record.recordedAt()),
                            java.sql.Timestamp.from(record.capturedAt()),
                            record.offline(),
                            LocationEvidence.decimal(request.latitude()),
                            LocationEvidence.decimal(request.longitude()),
                            LocationEvidence.metres(request.accuracy()),
                            record.officeId(),
                            record.distanceMetres(),
                            record.minutesLate(),
                            record.minutesEarly(),
                            Boolean.TRUE.equals(request.mockLocation()),
                            request.deviceId(),
                            LocationFlag.column(record.flags())))
                    .update();
            return inserted == 0 ? null : record;
        } catch (DuplicateKeyException e) {
            // The same request sent twice at once: the other one's row can meet this one on the day's one-check-in or
            // one-check-out index before the request id's (a key the insert does not arbitrate). Then it is a repeat,
            // not a rival, and the caller answers with the stored record.
            if (find(tenant, record.clientRequestId()).isPresent()) {
                return null;
            }
            if (record.kind() == CheckInRequest.Kind.OUT) {
                throw Problem.conflict(
                        "concurrent-check-out",
                        "Check-out at the same moment",
                        "Another check-out of yours"
                                + " was recorded at the same moment; refresh and try again if it is not the one you meant.");
            }
            CheckIn first = jdbc.sql(TenantSql.in(
                            tenant,
                            "select " + COLUMNS + " from {attendance_check_in}"
                                    + " where employee_id = ? and work_date = ? and kind = 'IN'"))
                    .param(record.employeeId())
                    .param(record.workDate())
                    .query(CheckIns::map)
                    .single();
            LocalTime at = first.capturedAt()
                    .atZone(registry.require(tenant).timeZone().zone())
                    .toLocalTime()
                    .truncatedTo(ChronoUnit.MINUTES);
            throw Problem.conflict(
                            "already-checked-in",
                            "Already checked in",
                            "You already checked in on " + record.workDate() + " (at " + first.capturedAt()
                                    + "); one check-in a day. Nothing was recorded.")
                    .values(record.workDate().toString(), at.toString());
        }
    }

    /**
     * The caller as an active employee, the record an earlier submission of this request id made (if any), whether they
     * checked in on the date, their location history (for {@link LocationEvidence}), the employee as the FWA answer needs
     * them, and their approved absences on the date.
     */
    private record Submitter(
            UUID id,
            UUID unitId,
            boolean checkedIn,
            @Nullable CheckIn earlier,
            LocationEvidence.History history,
            WorkModes.Employee asFwaSees,
            List<ApprovedAbsences.Absence> absences) {}

    /**
     * One statement for all of it: every check-in asks it, and much of the cost of a check-in is its round trips. A row
     * per approved absence on the date (almost always one row, with none).
     */
    private Submitter submitter(
            TenantCode tenant, String username, CheckInRequest request, Instant captured, LocalDate date) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(date);
        parameters.addAll(LocationEvidence.columnParameters(request, captured));
        parameters.add(request.clientRequestId());
        parameters.add(LocationEvidence.joinParameter(captured));
        parameters.addAll(List.of(date, date, username));
        List<Submitter> rows = jdbc.sql(TenantSql.in(
                        tenant,
                        "select e.id as submitter_id, e.unit_id as submitter_unit_id,"
                                + " exists (select 1 from {attendance_check_in} i where i.employee_id = e.id and i.work_date = ? and i.kind = 'IN')"
                                + " as submitter_checked_in, " + EARLIER_COLUMNS + ", "
                                + LocationEvidence.COLUMNS + ", " + WorkModes.EMPLOYEE_COLUMNS + ", "
                                + AbsenceRecords.APPROVED_COLUMNS
                                + " from {employee} e left join {attendance_check_in} c on c.client_request_id = ?"
                                + LocationEvidence.JOIN
                                + " left join {attendance_absence} a on a.employee_id = e.id and a.status = 'APPROVED'"
                                + " and a.from_date <= ? and a.to_date >= ?"
                                + " where e.username = ? and e.status <> 'RETIRED'"))
                .params(parameters)
                .query((rs, n) -> new Submitter(
                        rs.getObject("submitter_id", UUID.class),
                        rs.getObject("submitter_unit_id", UUID.class),
                        rs.getBoolean("submitter_checked_in"),
                        rs.getObject("earlier_id") == null ? null : map(rs, "earlier_"),
                        LocationEvidence.read(rs),
                        WorkModes.employee(rs),
                        Stream.ofNullable(AbsenceRecords.approved(rs)).toList()))
                .list();
        if (rows.isEmpty()) {
            throw Problem.forbidden(
                    "not-an-employee",
                    "Not an employee",
                    "Your account is not an active employee of this pemda. Ask BKD.");
        }
        Submitter first = rows.get(0);
        return rows.size() == 1
                ? first
                : new Submitter(
                        first.id(),
                        first.unitId(),
                        first.checkedIn(),
                        first.earlier(),
                        first.history(),
                        first.asFwaSees(),
                        rows.stream().flatMap(row -> row.absences().stream()).toList());
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

    static final String COLUMNS =
            "id, client_request_id, employee_id, work_date, kind, work_mode, recorded_at, captured_at,"
                    + " offline, office_id, distance_metres, minutes_late, minutes_early, flags";

    /**
     * {@link #COLUMNS} of a check-in aliased {@code c}, named {@code earlier_*}: in the submitter's statement each part is
     * read by its names (the other modules' parts too), not by where it stands.
     */
    private static final String EARLIER_COLUMNS = COLUMNS.replaceAll("(\\w+)", "c.$1 as earlier_$1");

    /** The employee's standing check-in and check-out of a date (a replaced check-out is left out). */
    public List<CheckIn> on(UUID employeeId, LocalDate date) {
        return jdbc.sql(TenantSql.of("select " + COLUMNS + " from {attendance_check_in}"
                        + " where employee_id = ? and work_date = ? and not superseded order by kind"))
                .param(employeeId)
                .param(date)
                .query(CheckIns::map)
                .list();
    }

    Optional<CheckIn> find(TenantCode tenant, String clientRequestId) {
        return jdbc.sql(TenantSql.in(
                        tenant, "select " + COLUMNS + " from {attendance_check_in} where client_request_id = ?"))
                .param(clientRequestId)
                .query(CheckIns::map)
                .optional();
    }

    private static CheckIn map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return map(rs, "");
    }

    /** The record in {@link #COLUMNS}, each named with {@code prefix}. */
    private static CheckIn map(java.sql.ResultSet rs, String prefix) throws java.sql.SQLException {
        return new CheckIn(
                rs.getObject(prefix + "id", UUID.class),
                rs.getString(prefix + "client_request_id"),
                rs.getObject(prefix + "employee_id", UUID.class),
                rs.getObject(prefix + "work_date", LocalDate.class),
                CheckInRequest.Kind.valueOf(rs.getString(prefix + "kind")),
                rs.getString(prefix + "work_mode"),
                rs.getTimestamp(prefix + "recorded_at").toInstant(),
                rs.getTimestamp(prefix + "captured_at").toInstant(),
                rs.getBoolean(prefix + "offline"),
                rs.getObject(prefix + "office_id", UUID.class),
                (Integer) rs.getObject(prefix + "distance_metres"),
                rs.getInt(prefix + "minutes_late"),
                rs.getInt(prefix + "minutes_early"),
                LocationFlag.read(rs.getArray(prefix + "flags")));
    }
}
