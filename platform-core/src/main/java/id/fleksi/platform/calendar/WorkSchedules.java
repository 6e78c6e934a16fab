package id.fleksi.platform.calendar;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant's own weekly hours (for everyone, or a unit and its sub-units) and Ramadan hours between two dates, as the
 * admin's page keeps them. A unit has one set of regular hours: setting them again replaces the old ones, so the
 * calendar never has two to choose from. Shift rotations stay with the API.
 */
@Service
public class WorkSchedules {

    /** A stored schedule: {@code week} null for a shift rotation. */
    public record Stored(
            UUID id,
            @Nullable UUID unitId,
            WorkingCalendar.ScheduleKind kind,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validTo,
            @Nullable WeekSchedule week) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TenantCache cache;
    private final TransactionTemplate transactions;

    public WorkSchedules(JdbcClient jdbc, AuditLog audit, TenantCache cache, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cache = cache;
        this.transactions = transactions;
    }

    /** Every schedule: regular hours first, then Ramadan periods by date. */
    public List<Stored> list() {
        return jdbc.sql(TenantSql.of("select id, unit_id, kind, valid_from, valid_to, days::text from {work_schedule}"
                        + " order by kind desc, valid_from nulls first"))
                .query((rs, n) -> {
                    WorkingCalendar.ScheduleKind kind = WorkingCalendar.ScheduleKind.valueOf(rs.getString(3));
                    return new Stored(
                            rs.getObject(1, UUID.class),
                            rs.getObject(2, UUID.class),
                            kind,
                            rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class),
                            kind == WorkingCalendar.ScheduleKind.SHIFT ? null : StoredDays.week(rs.getString(6)));
                })
                .list();
    }

    /** Sets the regular weekly hours of the tenant ({@code unitId} null) or a unit, replacing the ones it had. */
    public void setRegular(@Nullable UUID unitId, Map<DayOfWeek, DayHours> days, String actor) {
        requireDays(days);
        transactions.executeWithoutResult(tx -> {
            requireUnit(unitId);
            jdbc.sql(TenantSql.of(
                            "delete from {work_schedule} where kind = 'REGULAR' and unit_id is not distinct from ?"))
                    .param(unitId)
                    .update();
            insert(unitId, WorkingCalendar.ScheduleKind.REGULAR, null, null, days);
            audit.record(
                    TenantContext.require(),
                    actor,
                    "calendar.schedule",
                    unitId == null ? "tenant" : unitId.toString(),
                    null,
                    Map.of("kind", "REGULAR", "days", StoredDays.json(new WeekSchedule(days))));
        });
        cache.forget(TenantContext.require());
    }

    /** Adds Ramadan hours for the tenant or a unit between two dates. */
    public void addRamadan(
            @Nullable UUID unitId,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            Map<DayOfWeek, DayHours> days,
            String actor) {
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusDays(40))) {
            throw Problem.badRequest(
                            "invalid-schedule",
                            "Invalid schedule",
                            "validFrom, validTo: Ramadan hours need both dates, in order, at most 41 days apart")
                    .variant("ramadan");
        }
        requireDays(days);
        transactions.executeWithoutResult(tx -> {
            requireUnit(unitId);
            insert(unitId, WorkingCalendar.ScheduleKind.RAMADAN, from, to, days);
            audit.record(
                    TenantContext.require(),
                    actor,
                    "calendar.schedule",
                    unitId == null ? "tenant" : unitId.toString(),
                    null,
                    Map.of("kind", "RAMADAN", "validFrom", from.toString(), "validTo", to.toString()));
        });
        cache.forget(TenantContext.require());
    }

    /** Removes a schedule: the unit goes back to its parent's hours, or the Perpres 21/2023 week. */
    public void remove(UUID id, String actor) {
        Stored stored = list().stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> Problem.notFound(
                        "unknown-schedule", "Unknown schedule", "There is no schedule " + id + " in this tenant."));
        jdbc.sql(TenantSql.of("delete from {work_schedule} where id = ?"))
                .param(id)
                .update();
        audit.record(
                TenantContext.require(),
                actor,
                "calendar.schedule-removed",
                stored.unitId() == null ? "tenant" : stored.unitId().toString(),
                Map.of("kind", stored.kind().name()),
                null);
        cache.forget(TenantContext.require());
    }

    private void insert(
            @Nullable UUID unitId,
            WorkingCalendar.ScheduleKind kind,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            Map<DayOfWeek, DayHours> days) {
        jdbc.sql(TenantSql.of(
                        "insert into {work_schedule} (id, unit_id, kind, valid_from, valid_to, days) values (?, ?, ?, ?, ?,"
                                + " cast(? as jsonb))"))
                .param(UUID.randomUUID())
                .param(unitId)
                .param(kind.name())
                .param(from)
                .param(to)
                .param(StoredDays.json(new WeekSchedule(days)))
                .update();
    }

    private static void requireDays(Map<DayOfWeek, DayHours> days) {
        if (days == null || days.isEmpty() || days.values().stream().anyMatch(Objects::isNull)) {
            throw Problem.badRequest("invalid-schedule", "Invalid schedule", "days: the hours of at least one weekday")
                    .variant("no-days");
        }
        for (Map.Entry<DayOfWeek, DayHours> day : days.entrySet()) {
            if (day.getValue().overnight()) {
                throw Problem.badRequest(
                                "invalid-schedule",
                                "Invalid schedule",
                                "days." + day.getKey() + ": ends at "
                                        + day.getValue().end() + ", before it starts at "
                                        + day.getValue().start() + ". Nothing was changed.")
                        .variant(
                                "overnight",
                                day.getKey()
                                        .getDisplayName(
                                                java.time.format.TextStyle.FULL,
                                                java.util.Locale.forLanguageTag("id")));
            }
        }
    }

    private void requireUnit(@Nullable UUID unitId) {
        if (unitId != null
                && jdbc.sql(TenantSql.of("select count(*) from {org_unit} where id = ?"))
                                .param(unitId)
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw Problem.badRequest("unknown-unit", "Unknown unit", "unitId: no unit " + unitId + " in this tenant");
        }
    }
}
