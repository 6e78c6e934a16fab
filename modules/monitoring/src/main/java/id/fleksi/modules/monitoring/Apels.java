package id.fleksi.modules.monitoring;

import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.modules.monitoring.internal.TodayFacts;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The virtual apel (Mamuju's Monday assembly): the tenant admin schedules it, every week on a weekday or once; during
 * its window staff confirm from their phones, judged by the check-in's rules of place (the office's geofence on an
 * office day, anywhere on a WFA or dinas luar day); the leader watches each OPD's share fill up, ranked; each OPD's head
 * adds a short report. What is kept per apel, day and OPD is what the evaluation reads.
 */
@Service
public class Apels {

    @Schema(name = "NewApel")
    public record NewApel(
            @Nullable String title,
            @Nullable String weekday,
            @Nullable LocalDate date,
            @Nullable String startsAt,
            @Nullable Integer windowMinutes,
            @Nullable Boolean countsInEvaluation) {}

    @Schema(name = "Apel")
    public record Apel(
            UUID id,
            String title,
            @Nullable String weekday,
            @Nullable LocalDate date,
            LocalTime startsAt,
            int windowMinutes,
            boolean countsInEvaluation) {

        boolean fallsOn(LocalDate day) {
            return date != null ? date.equals(day) : DayOfWeek.valueOf(weekday).equals(day.getDayOfWeek());
        }

        LocalTime closesAt() {
            return startsAt.plusMinutes(windowMinutes);
        }
    }

    /** A position as the phone sends it. */
    @Schema(name = "ApelPosition")
    public record Position(double latitude, double longitude, double accuracy) {}

    @Schema(name = "ApelConfirmation")
    public record Confirmation(UUID apel, LocalDate day, String workMode, Instant confirmedAt, boolean already) {}

    /** An OPD at an apel: who was expected today, who confirmed, the share, and its head's report. */
    @Schema(name = "ApelOpd")
    public record OpdStanding(
            String code,
            String name,
            int expected,
            int confirmed,
            int percent,
            @Nullable String report) {}

    @Schema(name = "ApelRanking")
    public record Ranking(
            Apel apel, LocalDate day, boolean open, int expected, int confirmed, List<OpdStanding> opds) {}

    private final JdbcClient jdbc;
    private final CheckIns checkIns;
    private final TodayPictures pictures;
    private final Clock clock;

    Apels(JdbcClient jdbc, CheckIns checkIns, TodayPictures pictures, Clock clock) {
        this.jdbc = jdbc;
        this.checkIns = checkIns;
        this.pictures = pictures;
        this.clock = clock;
    }

