package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.attendance.AttendanceSettings;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Precise locations are personal data (UU PDP 27/2022): after the tenant's retention period a check-in keeps
 * its place only to two decimals (about 1 km), enough for the record of where someone worked, no longer a
 * trace of where they were.
 */
@Component
public class LocationRetention {

    private final JdbcClient jdbc;
    private final ModuleSwitches switches;

    LocationRetention(JdbcClient jdbc, ModuleSwitches switches) {
        this.jdbc = jdbc;
        this.switches = switches;
    }

    /** Coarsens the tenant's check-ins older than its retention period; returns how many it changed. */
    public int apply(TenantCode tenant) {
        int days = switches.settings(tenant, AttendanceModule.ID, AttendanceSettings.class)
                .locationRetentionDays();
        return jdbc.sql(TenantSql.in(
                        tenant,
                        "update {attendance_check_in} set latitude = round(latitude, 2),"
                                + " longitude = round(longitude, 2) where captured_at < now() - make_interval(days => ?)"
                                + " and (latitude <> round(latitude, 2) or longitude <> round(longitude, 2))"))
                .param(days)
                .update();
    }
}
