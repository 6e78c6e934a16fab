package id.fleksi.modules.reports;

import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The daily activity report, on for new tenants: Fleksi is a performance-control tool, not only attendance. */
@Component
public class ActivityReportsModule implements FeatureModule {

    public static final String ID = "activity-reports";

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
        return LocalizedText.of(
                "Minimal satu kegiatan per hari kerja, disetujui atasan langsung",
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
    public Class<? extends Record> settingsType() {
        return ReportSettings.class;
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry(
                        "activity-reports/",
                        LocalizedText.of("Laporan harian", "Daily report"),
                        Set.of(Role.ASN, Role.ATASAN)),
                new MenuEntry(
                        "activity-reports/review",
                        LocalizedText.of("Persetujuan laporan", "Reports to review"),
                        Set.of(Role.ATASAN)));
    }

    @Override
    public boolean enabledForNewTenants() {
        return true;
    }
}
