package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.modules.monitoring.MonitoringSettings;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Early warning: every night (and on demand) each employee's year and month are counted against the tenant's rules,
 * and a warning is raised the first time a step is reached: the PP 94/2021 steps of unexcused absence in a year (3, 4,
 * 7, ... 28, and 10 working days in a row), and per month repeated lateness, days present without a report past its
 * deadline, and flagged check-ins. A step fires once per period ({@code uq_warning_once}); when the count falls below
 * it again (an absence approved later) its warning is withdrawn. New warnings go to the direct supervisor and BKD by
 * e-mail when the tenant has a mail server ({@link WarningMail}).
 */
@Service
public class EarlyWarning {

    enum Rule {
        ABSENCE,
        ABSENCE_RUN,
        LATE,
        NO_REPORT,
        FLAGGED,
        WFA_NO_ACTIVITY,
        OUTPUT_DROP
    }

    /** Below this many activities per four weeks an employee has no usual level to fall from. */
    static final int USUAL_AT_LEAST = 8;

    /** What one evaluation did. */
    @Schema(name = "WarningEvaluation")
    public record Evaluation(LocalDate through, int employees, int raised, int withdrawn, int emailed) {}

    /** A warning as it is kept once: an employee, a rule, its step and the period (a year or a month). */
    record Key(UUID employee, Rule rule, int step, String period) {}

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final ModuleSwitches switches;
    private final TenantRegistry registry;
    private final TransactionTemplate transactions;
    private final WarningMail mail;
    private final Clock clock;
    private final RaisedWarnings raised;

    EarlyWarning(
            JdbcClient jdbc,
            WorkingCalendar calendar,
            ModuleSwitches switches,
            TenantRegistry registry,
            TransactionTemplate transactions,
            WarningMail mail,
            Clock clock,
            RaisedWarnings raised) {
        this.raised = raised;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.switches = switches;
        this.registry = registry;
        this.transactions = transactions;
        this.mail = mail;
        this.clock = clock;
    }

    /** Counts every employee through yesterday (a day is judged once it is over) and raises or withdraws warnings. */
    public Evaluation evaluate(TenantCode tenant) {
        return TenantContext.callAs(tenant, () -> {
            MonitoringSettings settings = switches.settings(tenant, MonitoringModule.ID, MonitoringSettings.class);
            java.time.ZoneId zone = registry.require(tenant).timeZone().zone();
            LocalDate today = clock.instant().atZone(zone).toLocalDate();
            LocalDate through = today.minusDays(1);
            // A page at a time: the night's memory does not grow with the tenant (WarningPages).
            Map<Key, Integer> holding = new HashMap<>();
            int counted = 0;
            for (WarningPages.Page page : WarningPages.of(WarningPages.employees(jdbc, through, zone, null))) {
                Counted some = count(settings, through, today, page);
                holding.putAll(some.holding());
                counted += some.tallies().size();
            }
            String year = String.valueOf(through.getYear());
            String month = YearMonth.from(through).toString();
            int[] changed = transactions.execute(tx -> raised.apply(holding, year, month));
            int emailed = mail.sendPending(tenant, settings);
            return new Evaluation(through, counted, changed[0], changed[1], emailed);
        });
    }

    /** Every (employee, rule, step, period) that holds, with its count; and each employee's year of absence. */
    private record Counted(Map<Key, Integer> holding, Map<UUID, WarningSteps.Tally> tallies) {}

