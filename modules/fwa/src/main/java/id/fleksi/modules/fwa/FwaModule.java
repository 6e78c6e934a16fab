package id.fleksi.modules.fwa;

import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.security.Role;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The flexible-work policy: off for new tenants until they write their policy. Off means every working day is WFO. */
@Component
public class FwaModule implements FeatureModule {

    public static final String ID = "fwa";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Kerja fleksibel (FWA)", "Flexible work (FWA)");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of(
                "Hari WFA, jendela tanggal, kelayakan, kuota dan persetujuan, dalam batas PermenPANRB 4/2025",
                "WFA days, date windows, eligibility, quotas and approvals, within PermenPANRB 4/2025");
    }

    @Override
    public String version() {
        return "0.1";
    }

    @Override
    public String tenantChangelog() {
        return "db/tenant/modules/fwa.yaml";
    }

    @Override
    public Class<? extends Record> settingsType() {
        return FwaSettings.class;
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry("fwa/", LocalizedText.of("Jadwal kerja", "My schedule"), Set.of(Role.ASN, Role.ATASAN)),
                new MenuEntry(
                        "fwa/policy",
                        LocalizedText.of("Kebijakan kerja fleksibel", "Flexible-work policy"),
                        Set.of(Role.TENANT_ADMIN)));
    }
}
