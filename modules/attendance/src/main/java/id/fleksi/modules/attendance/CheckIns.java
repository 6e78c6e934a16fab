package id.fleksi.modules.attendance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import id.fleksi.modules.fwa.DayAnswer;
import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.organisation.GeoPoint;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.web.Problem;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes check-ins and check-outs. The server clock is authoritative; a capture queued offline is judged by
 * its capture time, within the tenant's window. A repeated client request id returns the first record.
 */
@Service
public class CheckIns {

    /** Phones' clocks drift; a capture this far ahead of the server is still believed. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final ModuleSwitches switches;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final id.fleksi.platform.tenancy.TenantRegistry registry;
    private final LocationEvidence evidence;
    private final WorkModes workModes;
    private final Employees employees;
    private final List<CheckOutGuard> guards;

    public CheckIns(JdbcClient jdbc, ModuleSwitches switches, AuditLog audit,
            TransactionTemplate transactions, Clock clock, id.fleksi.platform.tenancy.TenantRegistry registry,
            LocationEvidence evidence, WorkModes workModes, Employees employees, List<CheckOutGuard> guards) {
        this.guards = guards;
        this.employees = employees;
        this.workModes = workModes;
        this.registry = registry;
        this.evidence = evidence;
        this.jdbc = jdbc;
        this.switches = switches;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Office(UUID id, String name, Geofence fence) {
    }

    /** The record, and whether this submission made it (false: a repeat of an earlier one). */
    public record Submitted(CheckIn record, boolean created) {
    }

    /** Records a check-in or check-out of the employee with this username, in the current tenant. */
    public Submitted submit(String username, CheckInRequest request) {
        TenantCode tenant = TenantContext.require();
        String schema = tenant.schemaName();
        Employee employee = employees.requireActive(username);
        UUID employeeId = employee.id();
        Optional<CheckIn> earlier = find(schema, request.clientRequestId());
        if (earlier.isPresent()) {
            return new Submitted(sameEmployee(earlier.get(), employeeId), false);
        }
        Instant now = clock.instant();
        Instant captured = request.capturedAt() == null ? now : request.capturedAt().toInstant();
        Map<String, Object> settings = switches.settings(tenant, AttendanceModule.ID);
        check(now, captured, ((Number) settings.get(AttendanceModule.OFFLINE_WINDOW_HOURS)).intValue());
        ZonedDateTime local = captured.atZone(registry.find(tenant).orElseThrow().timeZone().zone());
        GeoPoint fix = new GeoPoint(request.latitude(), request.longitude());
        // The FWA engine's one answer, calendar included: WFA or dinas luar may check in anywhere; otherwise at an office on a
        // working day. Hours and lateness follow the same answer.
        DayAnswer answer = workModes.answer(employeeId, local.toLocalDate());
        boolean workingDay = answer.mode() != WorkMode.HOLIDAY;
        boolean wfa = answer.anywhere();
        if (workingDay && !answer.end().isBefore(answer.start())) {   // an overnight shift keeps its own hours
            requireWindow(request.kind(), local, settings);
        }
        Office office = null;
        Integer distance = null;
        if (!wfa && workingDay) {
            List<Office> offices = offices(schema, employee.unitId());
            if (offices.isEmpty()) {
                throw Problem.conflict("no-office", "No office", "Your unit has no office with a geofence yet; ask your"
                        + " tenant admin to add one. Nothing was recorded.");
            }
            office = offices.stream().min(Comparator.comparingDouble(o -> o.fence().centre().metresTo(fix))).orElseThrow();
            distance = (int) Math.round(office.fence().centre().metresTo(fix));
            if (!office.fence().admits(fix, request.accuracy())) {
                throw Problem.unprocessable("outside-geofence", "Outside the office",
                        "You are " + distance + " m from " + office.name() + " (its area reaches " + (int) office.fence().radiusMetres()
                                + " m; your phone's accuracy is " + Math.round(request.accuracy()) + " m). Today is an office day:"
                                + " check in from the office. Nothing was recorded.").with("distanceMetres", distance);
            }
        }
        int tolerance = ((Number) settings.get(AttendanceModule.LATENESS_TOLERANCE_MINUTES)).intValue();
        int late = 0;
        int early = 0;
        if (workingDay) {
            LocalTime at = local.toLocalTime();
            if (request.kind() == CheckInRequest.Kind.IN) {
                // With flexible hours the policy's start window decides; otherwise the schedule's start.
                late = (int) Math.max(0, Duration.between(answer.latestStart().plusMinutes(tolerance), at).toMinutes());
            } else if (!answer.end().isBefore(answer.start())) {   // an overnight shift's end falls on the next date
                early = (int) Math.max(0, Duration.between(at, answer.end()).toMinutes());
            }
        }
        CheckIn record = new CheckIn(UUID.randomUUID(), request.clientRequestId(), employeeId, local.toLocalDate(), request.kind(),
                answer.mode() == WorkMode.DINAS_LUAR ? "DL" : wfa ? "WFA" : "WFO", now, captured, request.capturedAt() != null && captured.isBefore(now.minus(Duration.ofMinutes(1))),
                office == null ? null : office.id(), distance, late, early, evidence.judge(schema, employeeId, request, captured));
        CheckIn stored = store(tenant, record, request, username, workingDay);
        // Null: the same request arrived twice at once and the other one stored it.
        return stored != null ? new Submitted(stored, true)
                : new Submitted(sameEmployee(find(schema, request.clientRequestId()).orElseThrow(), employeeId), false);
    }

