package id.fleksi.modules.reports;

import java.util.List;
import java.util.Set;

import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.modules.ModuleSetting;
import id.fleksi.platform.security.Role;

import org.springframework.stereotype.Component;

/** The daily activity report, on for new tenants: Fleksi is a performance-control tool, not only attendance. */
@Component
public class ActivityReportsModule implements FeatureModule {

    public static final String ID = "activity-reports";
    static final String REFUSE_CHECK_OUT = "refuseCheckOutWithoutActivity";
    static final String DEADLINE_WORKING_DAYS = "deadlineWorkingDays";
    static final String DEADLINE_HOUR = "deadlineHour";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Laporan kinerja harian", "Daily activity reports");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("Minimal satu kegiatan per hari kerja, disetujui atasan langsung",
                "At least one activity per working day, approved by the direct supervisor");
    }

    @Override
    public String version() {
        return "0.1";
    }

    @Override
    public String tenantChangelog() {
        return "db/tenant/modules/activity-reports.yaml";
    }

    @Override
    public List<ModuleSetting> settings() {
        return List.of(
                ModuleSetting.bool(REFUSE_CHECK_OUT, true, LocalizedText.of(
                        "Tolak presensi pulang sebelum ada kegiatan (jika tidak: hari ditandai tidak patuh)",
                        "Refuse check-out until the day has an activity (otherwise: mark the day non-compliant)")),
                ModuleSetting.integer(DEADLINE_WORKING_DAYS, 1, 0, 10, LocalizedText.of(
                        "Batas laporan: hari kerja berikutnya ke-", "Deadline: working days after the day")),
                ModuleSetting.integer(DEADLINE_HOUR, 10, 0, 23, LocalizedText.of(
                        "Batas laporan: pukul", "Deadline: hour of that day")));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry("activity-reports/", LocalizedText.of("Laporan harian", "Daily report"), Set.of(Role.ASN, Role.ATASAN)),
                new MenuEntry("activity-reports/review", LocalizedText.of("Persetujuan laporan", "Reports to review"), Set.of(Role.ATASAN)));
    }

    @Override
    public boolean enabledForNewTenants() {
        return true;
    }
}
