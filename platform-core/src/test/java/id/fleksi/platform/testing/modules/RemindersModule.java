package id.fleksi.platform.testing.modules;

import id.fleksi.platform.modules.FeatureModule;
import id.fleksi.platform.modules.LocalizedText;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A test module that needs {@link NotesModule}, for dependency rules in both directions. */
@Component
public class RemindersModule implements FeatureModule {

    @Override
    public String id() {
        return "reminders";
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("Pengingat", "Reminders");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("Pengingat catatan", "Note reminders");
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of(NotesModule.ID);
    }
}