    private CheckIn store(TenantCode tenant, CheckIn record, CheckInRequest request, String username, boolean workingDay) {
        String schema = tenant.schemaName();
        try {
            return transactions.execute(tx -> {
                if (record.kind() == CheckInRequest.Kind.OUT) {
                    int checkedIn = jdbc.sql("select count(*) from " + schema + ".attendance_check_in where employee_id = ? and work_date = ? and kind = 'IN'")
                            .param(record.employeeId()).param(record.workDate()).query(Integer.class).single();
                    if (checkedIn == 0) {
                        throw Problem.conflict("not-checked-in", "Not checked in", "You have not checked in on "
                                + record.workDate() + "; check in before checking out. Nothing was recorded.");
                    }
                    guards.forEach(guard -> guard.beforeCheckOut(tenant, record.employeeId(), record.workDate(), workingDay));
                    int replaced = jdbc.sql("update " + schema + ".attendance_check_in set superseded = true where employee_id = ?"
                                    + " and work_date = ? and kind = 'OUT' and not superseded")
                            .param(record.employeeId()).param(record.workDate()).update();
                    if (replaced > 0) {
                        audit.record(tenant, username, "attendance.checkout-replaced", record.workDate().toString(), null,
                                Map.of("capturedAt", record.capturedAt().toString()));
                    }
                }
                int inserted = jdbc.sql("insert into " + schema + ".attendance_check_in (id, client_request_id, employee_id, work_date,"
                                + " kind, work_mode, recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, office_id,"
                                + " distance_metres, minutes_late, minutes_early, mock_location, device_id, flags)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, round(?::numeric, 5), round(?::numeric, 5), ?, ?, ?, ?, ?, ?, ?, ?)"
                                + " on conflict (client_request_id) do nothing")
                        .params(record.id(), record.clientRequestId(), record.employeeId(), record.workDate(), record.kind().name(),
                                record.workMode(), java.sql.Timestamp.from(record.recordedAt()), java.sql.Timestamp.from(record.capturedAt()),
                                record.offline(), request.latitude(), request.longitude(), (int) Math.round(request.accuracy()),
                                record.officeId(), record.distanceMetres(), record.minutesLate(), record.minutesEarly(),
                                Boolean.TRUE.equals(request.mockLocation()), request.deviceId(), flagsColumn(record.flags()))
                        .update();
                if (inserted == 0) {
                    tx.setRollbackOnly();
                }
                return inserted == 0 ? null : record;
            });
        } catch (DuplicateKeyException e) {
            if (record.kind() == CheckInRequest.Kind.OUT) {
                throw Problem.conflict("concurrent-check-out", "Check-out at the same moment", "Another check-out of yours"
                        + " was recorded at the same moment; refresh and try again if it is not the one you meant.");
            }
            CheckIn first = jdbc.sql("select " + COLUMNS + " from " + schema + ".attendance_check_in where employee_id = ? and work_date = ? and kind = 'IN'")
                    .param(record.employeeId()).param(record.workDate()).query(CheckIns::map).single();
            throw Problem.conflict("already-checked-in", "Already checked in", "You already checked in on " + record.workDate()
                    + " (at " + first.capturedAt() + "); one check-in a day. Nothing was recorded.");
        }
    }

