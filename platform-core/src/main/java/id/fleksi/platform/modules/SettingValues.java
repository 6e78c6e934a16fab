package id.fleksi.platform.modules;

import id.fleksi.platform.calendar.TimeWindow;
import id.fleksi.platform.problem.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A tenant's values of a module's settings: checked as an admin gives them, and in effect with the defaults. */
final class SettingValues {

    private SettingValues() {}

    /** The values given, each typed by its setting; every invalid one refused at once. */
    static Map<String, Object> validated(FeatureModule module, @Nullable Map<String, Object> settings) {
        if (settings == null || settings.isEmpty()) {
            return Map.of();
        }
        Map<String, ModuleSetting> known = new HashMap<>();
        module.settings().forEach(setting -> known.put(setting.key(), setting));
        List<Map<String, String>> errors = new ArrayList<>();
        List<Object> complaints = new ArrayList<>();
        Map<String, Object> typed = new LinkedHashMap<>();
        settings.forEach((key, value) -> {
            ModuleSetting setting = known.get(key);
            if (setting == null) {
                String problem = "is not a setting of module " + module.id();
                errors.add(Map.of("field", "settings." + key, "message", problem));
                complaints.add(Problem.phrase(
                        "problem.invalid-settings.unknown", "settings." + key + " " + problem, key, module.id()));
                return;
            }
            String problem = setting.problemWith(value);
            if (problem != null) {
                errors.add(Map.of("field", "settings." + key, "message", problem));
                complaints.add(setting.complaint(value));
            } else {
                typed.put(key, typedValue(setting, value));
            }
        });
        if (!errors.isEmpty()) {
            // The English names each setting's key (the API's field); the reader's language names it by its label.
            throw Problem.badRequest(
                            "invalid-settings",
                            "Invalid settings",
                            String.join(
                                            "; ",
                                            errors.stream()
                                                    .map(e -> e.get("field") + " " + e.get("message"))
                                                    .toList())
                                    + ". Nothing was changed.")
                    .with("errors", errors)
                    .values(Problem.joined("; ", complaints));
        }
        return typed;
    }

    /** Every setting of the module: the stored value (none stored: null), else its default. */
    static Map<String, Object> effective(FeatureModule module, @Nullable Map<String, Object> stored) {
        Map<String, Object> effective = new LinkedHashMap<>();
        for (ModuleSetting setting : module.settings()) {
            Object value = stored == null ? null : stored.get(setting.key());
            effective.put(setting.key(), typedValue(setting, value != null ? value : setting.defaultValue()));
        }
        return effective;
    }

    private static Object typedValue(ModuleSetting setting, Object value) {
        return switch (setting.type()) {
            case INTEGER -> value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
            case BOOLEAN -> value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
            case TEXT -> String.valueOf(value);
            case TIME_WINDOW -> TimeWindow.parse(String.valueOf(value)).toString();
        };
    }
}
