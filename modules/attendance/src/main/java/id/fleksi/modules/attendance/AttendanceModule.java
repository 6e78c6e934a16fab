package id.fleksi.modules.attendance;

import id.fleksi.modules.attendance.internal.LocationRetention;
import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.modules.ScheduledJob;
import id.fleksi.platform.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Presensi, on for new tenants: the heart of Fleksi. */
@Component
public class AttendanceModule implements FeatureModule {

    public static final String ID = "attendance";

    private final ObjectProvider<LocationRetention> retention;

    AttendanceModule(ObjectProvider<LocationRetention> retention) {
        this.retention = retention;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Presensi", "Attendance");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of(
                "Presensi masuk dan pulang dengan lokasi yang dinilai di server",
                "Check-in and check-out with the location judged on the server");
    }

    @Override
    public String version() {
        return "0.1";
    }

    @Override
    public String tenantChangelog() {
        return "db/tenant/modules/attendance.yaml";
    }

    @Override
    public Class<? extends Record> settingsType() {
        return AttendanceSettings.class;
    }

    /** Nightly at 02:30 in the tenant's zone: coarsen locations past the retention period. */
    @Override
    public List<ScheduledJob> jobs() {
        return List.of(new ScheduledJob(
                "location-retention",
                "0 30 2 * * *",
                tenant -> retention.getObject().apply(tenant)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry("attendance/", LocalizedText.of("Presensi", "Attendance"), Set.of(Role.ASN, Role.ATASAN)),
                new MenuEntry(
                        "attendance/absences",
                        LocalizedText.of("Izin, sakit, cuti, dinas luar", "Leave and official travel"),
                        Set.of(Role.ASN, Role.ATASAN)),
                new MenuEntry(
                        "attendance/review",
                        LocalizedText.of("Tinjauan lokasi presensi", "Location review of check-ins"),
                        Set.of(Role.ATASAN, Role.BKD, Role.TENANT_ADMIN)));
    }

    @Override
    public boolean enabledForNewTenants() {
        return true;
    }
}
