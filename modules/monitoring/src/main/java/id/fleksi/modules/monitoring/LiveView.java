package id.fleksi.modules.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.fleksi.modules.monitoring.internal.Person;
import id.fleksi.modules.monitoring.internal.Sight;
import id.fleksi.modules.monitoring.internal.TodayFacts;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Today's picture of a pemda, an OPD or a unit: a row per unit below it with its counts (everything under the unit
 * rolled up), and the people placed directly in it for those who may see persons. The same for the page, its live
 * updates and the API.
 */
@Service
public class LiveView {

    /** A unit below the one shown, with everything under it counted. */
    public record UnitRow(String code, String name, String kind, Counts counts, boolean hasUnits) {}

    /** A person placed directly in the unit shown; only for those who may see persons. */
    public record PersonRow(
            String name,
            @Nullable String nip,
            String standing,
            @Nullable String absence,
            int minutesLate,
            @Nullable Instant checkedInAt,
            boolean flagged,
            boolean reportDue,
            boolean reportFiled) {}

    /** A step of the way down from the pemda to the unit shown. */
    public record Step(String code, String name) {}

    /**
     * @param unit the unit shown (its code), null for the whole pemda (or all the units in the caller's sight)
     * @param path the units above the one shown that the caller may open, from the top
     * @param people the persons placed directly in the unit; absent for those who see counts only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "MonitoringView")
    public record View(
            String tenant,
            String tenantName,
            LocalDate day,
            Instant asOf,
            @Nullable String unit,
            String title,
            List<Step> path,
            Counts total,
            List<UnitRow> units,
            @Nullable List<PersonRow> people) {}

    private final TodayFacts facts;
    private final JdbcClient jdbc;

    LiveView(TodayFacts facts, JdbcClient jdbc) {
        this.facts = facts;
        this.jdbc = jdbc;
    }

    /** What this caller may see; refused for those who may see nothing here. Runs with the tenant set. */
    public Sight sightOf(Caller caller) {
        if (caller.roles().contains(MonitoringModule.LEADER) || caller.hasRole(Role.BKD)) {
            return Sight.everything();
        }
        if (caller.hasRole(Role.TENANT_ADMIN)) {
            return Sight.countsOnly();
        }
        List<UUID> headed = jdbc.sql(
                        TenantSql.of("select u.id from {org_unit} u join {employee} e on e.id = u.head_employee_id"
                                + " where e.username = ? and e.status <> 'RETIRED'"))
                .param(caller.username())
                .query(UUID.class)
                .list();
        if (headed.isEmpty()) {
            throw Problem.forbidden(
                    "monitoring-not-allowed",
                    "Not allowed",
                    "Monitoring is for leaders (pimpinan), BKD, the tenant admin and the head of a unit. A supervisor sees"
                            + " their team's day on the attendance page.");
        }
        return new Sight(Set.copyOf(headed), true);
    }

    /** Today for the caller, at the unit with this code (null: the top of what they may see). */
    public View today(Tenant tenant, Caller caller, @Nullable String unitCode) {
        return view(tenant, sightOf(caller), unitCode);
    }

    /** Today as this sight sees it, counted now; a unit out of sight is refused. Runs with the tenant set. */
    public View view(Tenant tenant, Sight sight, @Nullable String unitCode) {
        return view(tenant, sight, unitCode, facts.today(tenant));
    }

