package id.fleksi.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of the admin's module form, as the API takes them: {@code settings.<key>} as typed; a checkbox's marker
 * {@code _settings.<key>} without its box (unticked) as {@code false}; two time inputs {@code settings.<key>.from} and
 * {@code .to} as one window {@code 06:00-12:00} (a browser may send seconds, which a window does not have).
 */
final class SettingsForm {

    private static final String PREFIX = "settings.";

    private SettingsForm() {}

    static Map<String, Object> read(Map<String, String> form) {
        Map<String, Object> settings = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("_" + PREFIX) && !form.containsKey(name.substring(1))) {
                settings.put(name.substring(1 + PREFIX.length()), false);
            } else if (name.startsWith(PREFIX) && name.endsWith(".from")) {
                String key = name.substring(PREFIX.length(), name.length() - ".from".length());
                settings.put(key, minutes(value) + "-" + minutes(form.getOrDefault(PREFIX + key + ".to", "")));
            } else if (name.startsWith(PREFIX) && !name.endsWith(".to")) {
                settings.put(name.substring(PREFIX.length()), value);
            }
        });
        return settings;
    }

    /** {@code 06:00:00} → {@code 06:00}; anything else as sent, for the rule to judge. */
    private static String minutes(String time) {
        String value = time.strip();
        return value.matches("\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?") ? value.substring(0, 5) : value;
    }
}