    /**
     * The tenant's check-in and check-out windows (e.g. 06:00-12:00 and 14:00-18:00), judged by the capture time; a
     * window whose end comes before its start runs past midnight.
     */
    private static void requireWindow(CheckInRequest.Kind kind, ZonedDateTime local, Map<String, Object> settings) {
        String[] window = ((String) settings.get(kind == CheckInRequest.Kind.IN ? AttendanceModule.CHECK_IN_WINDOW
                : AttendanceModule.CHECK_OUT_WINDOW)).split("-");
        LocalTime from = LocalTime.parse(window[0]);
        LocalTime to = LocalTime.parse(window[1]);
        LocalTime at = local.toLocalTime().withSecond(0).withNano(0);
        boolean open = from.isAfter(to) ? !at.isBefore(from) || !at.isAfter(to) : !at.isBefore(from) && !at.isAfter(to);
        if (!open) {
            String what = kind == CheckInRequest.Kind.IN ? "Check-in" : "Check-out";
            throw Problem.unprocessable("outside-window", what + " is closed", what + " is open " + from + "-" + to
                    + " on working days; it was " + at + ". Ask your supervisor to record an absence if you could not. Nothing was recorded.")
                    .with("window", from + "-" + to);
        }
    }

    private void check(Instant now, Instant captured, int windowHours) {
        if (captured.isAfter(now.plus(CLOCK_SKEW))) {
            throw Problem.badRequest("captured-in-future", "Capture time in the future", "capturedAt: " + captured
                    + " is after the server's time " + now + "; check the phone's clock. Nothing was recorded.");
        }
        if (captured.isBefore(now.minus(Duration.ofHours(windowHours)))) {
            throw Problem.unprocessable("capture-too-old", "Captured too long ago", "capturedAt: captured "
                    + Duration.between(captured, now).toHours() + " hours ago; offline check-ins are accepted for " + windowHours
                    + " hours. Ask your supervisor to record an absence instead. Nothing was recorded.");
        }
    }

    /** The offices of the unit and of the units above it: where its staff check in on an office day. */
    List<Office> offices(String schema, UUID unit) {
        return jdbc.sql("with recursive chain(id, parent_id) as (select id, parent_id from " + schema + ".org_unit where id = ?"
                        + " union all select u.id, u.parent_id from " + schema + ".org_unit u join chain c on u.id = c.parent_id)"
                        + " select distinct o.id, o.name, o.latitude, o.longitude, o.radius_metres from " + schema + ".office o join "
                        + schema + ".office_unit ou on ou.office_id = o.id where ou.unit_id in (select id from chain)")
                .param(unit)
                .query((rs, n) -> new Office(rs.getObject(1, UUID.class), rs.getString(2),
                        new Geofence(new GeoPoint(rs.getDouble(3), rs.getDouble(4)), rs.getInt(5))))
                .list();
    }

    private static CheckIn sameEmployee(CheckIn earlier, UUID employeeId) {
        if (!earlier.employeeId().equals(employeeId)) {
            throw Problem.conflict("request-id-taken", "Request id already used", "clientRequestId: another employee's"
                    + " submission already used this id; the phone must make a new one for each press.");
        }
        return earlier;
    }

    static final String COLUMNS = "id, client_request_id, employee_id, work_date, kind, work_mode, recorded_at, captured_at,"
            + " offline, office_id, distance_metres, minutes_late, minutes_early, flags";

    static String flagsColumn(java.util.Set<LocationFlag> flags) {
        return String.join(",", flags.stream().map(Enum::name).sorted().toList());
    }

    static java.util.Set<LocationFlag> flags(String column) {
        java.util.Set<LocationFlag> flags = java.util.EnumSet.noneOf(LocationFlag.class);
        for (String flag : column.split(",")) {
            if (!flag.isBlank()) {
                flags.add(LocationFlag.valueOf(flag));
            }
        }
        return flags;
    }

    /** The employee's standing check-in and check-out of a date (a replaced check-out is left out). */
    List<CheckIn> on(UUID employeeId, LocalDate date) {
        return jdbc.sql("select " + COLUMNS + " from " + TenantContext.require().schemaName() + ".attendance_check_in"
                        + " where employee_id = ? and work_date = ? and not superseded order by kind")
                .param(employeeId).param(date).query(CheckIns::map).list();
    }

    Optional<CheckIn> find(String schema, String clientRequestId) {
        return jdbc.sql("select " + COLUMNS + " from " + schema + ".attendance_check_in where client_request_id = ?")
                .param(clientRequestId).query(CheckIns::map).optional();
    }

    private static CheckIn map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CheckIn(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, LocalDate.class), CheckInRequest.Kind.valueOf(rs.getString(5)), rs.getString(6),
                rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(), rs.getBoolean(9), rs.getObject(10, UUID.class),
                (Integer) rs.getObject(11), rs.getInt(12), rs.getInt(13), flags(rs.getString(14)));
    }
}
