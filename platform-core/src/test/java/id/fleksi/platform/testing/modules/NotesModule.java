package id.fleksi.platform.testing.modules;

import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.modules.MenuEntry;
import id.fleksi.platform.modules.ModuleSetting;
import id.fleksi.platform.modules.ScheduledJob;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A small feature module for testing the module platform: short notes with a table, an API under
 * {@code /api/v1/t/{code}/notes}, a setting and a menu entry. Found on the classpath like a real one.
 */
@Component
public class NotesModule implements FeatureModule {

    public static final String ID = "notes";

    private final JdbcClient jdbc;

    public NotesModule(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Catatan", "Notes");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("Catatan singkat", "Short notes");
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String tenantChangelog() {
        return "db/tenant/modules/notes.yaml";
    }

    @Override
    public Set<String> realmRoles() {
        return Set.of("notes-editor");
    }

    @Override
    public List<ModuleSetting> settings() {
        return List.of(
                ModuleSetting.integer(
                        "maxLength", 280, 10, 1000, LocalizedText.of("Panjang maksimum", "Maximum length")),
                ModuleSetting.bool("public", false, LocalizedText.of("Terbuka", "Public")));
    }

    /** Every morning at 06:00 in the tenant's zone, a note that the day has begun. */
    @Override
    public List<ScheduledJob> jobs() {
        return List.of(new ScheduledJob(
                "morning-note",
                "0 0 6 * * *",
                tenant -> jdbc.sql("insert into " + TenantContext.require().schemaName()
                                + ".notes_note (text) values ('pagi')")
                        .update()));
    }

    @Override
    public List<MenuEntry> menu() {
        return List.of(
                new MenuEntry("notes/", LocalizedText.of("Catatan", "Notes"), Set.of(Role.ASN, Role.TENANT_ADMIN)));
    }
}
