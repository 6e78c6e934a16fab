package id.fleksi.modules.attendance.internal;

import id.fleksi.platform.organisation.GeoPoint;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Where a unit's staff check in on an office day: the offices of the unit and of the units above it. */
@Component
public class UnitOffices {

    public record Office(UUID id, String name, Geofence fence) {}

    private final JdbcClient jdbc;
    private final TenantCache cache;

    UnitOffices(JdbcClient jdbc, TenantCache cache) {
        this.jdbc = jdbc;
        this.cache = cache;
    }

    /** The offices of the unit and of the units above it, in the current tenant, nearest unit first. */
    public List<Office> along(TenantCode tenant, UUID unit) {
        return cache.get(tenant, "attendance.offices", () -> read(tenant)).along(unit);
    }

    /** Each unit's own offices and the unit tree: kept while the tenant's revision holds (see TenantCache). */
    private record OfficeMap(Map<UUID, UUID> parents, Map<UUID, List<Office>> byUnit) {

        List<Office> along(UUID unit) {
            Set<UUID> seen = new HashSet<>();
            LinkedHashSet<Office> found = new LinkedHashSet<>();
            for (UUID at = unit; at != null && seen.add(at); at = parents.get(at)) {
                found.addAll(byUnit.getOrDefault(at, List.of()));
            }
            return List.copyOf(found);
        }
    }

    private OfficeMap read(TenantCode tenant) {
        Map<UUID, UUID> parents = new HashMap<>();
        jdbc.sql(TenantSql.in(tenant, "select id, parent_id from {org_unit}"))
                .query((rs, n) -> parents.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        Map<UUID, List<Office>> byUnit = new HashMap<>();
        jdbc.sql(TenantSql.in(
                        tenant,
                        "select o.id, o.name, o.latitude, o.longitude, o.radius_metres, ou.unit_id"
                                + " from {office} o join {office_unit} ou on ou.office_id = o.id"))
                .query((rs, n) -> byUnit.computeIfAbsent(rs.getObject(6, UUID.class), k -> new ArrayList<>())
                        .add(new Office(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                new Geofence(new GeoPoint(rs.getDouble(3), rs.getDouble(4)), rs.getInt(5)))))
                .list();
        return new OfficeMap(Collections.unmodifiableMap(parents), Collections.unmodifiableMap(byUnit));
    }
}
