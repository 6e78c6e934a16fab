package id.fleksi.modules.monitoring;

import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.monitoring.internal.EarlyWarning;
import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.modules.ScheduledJob;
import id.fleksi.platform.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Monitoring (pemantauan): today's attendance and reports of the whole pemda, an OPD or a unit, live; the province's
 * view of its kabupaten in counts only. It adds the realm role {@value #LEADER}: the Bupati, Sekda and others who see
 * everything and change nothing.
 */
@Component
public class MonitoringModule implements FeatureModule {

    private final ObjectProvider<EarlyWarning> warnings;

    MonitoringModule(ObjectProvider<EarlyWarning> warnings) {
        this.warnings = warnings;
    }

    public static final String ID = "monitoring";

    /** The realm role of leaders who see the whole pemda, persons included, read-only. */
    public static final String LEADER = "pimpinan";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Pemantauan", "Monitoring");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of(
                "Kehadiran dan laporan hari ini per OPD, langsung, untuk pimpinan, BKD dan kepala OPD",
                "Today's attendance and reports per OPD, live, for leaders, BKD and heads of agency");
    }

    @Override
    public String version() {
        return "0.1";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(AttendanceModule.ID);
    }

    @Override
    public String tenantChangelog() {
        return "db/tenant/modules/monitoring.yaml";
    }

    @Override
    public Class<? extends Record> settingsType() {
        return MonitoringSettings.class;
    }

    @Override
    public List<ScheduledJob> jobs() {
        // Each night, after the day is over everywhere in the tenant's zone.
        return List.of(new ScheduledJob(
                "early-warning", "0 15 1 * * *", tenant -> warnings.getObject().evaluate(tenant)));
    }

    @Override
    public Set<String> realmRoles() {
        return Set.of(LEADER);
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry(
                        "monitoring/",
                        LocalizedText.of("Pemantauan hari ini", "Today's monitoring"),
                        Set.of(Role.BKD, Role.TENANT_ADMIN, Role.ATASAN),
                        Set.of(LEADER)),
                new MenuEntry(
                        "monitoring/warnings",
                        LocalizedText.of("Peringatan dini", "Early warnings"),
                        Set.of(Role.BKD, Role.TENANT_ADMIN, Role.ATASAN),
                        Set.of(LEADER)),
                new MenuEntry(
                        "monitoring/digest",
                        LocalizedText.of("Rekap mingguan dan bulanan", "Weekly and monthly digest"),
                        Set.of(Role.BKD, Role.ATASAN),
                        Set.of(LEADER)),
                new MenuEntry(
                        "monitoring/apel",
                        LocalizedText.of("Apel virtual", "Virtual apel"),
                        Set.of(Role.ASN, Role.BKD, Role.TENANT_ADMIN),
                        Set.of(LEADER)),
                new MenuEntry(
                        "monitoring/standing",
                        LocalizedText.of("Kedisiplinan saya", "My discipline record"),
                        Set.of(Role.ASN)));
    }

    @Override
    public boolean enabledForNewTenants() {
        return true;
    }
}
