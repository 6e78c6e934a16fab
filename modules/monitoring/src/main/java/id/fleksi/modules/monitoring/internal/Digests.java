package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.LiveView;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
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
 * The weekly or monthly digest of an OPD (or any unit, with everything under it): per person and per week, the days
 * expected, present by mode, late, excused by kind, absent, and reported. Who may open it follows the live view, but a
 * digest is made of persons, so those who may see counts only (the tenant admin) are refused: the live view already
 * gives them the OPD's counts, and a digest with its names taken out would be rows nobody can act on.
 */
@Service
public class Digests {

    /** A person of the unit or of a unit under it, over the period and week by week (as {@link Digest#weeks}). */
    @Schema(name = "MonitoringDigestPerson")
    public record PersonDigest(String name, @Nullable String nip, String unit, Tally total, List<Tally> weeks) {}

    /**
     * @param unit the unit's code; everything under it is rolled into it
     * @param counted the last day counted: the period's end, or today while it runs (today is never absent yet)
     */
    @Schema(name = "MonitoringDigest")
    public record Digest(
            String tenant,
            String tenantName,
            String unit,
            String unitName,
            String period,
            LocalDate from,
            LocalDate to,
            LocalDate counted,
            Instant asOf,
            List<DigestPeriod.Week> weeks,
            List<PersonDigest> people,
            Tally total,
            List<Tally> totalByWeek) {}

    /** A unit the caller may open a digest of, and how deep it sits under the top of their sight (0: an OPD). */
    public record Choice(String code, String name, int depth) {}

    private record Unit(UUID id, @Nullable UUID parentId, String code, String name) {}

    private record Employee(
            UUID id,
            UUID unitId,
            String name,
            @Nullable String nip,
            @Nullable LocalDate start) {}

    private final LiveView live;
    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final Clock clock;

    Digests(LiveView live, JdbcClient jdbc, WorkingCalendar calendar, Clock clock) {
        this.live = live;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The period asked for, today being the tenant's today. */
    public DigestPeriod period(Tenant tenant, @Nullable String month, @Nullable String week) {
        return DigestPeriod.parse(month, week, today(tenant));
    }

    /**
     * The units this caller may open a digest of, as a tree read from the top: each unit at the top of their sight (an
     * OPD, for pimpinan and BKD) followed by those under it, by name. Runs with the tenant set.
     */
    public List<Choice> choices(Caller caller) {
        Sight sight = sightForPersons(caller);
        List<Unit> units = units();
        Set<UUID> visible = sight.wholePemda() ? null : under(units, sight.within());
        List<Unit> top = units.stream()
                .filter(u -> visible == null
                        ? u.parentId() == null
                        : sight.within().contains(u.id()) && (u.parentId() == null || !visible.contains(u.parentId())))
                .toList();
        List<Choice> choices = new ArrayList<>();
        addDown(units, top, 0, choices);
        return choices;
    }

    private static void addDown(List<Unit> units, List<Unit> level, int depth, List<Choice> choices) {
        for (Unit u : level.stream().sorted(Comparator.comparing(Unit::name)).toList()) {
            choices.add(new Choice(u.code(), u.name(), depth));
            addDown(
                    units,
                    units.stream().filter(c -> u.id().equals(c.parentId())).toList(),
                    depth + 1,
                    choices);
        }
    }

    /** The digest of the unit with this code over the period, for this caller. Runs with the tenant set. */
    public Digest of(Tenant tenant, Caller caller, String unitCode, DigestPeriod period) {
        Sight sight = sightForPersons(caller);
        List<Unit> units = units();
        Unit unit = units.stream()
                .filter(u -> u.code().equals(unitCode))
                .findFirst()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-unit",
                                "No such unit",
                                "There is no unit with the code " + unitCode
                                        + " here. Open monitoring from its first page and choose a unit from the list.")
                        .values(unitCode));
        if (!sight.wholePemda() && !under(units, sight.within()).contains(unit.id())) {
            throw Problem.forbidden(
                            "unit-not-in-sight",
                            "Not your unit",
                            "You see the units you head and those under" + " them; " + unit.name()
                                    + " is not one of them.")
                    .values(unit.name());
        }
        Set<UUID> inside = under(units, Set.of(unit.id()));
        Map<UUID, String> unitNames = new HashMap<>();
        units.forEach(u -> unitNames.put(u.id(), u.name()));

