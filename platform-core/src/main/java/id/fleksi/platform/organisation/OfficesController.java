package id.fleksi.platform.organisation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.IdentityProperties;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.web.Problem;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Offices and their geofences (a point and a radius), assigned to units. */
@RestController
class OfficesController {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final IdentityProperties identity;

    OfficesController(JdbcClient jdbc, AuditLog audit, IdentityProperties identity) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.identity = identity;
    }

    record NewOffice(@NotBlank(message = "is required") String name, String address,
            @NotNull(message = "is required") @DecimalMin(value = "-11.5", message = "is not in Indonesia") @DecimalMax(value = "6.5", message = "is not in Indonesia") Double latitude,
            @NotNull(message = "is required") @DecimalMin(value = "94.5", message = "is not in Indonesia") @DecimalMax(value = "141.5", message = "is not in Indonesia") Double longitude,
            @NotNull(message = "is required") @Min(value = 10, message = "is at least 10 metres") @Max(value = 5000, message = "is at most 5000 metres") Integer radiusMetres,
            List<UUID> unitIds) {
    }

    record Office(UUID id, String name, String address, double latitude, double longitude, int radiusMetres, List<UUID> unitIds) {
    }

    @Operation(summary = "Offices with their geofences")
    @GetMapping("/api/v1/t/{code}/offices")
    List<Office> offices(@PathVariable String code) {
        String schema = TenantContext.require().schemaName();
        return jdbc.sql("select o.id, o.name, o.address, o.latitude, o.longitude, o.radius_metres,"
                        + " coalesce(array_agg(ou.unit_id) filter (where ou.unit_id is not null), '{}') from " + schema + ".office o"
                        + " left join " + schema + ".office_unit ou on ou.office_id = o.id group by o.id order by o.name")
                .query((rs, n) -> new Office(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getDouble(5), rs.getInt(6), List.of((UUID[]) rs.getArray(7).getArray())))
                .list();
    }

    @Operation(summary = "Add an office with its geofence; role tenant-admin or bkd")
    @PreAuthorize("hasAnyRole('tenant-admin', 'bkd')")
    @PostMapping("/api/v1/t/{code}/offices")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Office add(@PathVariable String code, @Valid @RequestBody NewOffice office, Authentication who) {
        String schema = TenantContext.require().schemaName();
        UUID id = UUID.randomUUID();
        List<UUID> units = office.unitIds() == null ? List.of() : office.unitIds();
        for (UUID unit : units) {
            if (jdbc.sql("select count(*) from " + schema + ".org_unit where id = ?").param(unit).query(Integer.class).single() == 0) {
                throw Problem.badRequest("unknown-unit", "Unknown unit", "unitIds: no unit " + unit + " in this tenant");
            }
        }
        jdbc.sql("insert into " + schema + ".office (id, name, address, latitude, longitude, radius_metres) values (?, ?, ?, ?, ?, ?)")
                .param(id).param(office.name()).param(office.address()).param(office.latitude()).param(office.longitude())
                .param(office.radiusMetres()).update();
        units.forEach(unit -> jdbc.sql("insert into " + schema + ".office_unit (office_id, unit_id) values (?, ?)")
                .param(id).param(unit).update());
        audit.record(TenantContext.require(), Caller.of(who, identity).username(), "office.create", office.name(), null,
                Map.of("latitude", office.latitude(), "longitude", office.longitude(), "radiusMetres", office.radiusMetres()));
        return new Office(id, office.name(), office.address(), office.latitude(), office.longitude(), office.radiusMetres(), units);
    }
}
