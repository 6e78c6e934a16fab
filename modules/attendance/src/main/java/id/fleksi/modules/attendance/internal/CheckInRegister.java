package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.LocationFlag;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The stored check-ins and check-outs: a judged record written in one statement, and read back. */
@Component
public class CheckInRegister {

    private final JdbcClient jdbc;
    private final TenantRegistry registry;

    CheckInRegister(JdbcClient jdbc, TenantRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    /**
     * Stores a judged record, with the request's location evidence; null when the same request id was stored already
     * (by an earlier submission, or one arriving at the same moment).
     */
    public @Nullable CheckIn store(TenantCode tenant, CheckIn record, CheckInRequest request, String username) {
        boolean out = record.kind() == CheckInRequest.Kind.OUT;
        try {
            // One statement: a check-out first marks the standing one superseded (audited), then the record goes in.
            // The insert reads the count of replaced rows, so the update is done before it. A request id already stored
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
                    .query(CheckInRegister::map)
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

    static final String COLUMNS =
            "id, client_request_id, employee_id, work_date, kind, work_mode, recorded_at, captured_at,"
                    + " offline, office_id, distance_metres, minutes_late, minutes_early, flags";

    /**
     * {@link #COLUMNS} of a check-in aliased {@code c}, named {@code earlier_*}: in the submitter's statement each part is
     * read by its names (the other modules' parts too), not by where it stands.
     */
    public static final String EARLIER_COLUMNS = COLUMNS.replaceAll("(\\w+)", "c.$1 as earlier_$1");

    /** The employee's standing check-in and check-out of a date (a replaced check-out is left out). */
    public List<CheckIn> on(UUID employeeId, LocalDate date) {
        return jdbc.sql(TenantSql.of("select " + COLUMNS + " from {attendance_check_in}"
                        + " where employee_id = ? and work_date = ? and not superseded order by kind"))
                .param(employeeId)
                .param(date)
                .query(CheckInRegister::map)
                .list();
    }

    public Optional<CheckIn> find(TenantCode tenant, String clientRequestId) {
        return jdbc.sql(TenantSql.in(
                        tenant, "select " + COLUMNS + " from {attendance_check_in} where client_request_id = ?"))
                .param(clientRequestId)
                .query(CheckInRegister::map)
                .optional();
    }

    private static CheckIn map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return map(rs, "");
    }

    /** The record in {@link #COLUMNS}, each named with {@code prefix}. */
    public static CheckIn map(java.sql.ResultSet rs, String prefix) throws java.sql.SQLException {
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
