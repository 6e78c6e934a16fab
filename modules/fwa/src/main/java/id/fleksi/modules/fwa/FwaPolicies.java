package id.fleksi.modules.fwa;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tenant's policy versions. A new version takes effect today or later, never earlier: a past day stays
 * judged by the version that was in force on it.
 */
@Service
public class FwaPolicies {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final TenantRegistry registry;
    private final Clock clock;

    private final TenantCache cache;

    FwaPolicies(
            JdbcClient jdbc,
            AuditLog audit,
            TransactionTemplate transactions,
            TenantRegistry registry,
            Clock clock,
            TenantCache cache) {
        this.cache = cache;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.registry = registry;
        this.clock = clock;
    }

    /** Every version, oldest first (by effective date, then by when it was made); read again only when it changed. */
    public List<PolicyVersion> versions() {
        return cache.get(TenantContext.require(), "fwa.versions", this::read);
    }

    private List<PolicyVersion> read() {
        Map<UUID, List<PolicyVersion.Window>> windows = new HashMap<>();
        jdbc.sql(TenantSql.of(
                        "select version_id, from_date, to_date, name from {fwa_policy_window} order by from_date"))
                .query((rs, n) -> windows.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new PolicyVersion.Window(
                                rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class), rs.getString(4))))
                .list();
        Map<UUID, List<PolicyVersion.UnitRule>> units = new HashMap<>();
        jdbc.sql(TenantSql.of("select version_id, unit_id, always_wfo, max_percent, max_people from {fwa_policy_unit}"))
                .query((rs, n) -> units.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new PolicyVersion.UnitRule(
                                rs.getObject(2, UUID.class), rs.getBoolean(3), (Integer) rs.getObject(4), (Integer)
                                        rs.getObject(5))))
                .list();
        return jdbc
                .sql(TenantSql.of(
                        "select id, effective_from, enabled, wfa_weekdays, trial_from, trial_to, allowed_talent_boxes,"
                                + " exclude_face_to_face, exclude_leaders, require_own_device, require_good_connection, max_percent,"
                                + " max_people, start_from, start_to, core_from, core_to, note, created_by, created_at from"
                                + " {fwa_policy_version} order by effective_from, created_at"))
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    return new PolicyVersion(
                            id,
                            rs.getObject(2, LocalDate.class),
                            rs.getBoolean(3),
                            weekdays(rs.getString(4)),
                            rs.getObject(5, LocalDate.class),
                            rs.getObject(6, LocalDate.class),
                            boxes(rs.getString(7)),
                            rs.getBoolean(8),
                            rs.getBoolean(9),
                            rs.getBoolean(10),
                            rs.getBoolean(11),
                            (Integer) rs.getObject(12),
                            (Integer) rs.getObject(13),
                            rs.getObject(14, LocalTime.class),
                            rs.getObject(15, LocalTime.class),
                            rs.getObject(16, LocalTime.class),
                            rs.getObject(17, LocalTime.class),
                            rs.getString(18),
                            List.copyOf(windows.getOrDefault(id, List.of())),
                            List.copyOf(units.getOrDefault(id, List.of())),
                            rs.getString(19),
                            rs.getTimestamp(20).toInstant());
                })
                .list()
                .stream()
                .toList();
    }

    /** The version in force on a date, if any. */
    static @Nullable PolicyVersion inForce(List<PolicyVersion> versions, LocalDate date) {
        PolicyVersion found = null;
        for (PolicyVersion version : versions) {
            if (!version.effectiveFrom().isAfter(date)) {
                found = version;
            }
        }
        return found;
    }

    /** Stores a new version after checking it against the national frame and the calendar of today. */
    public PolicyVersion add(PolicyVersion version, String actor) {
        LocalDate today = clock.instant()
                .atZone(registry.find(TenantContext.require())
                        .orElseThrow()
                        .timeZone()
                        .zone())
                .toLocalDate();
        if (version.effectiveFrom().isBefore(today)) {
            throw Problem.unprocessable(
                            "policy-in-past",
                            "Cannot change the past",
                            "effectiveFrom: " + version.effectiveFrom()
                                    + " has passed; past days stay judged by the policy in force then. Use " + today
                                    + " or later.")
                    .values(version.effectiveFrom().toString(), today.toString());
        }
        return store(version, actor);
    }

    /**
     * Records a tenant's policy history as it was, past dates included, while the tenant has none yet: for a
     * tenant brought onto Fleksi (the demo, a replica's bundle). Same national-frame checks as {@link #add}.
     */
    public PolicyVersion seedHistory(PolicyVersion version, String actor) {
        if (!versions().isEmpty()) {
            throw Problem.conflict(
                    "policy-history",
                    "History already recorded",
                    "This tenant already has policy versions;" + " new ones take effect today or later.");
        }
        return store(version, actor);
    }

    private PolicyVersion store(PolicyVersion version, String actor) {
        PolicyCheck.require(
                version,
                Set.copyOf(jdbc.sql(TenantSql.of("select id from {org_unit}"))
                        .query(UUID.class)
                        .list()));
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql(TenantSql.of(
                            "insert into {fwa_policy_version} (id, effective_from, enabled, wfa_weekdays, trial_from, trial_to,"
                                    + " allowed_talent_boxes, exclude_face_to_face, exclude_leaders, require_own_device, require_good_connection,"
                                    + " max_percent, max_people, start_from, start_to, core_from, core_to, note, created_by, created_at)"
                                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                    // As a list: the optional settings are null, which params(Object...) does not take.
                    .params(Arrays.asList(
                            id,
                            version.effectiveFrom(),
                            version.enabled(),
                            version.wfaWeekdays().stream()
                                    .sorted()
                                    .map(Enum::name)
                                    .collect(Collectors.joining(",")),
                            version.trialFrom(),
                            version.trialTo(),
                            version.allowedTalentBoxes().isEmpty()
                                    ? null
                                    : new TreeSet<>(version.allowedTalentBoxes())
                                            .stream().map(String::valueOf).collect(Collectors.joining(",")),
                            version.excludeFaceToFace(),
                            version.excludeLeaders(),
                            version.requireOwnDevice(),
                            version.requireGoodConnection(),
                            version.maxPercent(),
                            version.maxPeople(),
                            version.startFrom(),
                            version.startTo(),
                            version.coreFrom(),
                            version.coreTo(),
                            version.note(),
                            actor,
                            Timestamp.from(clock.instant())))
                    .update();
            for (PolicyVersion.Window window : version.windows()) {
                jdbc.sql(
                                TenantSql.of(
                                        "insert into {fwa_policy_window} (id, version_id, from_date, to_date, name) values (?, ?, ?, ?, ?)"))
                        .params(
                                UUID.randomUUID(),
                                id,
                                window.from(),
                                window.to(),
                                window.name().strip())
                        .update();
            }
            for (PolicyVersion.UnitRule unit : version.units()) {
                jdbc.sql(TenantSql.of(
                                "insert into {fwa_policy_unit} (version_id, unit_id, always_wfo, max_percent, max_people)"
                                        + " values (?, ?, ?, ?, ?)"))
                        .params(Arrays.asList(id, unit.unitId(), unit.alwaysWfo(), unit.maxPercent(), unit.maxPeople()))
                        .update();
            }
            audit.record(TenantContext.require(), actor, "fwa.policy-version", id.toString(), null, version);
        });
        cache.forget(TenantContext.require());
        return versions().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    }

    static Set<DayOfWeek> weekdays(String column) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : column.split(",")) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.valueOf(day.strip()));
            }
        }
        return days;
    }

    private static Set<Integer> boxes(String column) {
        return column == null
                ? Set.of()
                : Arrays.stream(column.split(","))
                        .map(String::strip)
                        .map(Integer::valueOf)
                        .collect(Collectors.toCollection(TreeSet::new));
    }
}
