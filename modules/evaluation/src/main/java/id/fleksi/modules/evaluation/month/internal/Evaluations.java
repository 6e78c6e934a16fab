package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.evaluation.MonthlyEvaluations;
import id.fleksi.modules.evaluation.rules.RuleSet;
import id.fleksi.modules.evaluation.rules.RuleSets;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The monthly evaluation computed now. A unit's month costs a fixed number of statements: the units, the employees,
 * the rule versions, the apels and the calendar once, then seven per batch of {@value #BATCH} employees; each employee's
 * month is handed on as soon as it is judged and then forgotten.
 */
@Service
class Evaluations implements MonthlyEvaluations {

    static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final RuleSets rules;
    private final TenantRegistry registry;
    private final Clock clock;

    Evaluations(JdbcClient jdbc, WorkingCalendar calendar, RuleSets rules, TenantRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.rules = rules;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public EmployeeMonth employee(TenantCode tenant, UUID employeeId, YearMonth month) {
        return TenantContext.callAs(tenant, () -> {
            Units units = Units.read(jdbc);
            List<MonthFacts.Employee> one = employees("e.id = ?", employeeId);
            if (one.isEmpty()) {
                throw Problem.notFound(
                                "unknown-employee",
                                "No such employee",
                                "There is no employee " + employeeId + " in this pemda.")
                        .values(employeeId.toString());
            }
            List<EmployeeMonth> found = new ArrayList<>();
            judge(tenant, units, one, month, found::add);
            return found.get(0);
        });
    }

    @Override
    public void each(TenantCode tenant, YearMonth month, @Nullable UUID unit, Consumer<EmployeeMonth> employee) {
        TenantContext.runAs(tenant, () -> {
            Units units = Units.read(jdbc);
            List<MonthFacts.Employee> staff = unit == null
                    ? employees("true", null)
                    : employees("e.unit_id = any(?)", units.under(unit).toArray(UUID[]::new));
            staff = new ArrayList<>(staff);
            staff.sort(Comparator.comparing((MonthFacts.Employee e) -> units.opdName(e.unitId()))
                    .thenComparing(e -> units.opdOf(e.unitId()).toString())
                    .thenComparing(e -> units.name(e.unitId()))
                    .thenComparing(MonthFacts.Employee::name)
                    .thenComparing(MonthFacts.Employee::nip));
            judge(tenant, units, staff, month, employee);
        });
    }

    /** The months of a supervisor's direct staff, by name, read as {@link #each}. */
    void team(TenantCode tenant, UUID supervisorId, YearMonth month, Consumer<EmployeeMonth> employee) {
        TenantContext.runAs(tenant, () -> {
            List<MonthFacts.Employee> staff = new ArrayList<>(employees("e.supervisor_id = ?", supervisorId));
            staff.sort(Comparator.comparing(MonthFacts.Employee::name).thenComparing(MonthFacts.Employee::nip));
            judge(tenant, Units.read(jdbc), staff, month, employee);
        });
    }

    /** The serving employees (not retired) matching a condition on {@code e}. */
    List<MonthFacts.Employee> employees(String where, @Nullable Object param) {
        var statement = jdbc.sql(
                TenantSql.of("select e.id, e.nip, e.name, e.unit_id, e.supervisor_id, e.start_date from {employee} e"
                        + " where e.status <> 'RETIRED' and " + where));
        if (param != null) {
            statement = statement.param(param);
        }
        return statement
                .query((rs, n) -> new MonthFacts.Employee(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        rs.getObject(6, LocalDate.class)))
                .list();
    }

    private void judge(
            TenantCode tenant,
            Units units,
            List<MonthFacts.Employee> staff,
            YearMonth month,
            Consumer<EmployeeMonth> out) {
        ZoneId zone = registry.require(tenant).timeZone().zone();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<RuleSet> versions = rules.versions();
        List<MonthFacts.Apel> apels = MonthFacts.apels(jdbc, zone);
        WorkingCalendar.Snapshot days = calendar.snapshot(month.atDay(1), month.atEndOfMonth());
        Map<String, id.fleksi.platform.calendar.WorkingDay> byUnitAndDay = new HashMap<>();
        for (int from = 0; from < staff.size(); from += BATCH) {
            List<MonthFacts.Employee> batch = staff.subList(from, Math.min(staff.size(), from + BATCH));
            MonthFacts facts = MonthFacts.read(jdbc, batch, month);
            for (MonthFacts.Employee e : batch) {
                MonthJudgement judgement = new MonthJudgement(today);
                for (LocalDate d = month.atDay(1); !d.isAfter(month.atEndOfMonth()); d = d.plusDays(1)) {
                    if (e.start() != null && d.isBefore(e.start())) {
                        continue;
                    }
                    LocalDate date = d;
                    var workingDay = byUnitAndDay.computeIfAbsent(e.unitId() + "@" + d, k -> days.of(e.unitId(), date));
                    int apelsOnDay =
                            (int) apels.stream().filter(a -> a.fallsOn(date)).count();
                    String key = MonthFacts.key(e.id(), d);
                    judgement.day(
                            new MonthJudgement.Day(d, workingDay, RuleSet.inForce(versions, d), apelsOnDay),
                            facts.ins.get(key),
                            facts.outs.get(key),
                            facts.absence(e.id(), d),
                            facts.apelPresence.contains(key),
                            facts.reports.get(key));
                }
                List<EmployeeMonth.Output> outputs = facts.targets.getOrDefault(e.id(), List.of()).stream()
                        .map(t -> new EmployeeMonth.Output(t.id(), t.title(), t.unit(), t.quantity(), t.achieved()))
                        .toList();
                out.accept(judgement.month(
                        e,
                        units.name(e.unitId()),
                        units.opdOf(e.unitId()),
                        units.opdName(e.unitId()),
                        month,
                        outputs,
                        facts.ratings.get(e.id())));
            }
        }
    }
}
