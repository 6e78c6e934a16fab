package id.fleksi.modules.fwa;

import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.calendar.WorkingDay;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything the answers between two dates need, read once: employees, units, policy versions, the working
 * calendar, sanctions, approved requests and absences. Answers are then worked out in memory.
 */
final class FwaFacts {

    record Person(
            UUID id,
            String name,
            UUID unitId,
            Short talentBox,
            boolean faceToFace,
            boolean ownDevice,
            boolean goodConnection,
            LocalDate startDate) {}

    record Sanction(LocalDate from, LocalDate to, String note) {}

    record Unit(UUID id, UUID parentId, String name, UUID headEmployeeId) {}

    /** A {@link Person}'s columns, of the employee aliased {@code e}; read by {@link #person}. */
    /** An employee aliased {@code e}, each column named {@code fwa_*} so that it reads the same in anyone's statement. */
    static final String PERSON_COLUMNS =
            "e.id as fwa_id, e.name as fwa_name, e.unit_id as fwa_unit_id, e.talent_box as fwa_talent_box,"
                    + " e.face_to_face_service as fwa_face_to_face, e.own_device as fwa_own_device, e.good_connection as fwa_good_connection,"
                    + " e.start_date as fwa_start_date";

    /** The person in {@link #PERSON_COLUMNS}, by their names, wherever they stand in the statement. */
    static Person person(java.sql.ResultSet rs) throws java.sql.SQLException {
        Short talentBox = rs.getObject("fwa_talent_box") == null ? null : rs.getShort("fwa_talent_box");
        return new Person(
                rs.getObject("fwa_id", UUID.class),
                rs.getString("fwa_name"),
                rs.getObject("fwa_unit_id", UUID.class),
                talentBox,
                rs.getBoolean("fwa_face_to_face"),
                rs.getBoolean("fwa_own_device"),
                rs.getBoolean("fwa_good_connection"),
                rs.getObject("fwa_start_date", LocalDate.class));
    }

    /** The tenant's units with their heads: kept by {@link WorkModes} while the tenant's revision holds. */
    static List<Unit> readUnits(JdbcClient jdbc, TenantCode tenant) {
        return List.copyOf(
                jdbc.sql(TenantSql.in(tenant, "select id, parent_id, name, head_employee_id from {org_unit}"))
                        .query((rs, n) -> new Unit(
                                rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class),
                                rs.getString(3),
                                rs.getObject(4, UUID.class)))
                        .list());
    }

    final boolean enabled;
    final int newEmployeeMonths;
    final Map<UUID, Person> people = new HashMap<>();
    final Map<UUID, Unit> units = new HashMap<>();
    final Map<UUID, String> leaders = new HashMap<>();
    final List<PolicyVersion> versions;
    final Map<UUID, List<Sanction>> sanctions = new HashMap<>();
    final Map<UUID, Map<LocalDate, String>> requested = new HashMap<>();
    final Map<UUID, List<ApprovedAbsences.Absence>> absences = new HashMap<>();
    private final WorkingCalendar.Snapshot calendar;
    private final Map<UUID, Map<LocalDate, WorkingDay>> days = new HashMap<>();
    private final Map<UUID, Map<UUID, PolicyVersion.UnitRule>> unitRules = new HashMap<>();

    FwaFacts(
            JdbcClient jdbc,
            TenantCode tenant,
            boolean enabled,
            int newEmployeeMonths,
            List<PolicyVersion> versions,
            WorkingCalendar.Snapshot calendar,
            List<Unit> allUnits,
            Collection<UUID> only,
            LocalDate from,
            LocalDate to,
            ApprovedAbsences absenceSource,
            Person known) {
        this.enabled = enabled;
        this.newEmployeeMonths = newEmployeeMonths;
        this.versions = versions;
        this.calendar = calendar;
        UUID[] ids = only == null ? null : only.toArray(UUID[]::new);
        String filter = ids == null ? "" : " and e.id = any(?)";
        String byEmployee = ids == null ? "" : " and e.employee_id = any(?)"; // sanctions and request days, aliased e
        if (known != null) { // the caller read the one employee with its own statement
            people.put(known.id(), known);
        } else {
            var rows = jdbc.sql(TenantSql.in(
                    tenant,
                    "select " + PERSON_COLUMNS + " from {employee} e where e.status <>" + " 'RETIRED'" + filter));
            (ids == null ? rows : rows.param(ids))
                    .query((rs, n) -> {
                        Person person = person(rs);
                        return people.put(person.id(), person);
                    })
                    .list();
        }
        for (Unit unit : allUnits) {
            units.put(unit.id(), unit);
            if (unit.headEmployeeId() != null) {
                leaders.put(unit.headEmployeeId(), unit.name());
            }
        }
        if (enabled) {
            sanctionsAndRequests(jdbc, tenant, ids, byEmployee, from, to);
        }
        if (absenceSource != null) {
            absenceSource
                    .between(from, to, only)
                    .forEach(a -> absences.computeIfAbsent(a.employeeId(), k -> new ArrayList<>())
                            .add(a));
        }
    }

    private void sanctionsAndRequests(
            JdbcClient jdbc, TenantCode tenant, UUID[] ids, String byEmployee, LocalDate from, LocalDate to) {
        var sanctionRows = jdbc.sql(TenantSql.in(
                        tenant,
                        "select employee_id, from_date, to_date, note from {fwa_sanction} e"
                                + " where from_date <= ? and to_date >= ?" + byEmployee))
                .param(to)
                .param(from);
        (ids == null ? sanctionRows : sanctionRows.param(ids))
                .query((rs, n) -> sanctions
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Sanction(
                                rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4))))
                .list();
        var requestRows = jdbc.sql(TenantSql.in(
                        tenant,
                        "select e.employee_id, e.work_date, r.place_kind, r.place"
                                + " from {fwa_request_day} e join {fwa_request} r on r.id = e.request_id"
                                + " where r.status = 'APPROVED' and e.work_date between ? and ?" + byEmployee))
                .param(from)
                .param(to);
        (ids == null ? requestRows : requestRows.param(ids))
                .query((rs, n) -> requested
                        .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>())
                        .put(
                                rs.getObject(2, LocalDate.class),
                                "HOME".equals(rs.getString(3)) ? "home" : rs.getString(4)))
                .list();
    }

    WorkingDay day(UUID unit, LocalDate date) {
        return days.computeIfAbsent(unit, k -> new HashMap<>()).computeIfAbsent(date, d -> calendar.of(unit, d));
    }

    /** The rule a version sets for this unit: its own, or the nearest unit above it that has one. */
    PolicyVersion.UnitRule unitRule(PolicyVersion version, UUID unit) {
        Map<UUID, PolicyVersion.UnitRule> rules = unitRules.computeIfAbsent(version.id(), k -> new HashMap<>());
        if (rules.containsKey(unit)) {
            return rules.get(unit);
        }
        PolicyVersion.UnitRule found = null;
        for (UUID at = unit;
                at != null && found == null;
                at = units.containsKey(at) ? units.get(at).parentId() : null) {
            UUID current = at;
            found = version.units().stream()
                    .filter(u -> u.unitId().equals(current))
                    .findFirst()
                    .orElse(null);
        }
        rules.put(unit, found);
        return found;
    }

    String unitName(UUID unit) {
        return units.containsKey(unit) ? units.get(unit).name() : String.valueOf(unit);
    }
}
