package go.id.mamujutengahkab.bukutamu;

import java.util.List;
import java.util.Set;

import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.security.Role;

import org.springframework.stereotype.Component;

/**
 * Buku tamu: the front desk of an OPD records who came, from where and for what, and the OPD sees its day's visits.
 * Switched on and off per tenant like Fleksi's own modules; its table is made in every tenant schema.
 */
@Component
public class BukuTamuModule implements FeatureModule {

    public static final String ID = "bukutamu";

    /** The realm role of front-desk staff, added to the tenant's realm when the module is switched on. */
    public static final String FRONT_DESK = "petugas-bukutamu";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Buku tamu", "Guest book");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("Kunjungan ke meja layanan OPD, dicatat petugas", "Visits to an OPD's front desk, recorded by its staff");
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String tenantChangelog() {
        return "db/tenant/modules/bukutamu.yaml";
    }

    @Override
    public Set<String> realmRoles() {
        return Set.of(FRONT_DESK);
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(new MenuEntry("bukutamu/", LocalizedText.of("Buku tamu", "Guest book"), Set.of(Role.TENANT_ADMIN),
                Set.of(FRONT_DESK)));
    }
}