        LocalDate today = today(tenant);
        LocalDate counted = period.to().isAfter(today) ? today : period.to();
        List<DigestPeriod.Week> weeks = period.weeks();
        List<Employee> staff = staff(inside);
        DigestFacts facts =
                DigestFacts.read(jdbc, staff.stream().map(Employee::id).toArray(UUID[]::new), period.from(), counted);
        WorkingCalendar.Snapshot snapshot = calendar.snapshot(period.from(), period.to());
        Map<String, Boolean> working = new HashMap<>();
        WorkingDays days = (unitId, d) -> working.computeIfAbsent(
                unitId + "@" + d, k -> snapshot.of(unitId, d).isWorking());

        List<PersonDigest> people = new ArrayList<>();
        Tally total = Tally.NONE;
        List<Tally> totalByWeek =
                new ArrayList<>(weeks.stream().map(w -> Tally.NONE).toList());
        for (Employee e : staff) {
            List<Tally> byWeek = new ArrayList<>();
            for (int w = 0; w < weeks.size(); w++) {
                Tally week = Tally.NONE;
                for (LocalDate d = weeks.get(w).from();
                        !d.isAfter(weeks.get(w).to()) && !d.isAfter(counted);
                        d = d.plusDays(1)) {
                    week = week.plus(day(e, d, today, days, facts));
                }
                byWeek.add(week);
                totalByWeek.set(w, totalByWeek.get(w).plus(week));
            }
            Tally sum = byWeek.stream().reduce(Tally.NONE, Tally::plus);
            total = total.plus(sum);
            people.add(new PersonDigest(e.name(), e.nip(), unitNames.get(e.unitId()), sum, byWeek));
        }
        return new Digest(
                tenant.code().value(),
                tenant.name(),
                unit.code(),
                unit.name(),
                period.label(),
                period.from(),
                period.to(),
                counted,
                clock.instant(),
                weeks,
                people,
                total,
                totalByWeek);
    }

    /** Whether a day is a working day of a unit, asked once per unit and day however many work there. */
    private interface WorkingDays {
        boolean working(UUID unitId, LocalDate date);
    }

    private static Tally day(Employee e, LocalDate d, LocalDate today, WorkingDays days, DigestFacts facts) {
        boolean serving = e.start() == null || !d.isBefore(e.start());
        boolean working = serving && days.working(e.unitId(), d);
        DigestFacts.CheckIn in = facts.checkIns().get(e.id() + "@" + d);
        String excuse = null;
        for (DigestFacts.Absence a : facts.absences().getOrDefault(e.id(), List.of())) {
            if (!d.isBefore(a.from()) && !d.isAfter(a.to())) {
                excuse = a.kind();
                break;
            }
        }
        return Tally.day(
                working,
                in == null ? null : in.mode(),
                in == null ? 0 : in.minutesLate(),
                excuse,
                d.isBefore(today),
                facts.activities().getOrDefault(e.id() + "@" + d, 0));
    }

    /** Those who may see persons: everyone the live view lets see them; the tenant admin (counts only) is refused. */
    private Sight sightForPersons(Caller caller) {
        Sight sight = live.sightOf(caller);
        if (!sight.people()) {
            throw Problem.forbidden(
                    "digest-counts-only",
                    "Not allowed",
                    "A digest lists persons; your role sees counts only."
                            + " The OPD's counts are on the monitoring page.");
        }
        return sight;
    }

    private LocalDate today(Tenant tenant) {
        return clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
    }

    private List<Unit> units() {
        return jdbc.sql(TenantSql.of("select id, parent_id, code, name from {org_unit}"))
                .query((rs, n) -> new Unit(
                        rs.getObject("id", UUID.class),
                        rs.getObject("parent_id", UUID.class),
                        rs.getString("code"),
                        rs.getString("name")))
                .list();
    }

    /** These units and every unit under them. */
    private static Set<UUID> under(List<Unit> units, Set<UUID> roots) {
        Set<UUID> all = new HashSet<>(roots);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Unit u : units) {
                if (u.parentId() != null && all.contains(u.parentId()) && all.add(u.id())) {
                    grew = true;
                }
            }
        }
        return all;
    }

    /** The serving staff of these units, by name. Someone retired is left out: their status does not say since when. */
    private List<Employee> staff(Set<UUID> units) {
        return jdbc.sql(TenantSql.of("select id, unit_id, name, nip, start_date from {employee}"
                        + " where unit_id = any(?) and status <> 'RETIRED' order by name, nip"))
                .param(units.toArray(UUID[]::new))
                .query((rs, n) -> new Employee(
                        rs.getObject("id", UUID.class),
                        rs.getObject("unit_id", UUID.class),
                        rs.getString("name"),
                        rs.getString("nip"),
                        rs.getObject("start_date", LocalDate.class)))
                .list();
    }
}