    View view(Tenant tenant, Sight sight, @Nullable String unitCode, TodayFacts.Day day) {
        Tree tree = new Tree(day);
        Set<UUID> visible = sight.wholePemda() ? null : tree.under(sight.within());
        if (unitCode == null) {
            List<TodayFacts.Unit> top = sight.wholePemda()
                    ? tree.children(null)
                    : day.units().stream()
                            .filter(u -> sight.within().contains(u.id()))
                            .filter(u -> u.parentId() == null || !visible.contains(u.parentId()))
                            .toList();
            List<UnitRow> rows = rows(tree, top);
            Counts total = rows.stream().map(UnitRow::counts).reduce(Counts.NONE, Counts::plus);
            if (sight.wholePemda()) {
                // People in no unit cannot exist (unit_id is required); the pemda's total is everyone's.
                total = tree.everyone();
            }
            return new View(
                    tenant.code().value(),
                    tenant.name(),
                    day.date(),
                    day.asOf().toInstant(),
                    null,
                    tenant.name(),
                    List.of(),
                    total,
                    rows,
                    null);
        }
        TodayFacts.Unit unit = tree.byCode(unitCode);
        if (unit == null) {
            throw Problem.notFound(
                            "unknown-unit",
                            "No such unit",
                            "There is no unit with the code " + unitCode
                                    + " here. Open monitoring from its first page and choose a unit from the list.")
                    .values(unitCode);
        }
        if (visible != null && !visible.contains(unit.id())) {
            throw Problem.forbidden(
                            "unit-not-in-sight",
                            "Not your unit",
                            "You see the units you head and those under" + " them; " + unit.name()
                                    + " is not one of them.")
                    .values(unit.name());
        }
        List<Step> path = new ArrayList<>();
        for (UUID up = unit.parentId(); up != null; up = tree.unit(up).parentId()) {
            if (visible == null || visible.contains(up)) {
                path.add(0, new Step(tree.unit(up).code(), tree.unit(up).name()));
            }
        }
        List<PersonRow> people = !sight.people()
                ? null
                : day.people().stream()
                        .filter(p -> p.unitId().equals(unit.id()))
                        .map(p -> new PersonRow(
                                p.name(),
                                p.nip(),
                                p.standing().name(),
                                p.absenceKind(),
                                p.minutesLate(),
                                p.checkedInAt(),
                                p.flagged(),
                                p.reportDue(),
                                p.reportFiled()))
                        .toList();
        return new View(
                tenant.code().value(),
                tenant.name(),
                day.date(),
                day.asOf().toInstant(),
                unit.code(),
                unit.name(),
                path,
                tree.rolledUp(unit.id()),
                rows(tree, tree.children(unit.id())),
                people);
    }

    private static List<UnitRow> rows(Tree tree, List<TodayFacts.Unit> units) {
        return units.stream()
                .sorted(Comparator.comparing(TodayFacts.Unit::name))
                .map(u -> new UnitRow(
                        u.code(),
                        u.name(),
                        u.kind(),
                        tree.rolledUp(u.id()),
                        !tree.children(u.id()).isEmpty()))
                .toList();
    }

    /** The units as a tree, each with its own people's counts, rolled up on demand. */
    private static final class Tree {

        private final Map<UUID, TodayFacts.Unit> units = new HashMap<>();
        private final Map<String, TodayFacts.Unit> byCode = new HashMap<>();
        private final Map<UUID, List<TodayFacts.Unit>> children = new HashMap<>();
        private final Map<UUID, Counts> own = new HashMap<>();
        private final Map<UUID, Counts> rolled = new HashMap<>();
        private final List<TodayFacts.Unit> top = new ArrayList<>();
        private Counts everyone = Counts.NONE;

        Tree(TodayFacts.Day day) {
            for (TodayFacts.Unit u : day.units()) {
                units.put(u.id(), u);
                byCode.put(u.code(), u);
                if (u.parentId() == null) {
                    top.add(u);
                } else {
                    children.computeIfAbsent(u.parentId(), k -> new ArrayList<>())
                            .add(u);
                }
            }
            for (Person p : day.people()) {
                own.merge(p.unitId(), Counts.NONE.plus(p), Counts::plus);
                everyone = everyone.plus(p);
            }
        }

        TodayFacts.Unit unit(UUID id) {
            return units.get(id);
        }

        TodayFacts.@Nullable Unit byCode(String code) {
            return byCode.get(code);
        }

        List<TodayFacts.Unit> children(@Nullable UUID id) {
            return id == null ? top : children.getOrDefault(id, List.of());
        }

        Counts everyone() {
            return everyone;
        }

        Counts rolledUp(UUID id) {
            Counts done = rolled.get(id);
            if (done == null) {
                done = own.getOrDefault(id, Counts.NONE);
                for (TodayFacts.Unit child : children(id)) {
                    done = done.plus(rolledUp(child.id()));
                }
                rolled.put(id, done);
            }
            return done;
        }

        /** These units and every unit under them. */
        Set<UUID> under(Set<UUID> roots) {
            Set<UUID> all = new HashSet<>();
            List<UUID> todo = new ArrayList<>(roots);
            while (!todo.isEmpty()) {
                UUID id = todo.remove(todo.size() - 1);
                if (all.add(id)) {
                    children(id).forEach(c -> todo.add(c.id()));
                }
            }
            return all;
        }
    }
}
