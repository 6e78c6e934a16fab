package id.fleksi.platform.modules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.fleksi.platform.calendar.TimeWindow;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A module's settings record makes the settings the page and the API show, and a tenant's values come back typed. */
class ModuleSettingsTest {

    record Example(
            @Setting(id = "Batas (jam)", en = "Limit (hours)", defaultValue = "12", min = 1, max = 48)
            int hours,

            @Setting(id = "Tolak", en = "Refuse", defaultValue = "true")
            boolean refuse,

            @Setting(id = "Kode", en = "Code", defaultValue = "AB", pattern = "[A-Z]{2}")
            String code,

            @Setting(
                    id = "Jam masuk",
                    en = "Check-in window",
                    defaultValue = "06:00-12:00",
                    pattern = TimeWindow.PATTERN)
            TimeWindow window) {}

    record Unlabelled(int hours) {}

    record TextWithoutRule(
            @Setting(id = "Teks", en = "Text", defaultValue = "x")
            String text) {}

    record Unparseable(
            @Setting(id = "Teks", en = "Text", defaultValue = "x", pattern = ".*")
            StringBuilder text) {}

    @Test
    void theRecordsComponentsAreTheSettingsInTheirOrderWithTheirKindsDefaultsLabelsAndRules() {
        List<ModuleSetting> settings = ModuleSettings.describe(Example.class);

        assertThat(settings).extracting(ModuleSetting::key).containsExactly("hours", "refuse", "code", "window");
        assertThat(settings)
                .extracting(ModuleSetting::type)
                .containsExactly(
                        ModuleSetting.Type.INTEGER,
                        ModuleSetting.Type.BOOLEAN,
                        ModuleSetting.Type.TEXT,
                        ModuleSetting.Type.TIME_WINDOW);
        assertThat(settings).extracting(ModuleSetting::defaultValue).containsExactly("12", "true", "AB", "06:00-12:00");
        assertThat(settings.get(0).label()).isEqualTo(LocalizedText.of("Batas (jam)", "Limit (hours)"));
        assertThat(settings.get(0).problemWith(49)).isEqualTo("must be between 1 and 48");
        assertThat(settings.get(0).problemWith(48)).isNull();
        assertThat(settings.get(2).problemWith("abc")).isEqualTo("must match [A-Z]{2}");
        assertThat(settings.get(3).problemWith("6-12"))
                .isEqualTo("must be two times of day, from and to (HH:MM-HH:MM)");
        // Said to the admin by the setting's label, in Indonesian where the bundle has it (the API's field stays the
        // key).
        org.springframework.context.MessageSource problems =
                id.fleksi.platform.testing.TestMessages.of("i18n/platform-problems");
        java.util.Locale id = java.util.Locale.forLanguageTag("id");
        assertThat(problems.getMessage(settings.get(0).complaint("x"), id))
                .isEqualTo("Batas (jam) harus bilangan bulat 1–48");
        assertThat(problems.getMessage(settings.get(0).complaint("x"), java.util.Locale.ENGLISH))
                .isEqualTo("Limit (hours) must be a whole number from 1 to 48");
        assertThat(problems.getMessage(settings.get(3).complaint("6-12"), id))
                .isEqualTo("Jam masuk harus berupa dua jam, dari dan sampai (JJ:MM)");
        assertThat(settings.get(3).htmlPattern()).isEqualTo(TimeWindow.PATTERN);
        assertThat(settings.get(0).complaint(12)).isNull();
        assertThat(ModuleSettings.describe(Example.class)).isSameAs(settings); // read once
    }

    @Test
    void storedValuesComeBackTyped() {
        Example bound = ModuleSettings.bind(
                Example.class, Map.of("hours", 24L, "refuse", "false", "code", "XY", "window", "22:00-06:00"));

        assertThat(bound)
                .isEqualTo(new Example(24, false, "XY", new TimeWindow(LocalTime.of(22, 0), LocalTime.of(6, 0))));
        assertThat(bound.window().contains(LocalTime.of(23, 30))).isTrue();
        assertThat(bound.window().contains(LocalTime.of(12, 0))).isFalse();
        assertThatThrownBy(() -> ModuleSettings.bind(Example.class, Map.of("hours", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Example.refuse has no value");
    }

    @Test
    void aSettingWithoutItsLabelOrRuleIsRefusedWhenTheModuleIsRead() {
        assertThatThrownBy(() -> ModuleSettings.describe(Unlabelled.class))
                .hasMessageContaining("hours is a setting without @Setting");
        assertThatThrownBy(() -> ModuleSettings.describe(TextWithoutRule.class))
                .hasMessageContaining("needs a pattern");
        assertThatThrownBy(() -> ModuleSettings.describe(Unparseable.class))
                .hasMessageContaining("needs a public static StringBuilder parse(String)");
    }
}