    /** Counts a page of employees through that day. */
    private Counted count(MonitoringSettings settings, LocalDate through, LocalDate today, WarningPages.Page page) {
        List<WarningPages.Employee> employees = page.employees();
        Function<String, String> one = page.narrow();
        LocalDate yearStart = through.withDayOfYear(1);
        LocalDate monthStart = through.withDayOfMonth(1);
        String year = String.valueOf(through.getYear());
        String month = YearMonth.from(through).toString();

        Map<UUID, Set<LocalDate>> present = new HashMap<>();
        Map<UUID, Integer> lateDays = new HashMap<>();
        Map<UUID, Integer> flagged = new HashMap<>();
        Map<UUID, Set<LocalDate>> wfaDays = new HashMap<>();
        jdbc.sql(TenantSql.of(
                        "select employee_id, work_date, kind, minutes_late, cardinality(flags) > 0, work_mode from {attendance_check_in}"
                                + " where work_date between ? and ? and not superseded" + one.apply("employee_id")))
                .params(yearStart, through)
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    LocalDate day = rs.getObject(2, LocalDate.class);
                    boolean in = "IN".equals(rs.getString(3));
                    if (in) {
                        present.computeIfAbsent(id, k -> new HashSet<>()).add(day);
                    }
                    if (!day.isBefore(monthStart)) {
                        if (in && "WFA".equals(rs.getString(6))) {
                            wfaDays.computeIfAbsent(id, k -> new HashSet<>()).add(day);
                        }
                        if (in && rs.getInt(4) > 0) {
                            lateDays.merge(id, 1, Integer::sum);
                        }
                        if (rs.getBoolean(5)) {
                            flagged.merge(id, 1, Integer::sum);
                        }
                    }
                });
        Map<UUID, Set<LocalDate>> excused = new HashMap<>();
        jdbc.sql(TenantSql.of("select employee_id, from_date, to_date from {attendance_absence}"
                        + " where status = 'APPROVED' and to_date >= ? and from_date <= ?" + one.apply("employee_id")))
                .params(yearStart, through)
                .query(rs -> {
                    Set<LocalDate> days = excused.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>());
                    LocalDate from = rs.getObject(2, LocalDate.class);
                    LocalDate to = rs.getObject(3, LocalDate.class);
                    for (LocalDate d = from.isBefore(yearStart) ? yearStart : from;
                            !d.isAfter(to) && !d.isAfter(through);
                            d = d.plusDays(1)) {
                        days.add(d);
                    }
                });
        // A day's report is due by its deadline, at the latest the second day after (docs: activity-reports settings).
        LocalDate reportsThrough = today.minusDays(2);
        Set<String> filed = new HashSet<>();
        jdbc.sql(TenantSql.of("select r.employee_id, r.work_date from {report_day} r where r.work_date between ? and ?"
                        + " and r.activities > 0"
                        + one.apply("r.employee_id")))
                .params(monthStart, reportsThrough)
                .query(rs -> {
                    filed.add(rs.getObject(1, UUID.class) + "@" + rs.getObject(2, LocalDate.class));
                });

        // Output: activities in the last four weeks against the employee's own four-weekly level over the twelve
        // before.
        LocalDate recentFrom = through.minusDays(27);
        Map<UUID, int[]> output = new HashMap<>();
        if (settings.outputDropPercent() > 0) {
            jdbc.sql(TenantSql.of(
                            "select r.employee_id, sum(r.activities) filter (where r.work_date >= ?), sum(r.activities) filter (where r.work_date < ?)"
                                    + " from {report_day} r where r.activities > 0 and r.work_date between ? and ?"
                                    + one.apply("r.employee_id") + " group by r.employee_id"))
                    .params(recentFrom, recentFrom, recentFrom.minusWeeks(12), through)
                    .query(rs -> {
                        output.put(rs.getObject(1, UUID.class), new int[] {rs.getInt(2), rs.getInt(3)});
                    });
        }

        WorkingCalendar.Snapshot days = calendar.snapshot(yearStart, through);
        Map<UUID, List<LocalDate>> workingDays = new HashMap<>();
        Map<Key, Integer> holding = new HashMap<>();
        Map<UUID, WarningSteps.Tally> tallies = new HashMap<>();
        for (WarningPages.Employee e : employees) {
            tallies.put(e.id(), new WarningSteps.Tally(0, 0));
            if (settings.absenceSteps()) {
                List<LocalDate> working = workingDays.computeIfAbsent(e.unit(), unit -> {
                    List<LocalDate> list = new ArrayList<>();
                    for (LocalDate d = yearStart; !d.isAfter(through); d = d.plusDays(1)) {
                        if (days.of(unit, d).isWorking()) {
                            list.add(d);
                        }
                    }
                    return list;
                });
                List<LocalDate> counted =
                        working.stream().filter(d -> !d.isBefore(e.countFrom())).toList();
                WarningSteps.Tally tally = WarningSteps.tally(
                        counted, present.getOrDefault(e.id(), Set.of()), excused.getOrDefault(e.id(), Set.of()));
                tallies.put(e.id(), tally);
                for (int step : WarningSteps.ABSENCE) {
                    if (tally.days() >= step) {
                        holding.put(new Key(e.id(), Rule.ABSENCE, step, year), tally.days());
                    }
                }
                if (tally.longestRun() >= WarningSteps.RUN) {
                    holding.put(new Key(e.id(), Rule.ABSENCE_RUN, WarningSteps.RUN, year), tally.longestRun());
                }
            }
            monthly(holding, e.id(), Rule.LATE, settings.lateDaysPerMonth(), lateDays.getOrDefault(e.id(), 0), month);
            monthly(holding, e.id(), Rule.FLAGGED, settings.flaggedPerMonth(), flagged.getOrDefault(e.id(), 0), month);
            long withoutReport = present.getOrDefault(e.id(), Set.of()).stream()
                    .filter(d ->
                            !d.isBefore(monthStart) && !d.isAfter(reportsThrough) && !filed.contains(e.id() + "@" + d))
                    .count();
            monthly(holding, e.id(), Rule.NO_REPORT, settings.missingReportsPerMonth(), (int) withoutReport, month);
            long wfaWithoutActivity = wfaDays.getOrDefault(e.id(), Set.of()).stream()
                    .filter(d -> !d.isAfter(reportsThrough) && !filed.contains(e.id() + "@" + d))
                    .count();
            monthly(
                    holding,
                    e.id(),
                    Rule.WFA_NO_ACTIVITY,
                    settings.wfaDaysWithoutActivityPerMonth(),
                    (int) wfaWithoutActivity,
                    month);
            int[] out = output.get(e.id());
            if (out != null && settings.outputDropPercent() > 0) {
                int usual = out[1] / 3;
                if (usual >= USUAL_AT_LEAST && out[0] * 100 < usual * (100 - settings.outputDropPercent())) {
                    holding.put(new Key(e.id(), Rule.OUTPUT_DROP, settings.outputDropPercent(), month), out[0]);
                }
            }
        }
        return new Counted(holding, tallies);
    }

    private static void monthly(
            Map<Key, Integer> holding, UUID employee, Rule rule, int threshold, int count, String month) {
        if (threshold > 0 && count >= threshold) {
            holding.put(new Key(employee, rule, threshold, month), count);
        }
    }

    /** An employee's own year of unexcused absence through yesterday, before it becomes a warning. Runs with the tenant set. */
    WarningSteps.Tally tallyOf(UUID employee) {
        TenantCode tenant = TenantContext.require();
        MonitoringSettings settings = switches.settings(tenant, MonitoringModule.ID, MonitoringSettings.class);
        java.time.ZoneId zone = registry.require(tenant).timeZone().zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate through = today.minusDays(1);
        WarningPages.Page page = WarningPages.one(WarningPages.employees(jdbc, through, zone, employee), employee);
        return count(settings, through, today, page).tallies().getOrDefault(employee, new WarningSteps.Tally(0, 0));
    }
}
