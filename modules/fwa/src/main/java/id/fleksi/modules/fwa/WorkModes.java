package id.fleksi.modules.fwa;

import id.fleksi.platform.calendar.DateRange;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * One question, one answer: for an employee and a date, the work mode, the hours, and why. In order: a day off
 * (weekend, holiday, cuti bersama); an approved absence (dinas luar, leave); flexible work switched off or no
 * policy; the unit's own rule; eligibility; a national window; the policy's WFA weekdays within its trial; an
 * approved request; otherwise the office.
 */
@Service
public class WorkModes {

    private final JdbcClient jdbc;
    private final ModuleSwitches switches;
    private final WorkingCalendar calendar;
    private final FwaPolicies policies;

    private final TenantCache cache;
    /** Attendance's absences, looked up once rather than resolved on every answer. */
    private final SingletonSupplier<ApprovedAbsences> absenceSource;

    WorkModes(
            JdbcClient jdbc,
            ModuleSwitches switches,
            WorkingCalendar calendar,
            FwaPolicies policies,
            ObjectProvider<ApprovedAbsences> absences,
            TenantCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.switches = switches;
        this.calendar = calendar;
        this.policies = policies;
        this.absenceSource = SingletonSupplier.of(absences::getIfAvailable);
    }

    public DayAnswer answer(UUID employee, LocalDate date) {
        return answer(employee, date, absenceSource.get(), null);
    }

    /** The employee columns an answer needs, of the employee aliased {@code e}; read by {@link #employee}. */
    public static final String EMPLOYEE_COLUMNS = FwaFacts.PERSON_COLUMNS;

    /** An employee as an answer needs them, read by a caller in its own statement. */
    public static final class Employee {

        private final FwaFacts.Person person;

        private Employee(FwaFacts.Person person) {
            this.person = person;
        }
    }

    /** The employee in {@link #EMPLOYEE_COLUMNS} (named {@code fwa_*}), wherever they stand in the caller's statement. */
    public static Employee employee(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Employee(FwaFacts.person(rs));
    }

    /**
     * The answer for a caller that has already read the employee and their approved absences on the date: attendance reads
     * them with the rest of a check-in, in one statement.
     */
    public DayAnswer answer(Employee employee, LocalDate date, List<ApprovedAbsences.Absence> absencesOnTheDate) {
        return answer(employee.person.id(), date, (from, to, employees) -> absencesOnTheDate, employee.person);
    }

    private DayAnswer answer(
            UUID employee, LocalDate date, @Nullable ApprovedAbsences absences, FwaFacts.@Nullable Person known) {
        List<DayAnswer> answers = answers(facts(List.of(employee), date, date, absences, known), date, date);
        if (answers.isEmpty()) {
            throw Problem.notFound(
                    "unknown-employee",
                    "Unknown employee",
                    "There is no active employee " + employee + " in this tenant.");
        }
        return answers.get(0);
    }

    /** Answers for the employees (every active one when null) on each date, by employee then date; at most 186 days. */
    public List<DayAnswer> answers(@Nullable Collection<UUID> employees, LocalDate from, LocalDate to) {
        DateRange.require(from, to, 186);
        return answers(facts(employees, from, to), from, to);
    }

    private static List<DayAnswer> answers(FwaFacts facts, LocalDate from, LocalDate to) {
        List<DayAnswer> answers =
                new ArrayList<>(facts.people.size() * (int) (to.toEpochDay() - from.toEpochDay() + 1));
        for (FwaFacts.Person person : facts.people.values()) {
            for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
                answers.add(WorkModeRule.answer(facts, person, date));
            }
        }
        return answers;
    }

    /** Answers for everyone in a unit and its sub-units (not retired); empty when nobody works there. */
    public List<DayAnswer> answersForUnit(UUID unitId, LocalDate from, LocalDate to) {
        return answersOrNone(
                jdbc.sql(
                                TenantSql.of(
                                        "with recursive tree(id) as (select id from {org_unit} where id = ? union all"
                                                + " select u.id from {org_unit} u join tree t on u.parent_id = t.id)"
                                                + " select e.id from {employee} e where e.unit_id in (select id from tree) and e.status <> 'RETIRED'"))
                        .param(unitId)
                        .query(UUID.class)
                        .list(),
                from,
                to);
    }

    /** Answers for a supervisor's direct staff (not retired); empty when they have none. */
    public List<DayAnswer> answersForStaffOf(UUID supervisorId, LocalDate from, LocalDate to) {
        return answersOrNone(
                jdbc.sql(TenantSql.of("select id from {employee} where supervisor_id = ?" + " and status <> 'RETIRED'"))
                        .param(supervisorId)
                        .query(UUID.class)
                        .list(),
                from,
                to);
    }

    /** The given employees' answers; no employees means no answers (null would mean everyone). */
    private List<DayAnswer> answersOrNone(List<UUID> employees, LocalDate from, LocalDate to) {
        return employees.isEmpty() ? List.of() : answers(employees, from, to);
    }

    /** Whether the employee may work flexibly on the date under the policy then in force, with every reason if not. */
    public Eligibility.Verdict eligibility(UUID employee, LocalDate date) {
        FwaFacts facts = facts(List.of(employee), date, date);
        FwaFacts.Person person = facts.people.get(employee);
        if (person == null) {
            throw Problem.notFound(
                    "unknown-employee",
                    "Unknown employee",
                    "There is no active employee " + employee + " in this tenant.");
        }
        List<Reason> reasons = Eligibility.reasons(facts, person, date, FwaPolicies.inForce(facts.versions, date));
        return new Eligibility.Verdict(reasons.isEmpty(), reasons);
    }

    FwaFacts facts(@Nullable Collection<UUID> employees, LocalDate from, LocalDate to) {
        return facts(employees, from, to, absenceSource.get(), null);
    }

    private FwaFacts facts(
            @Nullable Collection<UUID> employees,
            LocalDate from,
            LocalDate to,
            @Nullable ApprovedAbsences absences,
            FwaFacts.@Nullable Person known) {
        TenantCode tenant = TenantContext.require();
        boolean on = switches.isEnabled(tenant, FwaModule.ID);
        int months = switches.settings(tenant, FwaModule.ID, FwaSettings.class).newEmployeeMonths();
        // Off: every working day is WFO, so the policy, sanctions and requests need not be read.
        List<FwaFacts.Unit> units = cache.get(tenant, "fwa.units", () -> FwaFacts.readUnits(jdbc, tenant));
        return new FwaFacts(
                jdbc,
                tenant,
                on,
                months,
                on ? policies.versions() : List.of(),
                calendar.snapshot(from, to),
                units,
                employees,
                from,
                to,
                absences,
                known);
    }
}
