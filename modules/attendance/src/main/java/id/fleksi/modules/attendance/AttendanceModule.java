package id.fleksi.modules.attendance;

import java.util.List;
import java.util.Set;

import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.modules.ModuleSetting;
import id.fleksi.platform.modules.ScheduledJob;
import id.fleksi.platform.security.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Presensi, on for new tenants: the heart of Fleksi. */
@Component
public class AttendanceModule implements FeatureModule {

    public static final String ID = "attendance";
    static final String OFFLINE_WINDOW_HOURS = "offlineWindowHours";
    static final String LATENESS_TOLERANCE_MINUTES = "latenessToleranceMinutes";
    static final String LOCATION_RETENTION_DAYS = "locationRetentionDays";
    static final String CHECK_IN_WINDOW = "checkInWindow";
    static final String CHECK_OUT_WINDOW = "checkOutWindow";
    private static final String WINDOW = "([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d";

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
        return LocalizedText.of("Presensi masuk dan pulang dengan lokasi yang dinilai di server",
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

    /** Built once: every check-in asks for them, and each text setting compiles its pattern. */
    private static final List<ModuleSetting> SETTINGS = List.of(
            ModuleSetting.integer(OFFLINE_WINDOW_HOURS, 12, 1, 48,
                    LocalizedText.of("Batas presensi luring (jam)", "Offline capture window (hours)")),
            ModuleSetting.integer(LATENESS_TOLERANCE_MINUTES, 0, 0, 120,
                    LocalizedText.of("Toleransi terlambat (menit)", "Lateness tolerance (minutes)")),
            ModuleSetting.integer(LOCATION_RETENTION_DAYS, 365, 30, 3650,
                    LocalizedText.of("Lokasi persis disimpan (hari)", "Keep precise locations for (days)")),
            // Open all day unless the tenant narrows them (a common rule: 06:00-12:00 and 14:00-18:00).
            ModuleSetting.text(CHECK_IN_WINDOW, "00:00-23:59", WINDOW,
                    LocalizedText.of("Jam presensi masuk (JJ:MM-JJ:MM)", "Check-in window (HH:MM-HH:MM)")),
            ModuleSetting.text(CHECK_OUT_WINDOW, "00:00-23:59", WINDOW,
                    LocalizedText.of("Jam presensi pulang (JJ:MM-JJ:MM)", "Check-out window (HH:MM-HH:MM)")));

    @Override
    public List<ModuleSetting> settings() {
        return SETTINGS;
    }

    /** Nightly at 02:30 in the tenant's zone: coarsen locations past the retention period. */
    @Override
    public List<ScheduledJob> jobs() {
        return List.of(new ScheduledJob("location-retention", "0 30 2 * * *", tenant -> retention.getObject().apply(tenant)));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("attendance/", LocalizedText.of("Presensi", "Attendance"), Set.of(Role.ASN, Role.ATASAN)),
                new MenuEntry("attendance/absences", LocalizedText.of("Izin, sakit, cuti, dinas luar", "Leave and official travel"),
                        Set.of(Role.ASN, Role.ATASAN)),
                new MenuEntry("attendance/review", LocalizedText.of("Tinjauan lokasi presensi", "Location review of check-ins"),
                        Set.of(Role.ATASAN, Role.BKD, Role.TENANT_ADMIN)));
    }

    @Override
    public boolean enabledForNewTenants() {
        return true;
    }
}