    /** Schedules an apel; the tenant admin only. Runs with the tenant set. */
    public Apel schedule(Tenant tenant, Caller caller, NewApel request) {
        if (!caller.hasRole(Role.TENANT_ADMIN)) {
            throw Problem.forbidden("apel-admin-only", "Not allowed", "Only the tenant admin schedules an apel.");
        }
        CheckedApel apel = CheckedApel.of(request, today(tenant));
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of("insert into {monitoring_apel} (id, title, weekday, on_date, starts_at, window_minutes,"
                        + " counts_in_evaluation, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                // As a list: a weekly apel has no date and a dated one no weekday, which params(Object...) does not
                // take.
                .params(Arrays.asList(
                        id,
                        apel.title(),
                        apel.weekday(),
                        apel.date(),
                        apel.startsAt(),
                        apel.windowMinutes(),
                        apel.countsInEvaluation(),
                        caller.username(),
                        Timestamp.from(clock.instant())))
                .update();
        return find(id);
    }

    /** The apels scheduled and still on, the weekly ones first. */
    public List<Apel> scheduled() {
        return jdbc.sql(TenantSql.of(SELECT + " where active order by on_date nulls first, starts_at"))
                .query((rs, n) -> apel(rs))
                .list();
    }

    /** Confirms the caller's presence at today's apel, inside its window and by the rules of place. */
    public Confirmation confirm(Tenant tenant, String username, UUID apelId, Position position) {
        Apel apel = find(apelId);
        ZonedDateTime now = clock.instant().atZone(tenant.timeZone().zone());
        LocalDate day = now.toLocalDate();
        if (!apel.fallsOn(day)) {
            throw Problem.conflict(
                            "apel-not-today",
                            "No apel today",
                            apel.title() + " is not held today. Nothing was recorded.")
                    .values(apel.title());
        }
        LocalTime at = now.toLocalTime();
        if (at.isBefore(apel.startsAt()) || at.isAfter(apel.closesAt())) {
            throw Problem.conflict(
                            "apel-closed",
                            "Outside the apel's window",
                            "Presence at " + apel.title() + " is confirmed from "
                                    + apel.startsAt() + " to " + apel.closesAt() + "; it is "
                                    + at.withNano(0).withSecond(0)
                                    + ". Nothing was recorded.")
                    .values(
                            apel.title(),
                            apel.startsAt(),
                            apel.closesAt(),
                            at.withNano(0).withSecond(0));
        }
        CheckIns.Whereabouts where =
                checkIns.whereabouts(username, position.latitude(), position.longitude(), position.accuracy());
        UUID employee = jdbc.sql(TenantSql.of("select id from {employee} where username = ?"))
                .param(username)
                .query(UUID.class)
                .single();
        Instant confirmed = clock.instant();
        int added = jdbc.sql(TenantSql.of(
                        "insert into {monitoring_apel_presence} (apel_id, day, employee_id, confirmed_at, work_mode,"
                                + " distance_metres) values (?, ?, ?, ?, ?, ?) on conflict do nothing"))
                .params(Arrays.asList(
                        apelId, day, employee, Timestamp.from(confirmed), where.workMode(), where.distanceMetres()))
                .update();
        if (added == 0) {
            confirmed = jdbc.sql(TenantSql.of(
                            "select confirmed_at from {monitoring_apel_presence} where apel_id = ? and day = ?"
                                    + " and employee_id = ?"))
                    .params(apelId, day, employee)
                    .query(Timestamp.class)
                    .single()
                    .toInstant();
        }
        return new Confirmation(apelId, day, where.workMode(), confirmed, added == 0);
    }

    /** Each OPD at the apel on that day, the fullest first: the expected are those for whom today is a working day. */
    public Ranking ranking(Tenant tenant, UUID apelId) {
        Apel apel = find(apelId);
        // Who is expected, from the live view's count of the day (shared, at most its interval old); presence now.
        TodayFacts.Day today = pictures.of(tenant, LiveView.INTERVAL).day();
        List<UUID> present = jdbc.sql(TenantSql.of(
                        "select employee_id from {monitoring_apel_presence} where apel_id = ? and day = ?"))
                .params(apelId, today.date())
                .query(UUID.class)
                .list();
        Map<UUID, String> reports = new HashMap<>();
        jdbc.sql(TenantSql.of("select unit_id, text from {monitoring_apel_report} where apel_id = ? and day = ?"))
                .params(apelId, today.date())
                .query(rs -> {
                    reports.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        List<OpdStanding> opds = ApelStandings.of(today, present, reports);
        LocalTime now = today.asOf().toLocalTime();
        boolean open = apel.fallsOn(today.date()) && !now.isBefore(apel.startsAt()) && !now.isAfter(apel.closesAt());
        return new Ranking(
                apel,
                today.date(),
                open,
                opds.stream().mapToInt(OpdStanding::expected).sum(),
                opds.stream().mapToInt(OpdStanding::confirmed).sum(),
                opds);
    }

    /** The head of an OPD adds (or replaces) its short report for today's apel. */
    public void report(Tenant tenant, Caller caller, UUID apelId, String opdCode, @Nullable String text) {
        find(apelId);
        String said = text == null ? "" : text.strip();
        if (said.isEmpty() || said.length() > 1000) {
            throw Problem.badRequest(
                    "apel-report-text", "Write the report", "text: 1 to 1000 characters. Nothing was saved.");
        }
        UUID unit = jdbc.sql(TenantSql.of("select u.id from {org_unit} u join {employee} e on e.id = u.head_employee_id"
                        + " where u.code = ? and u.parent_id is null and e.username = ?"))
                .params(opdCode, caller.username())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> Problem.forbidden(
                                "not-the-head",
                                "Not allowed",
                                "Only the head of " + opdCode + " adds its report to the apel.")
                        .values(opdCode));
        jdbc.sql(TenantSql.of(
                        "insert into {monitoring_apel_report} (apel_id, day, unit_id, text, reported_by, reported_at)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict (apel_id, day, unit_id) do update set text = excluded.text,"
                                + " reported_by = excluded.reported_by, reported_at = excluded.reported_at"))
                .params(apelId, today(tenant), unit, said, caller.username(), Timestamp.from(clock.instant()))
                .update();
    }

    public Apel find(UUID id) {
        return jdbc.sql(TenantSql.of(SELECT + " where id = ?"))
                .param(id)
                .query((rs, n) -> apel(rs))
                .optional()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-apel",
                                "No such apel",
                                "There is no apel " + id + " here. Open the list of apels again.")
                        .values(id.toString()));
    }

    private LocalDate today(Tenant tenant) {
        return clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
    }

    private static final String SELECT =
            "select id, title, weekday, on_date, starts_at, window_minutes, counts_in_evaluation"
                    + " from {monitoring_apel}";

    private static Apel apel(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Apel(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("weekday"),
                rs.getObject("on_date", LocalDate.class),
                rs.getObject("starts_at", LocalTime.class),
                rs.getInt("window_minutes"),
                rs.getBoolean("counts_in_evaluation"));
    }
}
