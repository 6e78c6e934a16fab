package id.fleksi.modules.monitoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.fleksi.modules.monitoring.internal.Sight;
import id.fleksi.modules.monitoring.internal.TodayFacts;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * How old a view may be: the live streams' interval. Within it every caller is served from one count of the tenant's
     * day ({@link TodayPictures}); what this replica records shows at once, what another one records within it.
     */
    public static final Duration INTERVAL = Duration.ofSeconds(2);

    /** The counter of whole-pemda counts of today (tag {@code tenant}), each shared by every caller within the interval. */
    public static final String COUNTED = "fleksi.monitoring.today.counted";

    private final TodayPictures pictures;
    private final JdbcClient jdbc;

    LiveView(TodayPictures pictures, JdbcClient jdbc) {
        this.pictures = pictures;
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

    /** Today as this sight sees it, no older than {@link #INTERVAL}; a unit out of sight is refused. Runs with the tenant set. */
    public View view(Tenant tenant, Sight sight, @Nullable String unitCode) {
        return view(tenant, sight, unitCode, INTERVAL);
    }

    /** The same, from a count of the tenant's day no older than {@code maxAge} (counted now if there is none). */
    public View view(Tenant tenant, Sight sight, @Nullable String unitCode, Duration maxAge) {
        TodayPictures.Picture picture = pictures.of(tenant, maxAge);
        return view(tenant, sight, unitCode, picture.day(), picture.tree());
    }

    private static View view(
            Tenant tenant, Sight sight, @Nullable String unitCode, TodayFacts.Day day, TodayTree tree) {
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
                : tree.peopleIn(unit.id()).stream()
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

    private static List<UnitRow> rows(TodayTree tree, List<TodayFacts.Unit> units) {
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
}
