package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.modules.evaluation.EmployeeMonth;
import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who reads which months: an ASN her own; a supervisor his direct staff's; the head of a unit the unit and those under
 * it; BKD and pimpinan the whole pemda, per OPD, with the employees of each. Runs with the tenant set.
 */
@Service
class MonthViews {

    @Schema(name = "EvaluationPemda")
    record PemdaView(YearMonth month, UnitTotals total, List<UnitTotals> opds) {}

    @Schema(name = "EvaluationUnit")
    record UnitView(YearMonth month, UnitTotals total, List<EmployeeMonth> employees) {}

    private final Evaluations evaluations;
    private final JdbcClient jdbc;
    private final Clock clock;

    MonthViews(Evaluations evaluations, JdbcClient jdbc, Clock clock) {
        this.evaluations = evaluations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The month asked for ({@code 2026-11}), or this month. */
    YearMonth month(Tenant tenant, @Nullable String month) {
        if (month == null || month.isBlank()) {
            return YearMonth.from(clock.instant().atZone(tenant.timeZone().zone()));
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(
                            "invalid-month", "Not a month", "month: " + month + " is not a month; write it as 2026-11.")
                    .values(month);
        }
    }

    /** The caller's own month. */
    EmployeeMonth mine(Tenant tenant, Caller caller, YearMonth month) {
        return evaluations.employee(tenant.code(), self(caller), month);
    }

    /** The months of the caller's direct staff, by name. */
    List<EmployeeMonth> team(Tenant tenant, Caller caller, YearMonth month) {
        List<EmployeeMonth> team = new ArrayList<>();
        evaluations.team(tenant.code(), self(caller), month, team::add);
        return team;
    }

    /** One employee's month, for herself, her supervisor, the head of a unit above her, BKD or pimpinan. */
    EmployeeMonth employee(Tenant tenant, Caller caller, UUID employeeId, YearMonth month) {
        Units units = Units.read(jdbc);
        Map<String, Object> row = jdbc
                .sql(TenantSql.of("select e.unit_id, e.supervisor_id, e.username from {employee} e where e.id = ?"))
                .param(employeeId)
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-employee",
                                "No such employee",
                                "There is no employee " + employeeId + " in this pemda.")
                        .values(employeeId.toString()));
        boolean allowed = wholePemda(caller) || caller.username().equals(row.get("username"));
        if (!allowed) {
            UUID me = selfOrNull(caller);
            allowed = me != null
                    && (me.equals(row.get("supervisor_id"))
                            || units.under(headed(me)).contains((UUID) row.get("unit_id")));
        }
        if (!allowed) {
            throw Problem.forbidden(
                    "evaluation-not-yours",
                    "Not allowed",
                    "You see your own month, your direct staff's, and"
                            + " those of the units you head; this employee is none of them.");
        }
        return evaluations.employee(tenant.code(), employeeId, month);
    }

    /** Each OPD the caller sees, and their sum: the pemda for BKD and pimpinan, the OPDs headed for a head. */
    PemdaView pemda(Tenant tenant, Caller caller, YearMonth month) {
        Units units = Units.read(jdbc);
        Set<UUID> visible = visibleUnits(caller, units);
        Map<UUID, UnitTotals> opds = new LinkedHashMap<>();
        java.util.function.Consumer<EmployeeMonth> add = m -> {
            if (visible == null || visible.contains(m.unitId())) {
                Units.Unit opd = units.get(m.opdId());
                opds.merge(m.opdId(), UnitTotals.empty(opd.code(), opd.name()).plus(m), UnitTotals::plus);
            }
        };
        if (visible == null) {
            evaluations.each(tenant.code(), month, null, add);
        } else { // a head reads only the OPDs he heads something in
            visible.stream()
                    .map(units::opdOf)
                    .distinct()
                    .sorted(java.util.Comparator.comparing(units::name))
                    .forEach(opd -> evaluations.each(tenant.code(), month, opd, add));
        }
        UnitTotals total = opds.values().stream().reduce(UnitTotals.empty("", tenant.name()), UnitTotals::plus);
        return new PemdaView(month, total, List.copyOf(opds.values()));
    }

    /** A unit's employees and their sum (the drill-down from an OPD). */
    UnitView unit(Tenant tenant, Caller caller, String unitCode, YearMonth month) {
        Units units = Units.read(jdbc);
        Units.Unit unit = units.byCode(unitCode.strip());
        if (unit == null) {
            throw Problem.notFound(
                            "evaluation-unknown-unit",
                            "No such unit",
                            "There is no unit with the code " + unitCode + " here.")
                    .values(unitCode);
        }
        Set<UUID> visible = visibleUnits(caller, units);
        if (visible != null && !visible.contains(unit.id())) {
            throw Problem.forbidden(
                            "evaluation-unit-not-in-sight",
                            "Not your unit",
                            "You see the units you head and those under them; " + unit.name() + " is not one of them.")
                    .values(unit.name());
        }
        List<EmployeeMonth> employees = new ArrayList<>();
        evaluations.each(tenant.code(), month, unit.id(), employees::add);
        UnitTotals total = UnitTotals.empty(unit.code(), unit.name());
        for (EmployeeMonth m : employees) {
            total = total.plus(m);
        }
        return new UnitView(month, total, employees);
    }

    /** Null: the whole pemda; else the units headed and those under them; refused for anyone else. */
    private @Nullable Set<UUID> visibleUnits(Caller caller, Units units) {
        if (wholePemda(caller)) {
            return null;
        }
        UUID me = selfOrNull(caller);
        Set<UUID> headed = me == null ? Set.of() : headed(me);
        if (headed.isEmpty()) {
            throw Problem.forbidden(
                    "evaluation-pemda-not-allowed",
                    "Not allowed",
                    "The evaluation per OPD is for BKD, pimpinan"
                            + " and the head of a unit. Your own month is on the evaluation page; a supervisor rates his team there.");
        }
        return units.under(headed);
    }

    private static boolean wholePemda(Caller caller) {
        return caller.hasRole(Role.BKD) || caller.roles().contains(MonitoringModule.LEADER);
    }

    private Set<UUID> headed(UUID employee) {
        return Set.copyOf(jdbc.sql(TenantSql.of("select id from {org_unit} where head_employee_id = ?"))
                .param(employee)
                .query(UUID.class)
                .list());
    }

    UUID self(Caller caller) {
        UUID me = selfOrNull(caller);
        if (me == null) {
            throw Problem.notFound(
                            "evaluation-not-an-employee",
                            "Not an employee",
                            "Your account " + caller.username()
                                    + " is not an employee of this pemda; the evaluation is of employees.")
                    .values(caller.username());
        }
        return me;
    }

    private @Nullable UUID selfOrNull(Caller caller) {
        return jdbc.sql(TenantSql.of("select id from {employee} where username = ? and status <> 'RETIRED'"))
                .param(caller.username())
                .query(UUID.class)
                .optional()
                .orElse(null);
    }
}
