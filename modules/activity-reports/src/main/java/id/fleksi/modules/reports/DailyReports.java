package id.fleksi.modules.reports;

import id.fleksi.modules.reports.internal.ReportDeadline;
import id.fleksi.modules.reports.internal.ReportRows;
import id.fleksi.modules.reports.internal.SubmittedReport;
import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An employee's daily reports: reading them, and adding, changing and removing activities while the day is
 * open (before its deadline). An approval covers the activities it saw: they never change again, and an activity
 * added after it sends the day back to the supervisor. Every change is audited.
 */
@Service
public class DailyReports {

    private final JdbcClient jdbc;
    private final Employees employees;
    private final WorkingCalendar calendar;
    private final ReportDeadline deadline;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final OpenDays openDays;

    DailyReports(
            JdbcClient jdbc,
            Employees employees,
            WorkingCalendar calendar,
            ReportDeadline deadline,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock,
            ApplicationEventPublisher events,
            OpenDays openDays) {
        this.openDays = openDays;
        this.events = events;
        this.jdbc = jdbc;
        this.employees = employees;
        this.calendar = calendar;
        this.deadline = deadline;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The employee's reports, one per date (working or not), oldest first; at most 93 days. */
    public List<ReportDay> days(UUID employeeId, LocalDate from, LocalDate to) {
        DateRange.require(from, to, 93);
        Employee employee = employees.find(employeeId);
        WorkingCalendar.Snapshot working = calendar.snapshot(from, to);
        Map<LocalDate, SubmittedReport> stored = new LinkedHashMap<>();
        for (SubmittedReport day :
                ReportRows.days(jdbc, "d.employee_id = ? and d.work_date between ? and ?", employeeId, from, to)) {
            stored.put(day.date(), day);
        }
        java.time.ZoneId zone = working.of(employee.unitId(), from).zone();
        LocalDate last = stored.values().stream()
                .map(SubmittedReport::returnedAt)
                .filter(java.util.Objects::nonNull)
                .map(at -> at.atZone(zone).toLocalDate())
                .filter(to::isBefore)
                .max(LocalDate::compareTo)
                .orElse(to);
        ReportDeadline.Rule rule = deadline.between(from, last);
        Instant now = clock.instant();
        List<ReportDay> days = new ArrayList<>();
        for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
            boolean workingDay = working.of(employee.unitId(), date).isWorking();
            SubmittedReport day = stored.get(date);
            Instant returned = day == null ? null : day.returnedAt();
            Instant closes = rule.after(
                    employee.unitId(),
                    returned == null ? date : returned.atZone(zone).toLocalDate());
            boolean late = now.isAfter(closes);
            if (day == null) {
                days.add(new ReportDay(
                        null,
                        employeeId,
                        employee.name(),
                        date,
                        workingDay,
                        null,
                        workingDay && late,
                        closes,
                        late,
                        null,
                        null,
                        null,
                        List.of()));
            } else {
                boolean missing = workingDay && late && day.activities().isEmpty();
                days.add(new ReportDay(
                        day.id(),
                        employeeId,
                        employee.name(),
                        date,
                        workingDay,
                        day.status(),
                        day.nonCompliant() || missing,
                        closes,
                        late,
                        day.decidedBy(),
                        day.comment(),
                        returned,
                        day.activities()));
            }
        }
        return days;
    }

    public ReportDay day(UUID employeeId, LocalDate date) {
        return days(employeeId, date, date).get(0);
    }

