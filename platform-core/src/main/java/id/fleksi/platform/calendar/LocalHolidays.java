package id.fleksi.platform.calendar;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The holidays of a year: the nation's (platform data, read only here) and the pemda's own, which its admin keeps. */
@Service
public class LocalHolidays {

    /** A holiday of the pemda, for everyone ({@code unitId} null) or one unit and its sub-units. */
    public record Holiday(UUID id, LocalDate date, String name, UUID unitId) {}

    /** A national holiday or cuti bersama ({@code kind} NATIONAL_HOLIDAY or CUTI_BERSAMA). */
    public record NationalHoliday(LocalDate date, String kind, String name) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TenantCache cache;

    public LocalHolidays(JdbcClient jdbc, AuditLog audit, TenantCache cache) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.cache = cache;
    }

    public List<Holiday> of(int year) {
        return jdbc.sql(
                        TenantSql.of(
                                "select id, date, name, unit_id from {local_holiday} where date between ? and ? order by date, name"))
                .param(LocalDate.of(year, 1, 1))
                .param(LocalDate.of(year, 12, 31))
                .query((rs, n) -> new Holiday(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class)))
                .list();
    }

    public List<NationalHoliday> national(int year) {
        return jdbc.sql(
                        "select date, kind, name from platform.national_holiday where date between ? and ? order by date")
                .param(LocalDate.of(year, 1, 1))
                .param(LocalDate.of(year, 12, 31))
                .query((rs, n) ->
                        new NationalHoliday(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)))
                .list();
    }

    public Holiday add(LocalDate date, String name, UUID unitId, String actor) {
        if (date == null || name == null || name.isBlank() || name.strip().length() > 200) {
            throw Problem.badRequest(
                    "invalid-holiday", "Invalid holiday", "date, name: a date and a name of 1 to 200 characters");
        }
        if (unitId != null
                && jdbc.sql(TenantSql.of("select count(*) from {org_unit} where id = ?"))
                                .param(unitId)
                                .query(Integer.class)
                                .single()
                        == 0) {
            throw Problem.badRequest("unknown-unit", "Unknown unit", "unitId: no unit " + unitId + " in this tenant");
        }
        Holiday holiday = new Holiday(UUID.randomUUID(), date, name.strip(), unitId);
        jdbc.sql(TenantSql.of("insert into {local_holiday} (id, date, name, unit_id) values (?, ?, ?, ?)"))
                .param(holiday.id())
                .param(date)
                .param(holiday.name())
                .param(unitId)
                .update();
        audit.record(
                TenantContext.require(),
                actor,
                "calendar.holiday",
                date.toString(),
                null,
                Map.of("name", holiday.name()));
        cache.forget(TenantContext.require());
        return holiday;
    }

    public void remove(UUID id, String actor) {
        Holiday holiday = jdbc.sql(TenantSql.of("select id, date, name, unit_id from {local_holiday} where id = ?"))
                .param(id)
                .query((rs, n) -> new Holiday(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getString(3),
                        rs.getObject(4, UUID.class)))
                .optional()
                .orElseThrow(() -> Problem.notFound(
                        "unknown-holiday", "Unknown holiday", "There is no local holiday " + id + " in this tenant."));
        jdbc.sql(TenantSql.of("delete from {local_holiday} where id = ?"))
                .param(id)
                .update();
        audit.record(
                TenantContext.require(),
                actor,
                "calendar.holiday-removed",
                holiday.date().toString(),
                Map.of("name", holiday.name()),
                null);
        cache.forget(TenantContext.require());
    }
}
