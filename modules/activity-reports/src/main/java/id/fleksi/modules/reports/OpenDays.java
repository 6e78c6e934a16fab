package id.fleksi.modules.reports;

import id.fleksi.modules.reports.internal.ReportDeadline;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.closing.OpenPeriods;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A report day opened for its author's change while it is open, or the reason it cannot change. */
@Component
class OpenDays {

    /** A moment as the person reads it, in their time zone: 2026-12-01 10:00. */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final ReportDeadline deadline;
    private final AuditLog audit;
    private final Clock clock;
    private final OpenPeriods periods;

    OpenDays(
            JdbcClient jdbc,
            WorkingCalendar calendar,
            ReportDeadline deadline,
            AuditLog audit,
            Clock clock,
            OpenPeriods periods) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.deadline = deadline;
        this.audit = audit;
        this.clock = clock;
        this.periods = periods;
    }

    /**
     * Opens the day for a change to one of its activities, refused for an activity the supervisor approved.
     * Call inside a transaction.
     */
    UUID forChange(Employee employee, LocalDate date, UUID activityId) {
        boolean approved = jdbc.sql(TenantSql.of("select approved_at is not null from {report_activity} where id = ?"))
                .param(activityId)
                .query(Boolean.class)
                .single();
        if (approved) {
            throw Problem.conflict(
                            "activity-approved",
                            "Already approved",
                            "This activity of " + date + " was approved and can"
                                    + " no longer be changed; add what is missing as a new activity. Nothing was saved.")
                    .values(date.toString());
        }
        return forEdit(employee, date);
    }

    /**
     * Locks the day's report row (making it if needed) for a change by its author, or says why it cannot change.
     * A returned or approved report that is changed goes back to the supervisor (approved activities stay approved).
     * Call inside a transaction.
     */
    UUID forEdit(Employee employee, LocalDate date) {
        LocalDate today = clock.instant().atZone(zone(employee, date)).toLocalDate();
        if (date.isAfter(today)) {
            throw Problem.badRequest(
                            "report-in-future",
                            "Not yet",
                            "date: " + date + " has not come yet; report what was"
                                    + " done once it is done. Nothing was saved.")
                    .values(date.toString());
        }
        periods.requireOpen(TenantContext.require(), employee.id(), date, OpenPeriods.Change.REPORT);
        jdbc.sql(TenantSql.of(
                        "insert into {report_day} (id, employee_id, work_date, status) values (?, ?, ?, 'PENDING')"
                                + " on conflict (employee_id, work_date) do nothing"))
                .params(UUID.randomUUID(), employee.id(), date)
                .update();
        Object[] row = jdbc.sql(
                        TenantSql.of("select id, status, returned_at from {report_day} where employee_id = ? and"
                                + " work_date = ? for update"))
                .params(employee.id(), date)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3)})
                .single();
        ReportDay.Status status = ReportDay.Status.valueOf((String) row[1]);
        LocalDate from = row[2] == null
                ? date
                : ((Timestamp) row[2]).toInstant().atZone(zone(employee, date)).toLocalDate();
        Instant closes = deadline.between(from, from).after(employee.unitId(), from);
        if (clock.instant().isAfter(closes)) {
            throw Problem.conflict(
                            "report-locked",
                            "Report closed",
                            "The report for " + date + " closed at " + closes
                                    + "; ask your supervisor if something is missing. Nothing was saved.")
                    .with("deadline", closes.toString())
                    .values(date.toString(), LOCAL_TIME.format(closes.atZone(zone(employee, date))));
        }
        if (status == ReportDay.Status.RETURNED) {
            jdbc.sql(TenantSql.of("update {report_day} set status = 'PENDING' where id = ?"))
                    .param(row[0])
                    .update();
        } else if (status == ReportDay.Status.APPROVED) {
            jdbc.sql(TenantSql.of("update {report_day} set status = 'PENDING' where id = ?"))
                    .param(row[0])
                    .update();
            audit.record(
                    TenantContext.require(),
                    employee.username(),
                    "report.reopened",
                    row[0].toString(),
                    Map.of("status", "APPROVED"),
                    Map.of("status", "PENDING"));
        }
        return (UUID) row[0];
    }

    private java.time.ZoneId zone(Employee employee, LocalDate date) {
        return calendar.of(employee.unitId(), date).zone();
    }
}
