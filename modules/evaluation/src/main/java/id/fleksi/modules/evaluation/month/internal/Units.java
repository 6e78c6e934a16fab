package id.fleksi.modules.evaluation.month.internal;

import id.fleksi.platform.tenancy.TenantSql;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tenant's units as a tree, read in one statement: an OPD is a unit at the top (no parent). */
final class Units {

    record Unit(
            UUID id,
            @Nullable UUID parentId,
            String code,
            String name,
            @Nullable UUID headId) {}

    private final Map<UUID, Unit> byId = new HashMap<>();

    static Units read(JdbcClient jdbc) {
        Units units = new Units();
        jdbc.sql(TenantSql.of("select id, parent_id, code, name, head_employee_id from {org_unit}"))
                .query((rs, n) -> new Unit(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .list()
                .forEach(u -> units.byId.put(u.id(), u));
        return units;
    }

    List<Unit> all() {
        return List.copyOf(byId.values());
    }

    @Nullable
    Unit byCode(String code) {
        return byId.values().stream()
                .filter(u -> u.code().equals(code))
                .findFirst()
                .orElse(null);
    }

    @Nullable
    Unit get(UUID id) {
        return byId.get(id);
    }

    String name(UUID unit) {
        Unit u = byId.get(unit);
        return u == null ? "" : u.name();
    }

    UUID opdOf(UUID unit) {
        UUID at = unit;
        while (byId.get(at) != null && byId.get(at).parentId() != null) {
            at = byId.get(at).parentId();
        }
        return at;
    }

    String opdName(UUID unit) {
        return name(opdOf(unit));
    }

    /** These units and every unit under them. */
    Set<UUID> under(UUID... roots) {
        return under(Set.of(roots));
    }

    Set<UUID> under(Set<UUID> roots) {
        Set<UUID> all = new HashSet<>(roots);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Unit u : byId.values()) {
                if (u.parentId() != null && all.contains(u.parentId()) && all.add(u.id())) {
                    grew = true;
                }
            }
        }
        return all;
    }
}