    public ReportDay.Activity add(String username, LocalDate date, NewActivity activity) {
        Employee employee = employees.requireActive(username);
        return transactions.execute(tx -> {
            Optional<ReportDay.Activity> earlier = sentBefore(employee, activity.clientRequestId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            UUID dayId = openDays.forEdit(employee, date);
            checkTarget(employee.id(), activity, date);
            UUID id = jdbc.sql(
                            TenantSql.of(
                                    "insert into {report_activity} (id, day_id, description, quantity, unit, minutes,"
                                            + " target_id, evidence_link, created_at, client_request_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                            + " on conflict (client_request_id) where client_request_id is not null do nothing returning id"))
                    .params(
                            UUID.randomUUID(),
                            dayId,
                            activity.description().strip(),
                            activity.quantity(),
                            activity.unit().strip(),
                            activity.minutes(),
                            activity.targetId(),
                            activity.evidenceLink(),
                            Timestamp.from(clock.instant()),
                            activity.clientRequestId())
                    .query(UUID.class)
                    .optional()
                    .orElse(null);
            if (id == null) { // the same request, sent at the same moment, got there first
                return sentBefore(employee, activity.clientRequestId()).orElseThrow();
            }
            audit.record(TenantContext.require(), username, "report.activity-added", date.toString(), null, activity);
            events.publishEvent(new DayChanged(TenantContext.require())); // a report filed counts in the live view
            return ReportRows.activity(jdbc, id);
        });
    }

    /** The activity an earlier submission of this request id added, if it was this employee's; another's id is refused. */
    private Optional<ReportDay.Activity> sentBefore(Employee employee, String clientRequestId) {
        if (clientRequestId == null) {
            return Optional.empty();
        }
        return jdbc.sql(TenantSql.of("select a.id, d.employee_id from {report_activity} a join {report_day} d"
                        + " on d.id = a.day_id where a.client_request_id = ?"))
                .param(clientRequestId)
                .query((rs, n) -> {
                    if (!employee.id().equals(rs.getObject(2, UUID.class))) {
                        throw Problem.conflict(
                                        "request-id-taken",
                                        "Request id already used",
                                        "clientRequestId: another employee's"
                                                + " activity already has this id; send each new activity with an id of its own. Nothing was saved.")
                                .variant("activity");
                    }
                    return rs.getObject(1, UUID.class);
                })
                .optional()
                .map(id -> ReportRows.activity(jdbc, id));
    }

    public ReportDay.Activity update(String username, UUID activityId, NewActivity activity) {
        Employee employee = employees.requireActive(username);
        return transactions.execute(tx -> {
            LocalDate date = dateOfOwnActivity(employee, activityId);
            openDays.forChange(employee, date, activityId);
            checkTarget(employee.id(), activity, date);
            ReportDay.Activity before = ReportRows.activity(jdbc, activityId);
            jdbc.sql(TenantSql.of(
                            "update {report_activity} set description = ?, quantity = ?, unit = ?, minutes = ?, target_id = ?,"
                                    + " evidence_link = ? where id = ?"))
                    .params(
                            activity.description().strip(),
                            activity.quantity(),
                            activity.unit().strip(),
                            activity.minutes(),
                            activity.targetId(),
                            activity.evidenceLink(),
                            activityId)
                    .update();
            audit.record(
                    TenantContext.require(), username, "report.activity-changed", date.toString(), before, activity);
            return ReportRows.activity(jdbc, activityId);
        });
    }

    public void delete(String username, UUID activityId) {
        Employee employee = employees.requireActive(username);
        transactions.executeWithoutResult(tx -> {
            LocalDate date = dateOfOwnActivity(employee, activityId);
            UUID dayId = openDays.forChange(employee, date, activityId);
            ReportDay.Activity before = ReportRows.activity(jdbc, activityId);
            jdbc.sql(TenantSql.of("delete from {report_activity} where id = ?"))
                    .param(activityId)
                    .update();
            audit.record(TenantContext.require(), username, "report.activity-removed", date.toString(), before, null);
            events.publishEvent(new DayChanged(TenantContext.require()));
            // Removing the only work added since an approval leaves nothing new to decide: the day is approved as it
            // was.
            int settled = jdbc.sql(
                            TenantSql.of(
                                    "update {report_day} d set status = 'APPROVED' where d.id = ? and d.status = 'PENDING'"
                                            + " and exists (select 1 from {report_activity} a where a.day_id = d.id)"
                                            + " and not exists (select 1 from {report_activity} a where a.day_id = d.id and a.approved_at is null)"))
                    .param(dayId)
                    .update();
            if (settled > 0) {
                audit.record(
                        TenantContext.require(),
                        username,
                        "report.approved-again",
                        dayId.toString(),
                        Map.of("status", "PENDING"),
                        Map.of("status", "APPROVED"));
            }
        });
    }

    /**
     * Opens the day for a change to one of its activities, refused for an activity the supervisor approved.
     * Call inside a transaction.
     */
    public UUID openForChange(Employee employee, LocalDate date, UUID activityId) {
        return openDays.forChange(employee, date, activityId);
    }

    private LocalDate dateOfOwnActivity(Employee employee, UUID activityId) {
        return jdbc.sql(TenantSql.of(
                        "select d.work_date from {report_activity} a join {report_day} d on d.id = a.day_id"
                                + " where a.id = ? and d.employee_id = ?"))
                .params(activityId, employee.id())
                .query(LocalDate.class)
                .optional()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-activity", "Unknown activity", "You have no activity " + activityId + ".")
                        .values(activityId.toString()));
    }

    private void checkTarget(UUID employeeId, NewActivity activity, LocalDate date) {
        if (activity.targetId() == null) {
            return;
        }
        boolean own = jdbc.sql(TenantSql.of(
                                "select count(*) from {report_performance_target} where id = ? and employee_id = ?"
                                        + " and ? between period_start and period_end"))
                        .params(activity.targetId(), employeeId, date)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!own) {
            throw Problem.badRequest(
                            "unknown-target",
                            "Not your work-result plan",
                            "targetId: " + activity.targetId() + " is not one of your work-result plans (RHK) for "
                                    + date + ". Nothing was saved.")
                    .values(String.valueOf(activity.targetId()), date.toString());
        }
    }
}
