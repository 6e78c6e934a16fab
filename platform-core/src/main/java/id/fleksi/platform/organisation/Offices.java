package id.fleksi.platform.organisation;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantSql;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The current tenant's offices and their geofences (a point and a radius), assigned to units. */
@Service
public class Offices {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    public Offices(JdbcClient jdbc, AuditLog audit, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Where an office may stand (Indonesia, with a margin) and how wide its geofence may be: the API's bounds and the page's. */
    public static final double MIN_LATITUDE = -11.5;

    public static final double MAX_LATITUDE = 6.5;
    public static final double MIN_LONGITUDE = 94.5;
    public static final double MAX_LONGITUDE = 141.5;
    public static final int MIN_RADIUS_METRES = 10;
    public static final int MAX_RADIUS_METRES = 5000;

    public record NewOffice(
            @NotBlank(message = "is required") String name,
            String address,

            @NotNull(message = "is required")
            @DecimalMin(value = "-11.5", message = "is not in Indonesia")
            @DecimalMax(value = "6.5", message = "is not in Indonesia")
            Double latitude,

            @NotNull(message = "is required")
            @DecimalMin(value = "94.5", message = "is not in Indonesia")
            @DecimalMax(value = "141.5", message = "is not in Indonesia")
            Double longitude,

            @NotNull(message = "is required")
            @Min(value = 10, message = "is at least 10 metres")
            @Max(value = 5000, message = "is at most 5000 metres")
            Integer radiusMetres,

            List<UUID> unitIds) {}

    public record Office(
            UUID id,
            String name,
            String address,
            double latitude,
            double longitude,
            int radiusMetres,
            List<UUID> unitIds) {}

    public List<Office> list() {
        return jdbc.sql(TenantSql.of("select o.id, o.name, o.address, o.latitude, o.longitude, o.radius_metres,"
                        + " coalesce(array_agg(ou.unit_id) filter (where ou.unit_id is not null), '{}') from {office} o"
                        + " left join {office_unit} ou on ou.office_id = o.id group by o.id order by o.name"))
                .query((rs, n) -> new Office(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getInt(6),
                        List.of((UUID[]) rs.getArray(7).getArray())))
                .list();
    }

    /** The office, or a 404 problem. */
    public Office find(UUID id) {
        return list().stream()
                .filter(o -> o.id().equals(id))
                .findFirst()
                .orElseThrow(() -> Problem.notFound(
                        "unknown-office", "Unknown office", "There is no office " + id + " in this tenant."));
    }

    /** Changes an office's name, address, geofence and units (its fields already validated), all or nothing. */
    public Office update(UUID id, NewOffice office, String actor) {
        return transactions.execute(tx -> {
            Office before = find(id);
            List<UUID> units = office.unitIds() == null ? List.of() : office.unitIds();
            requireUnits(units);
            new GeoPoint(office.latitude(), office.longitude());
            jdbc.sql(
                            TenantSql.of(
                                    "update {office} set name = ?, address = ?, latitude = ?, longitude = ?, radius_metres = ? where id = ?"))
                    .param(office.name())
                    .param(office.address())
                    .param(office.latitude())
                    .param(office.longitude())
                    .param(office.radiusMetres())
                    .param(id)
                    .update();
            jdbc.sql(TenantSql.of("delete from {office_unit} where office_id = ?"))
                    .param(id)
                    .update();
            units.forEach(unit -> jdbc.sql(TenantSql.of("insert into {office_unit} (office_id, unit_id) values (?, ?)"))
                    .param(id)
                    .param(unit)
                    .update());
            audit.record(
                    TenantContext.require(),
                    actor,
                    "office.update",
                    office.name(),
                    Map.of(
                            "name",
                            before.name(),
                            "latitude",
                            before.latitude(),
                            "longitude",
                            before.longitude(),
                            "radiusMetres",
                            before.radiusMetres()),
                    Map.of(
                            "name",
                            office.name(),
                            "latitude",
                            office.latitude(),
                            "longitude",
                            office.longitude(),
                            "radiusMetres",
                            office.radiusMetres()));
            return new Office(
                    id,
                    office.name(),
                    office.address(),
                    office.latitude(),
                    office.longitude(),
                    office.radiusMetres(),
                    units);
        });
    }

    private void requireUnits(List<UUID> units) {
        for (UUID unit : units) {
            if (jdbc.sql(TenantSql.of("select count(*) from {org_unit} where id = ?"))
                            .param(unit)
                            .query(Integer.class)
                            .single()
                    == 0) {
                throw Problem.badRequest(
                        "unknown-unit", "Unknown unit", "unitIds: no unit " + unit + " in this tenant");
            }
        }
    }

    /** Adds an office (its fields already validated); every unit named must exist in the tenant. */
    public Office add(NewOffice office, String actor) {
        return transactions.execute(tx -> {
            UUID id = UUID.randomUUID();
            List<UUID> units = office.unitIds() == null ? List.of() : office.unitIds();
            requireUnits(units);
            new GeoPoint(office.latitude(), office.longitude());
            jdbc.sql(
                            TenantSql.of(
                                    "insert into {office} (id, name, address, latitude, longitude, radius_metres) values (?, ?, ?, ?, ?, ?)"))
                    .param(id)
                    .param(office.name())
                    .param(office.address())
                    .param(office.latitude())
                    .param(office.longitude())
                    .param(office.radiusMetres())
                    .update();
            units.forEach(unit -> jdbc.sql(TenantSql.of("insert into {office_unit} (office_id, unit_id) values (?, ?)"))
                    .param(id)
                    .param(unit)
                    .update());
            audit.record(
                    TenantContext.require(),
                    actor,
                    "office.create",
                    office.name(),
                    null,
                    Map.of(
                            "latitude",
                            office.latitude(),
                            "longitude",
                            office.longitude(),
                            "radiusMetres",
                            office.radiusMetres()));
            return new Office(
                    id,
                    office.name(),
                    office.address(),
                    office.latitude(),
                    office.longitude(),
                    office.radiusMetres(),
                    units);
        });
    }
}
