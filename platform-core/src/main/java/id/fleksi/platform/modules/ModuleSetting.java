package id.fleksi.platform.modules;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One setting of a module, with its default and its rule. Values travel as strings (JSON settings of a
 * tenant); {@link #problemWith} says in words what is wrong with a value, or null.
 */
public record ModuleSetting(String key, Type type, String defaultValue, LocalizedText label, Long min, Long max,
        Pattern pattern) {

    public enum Type { INTEGER, BOOLEAN, TEXT }

    public static ModuleSetting integer(String key, long defaultValue, long min, long max, LocalizedText label) {
        return new ModuleSetting(key, Type.INTEGER, Long.toString(defaultValue), label, min, max, null);
    }

    public static ModuleSetting bool(String key, boolean defaultValue, LocalizedText label) {
        return new ModuleSetting(key, Type.BOOLEAN, Boolean.toString(defaultValue), label, null, null, null);
    }

    public static ModuleSetting text(String key, String defaultValue, String pattern, LocalizedText label) {
        return new ModuleSetting(key, Type.TEXT, defaultValue, label, null, null, Pattern.compile(pattern));
    }

    /** Why a value is not acceptable, in words for the admin who typed it; null when it is. */
    public @Nullable String problemWith(@Nullable Object value) {
        if (value == null) {
            return "is required";
        }
        String text = String.valueOf(value);
        switch (type) {
            case INTEGER -> {
                long number;
                try {
                    number = value instanceof Number n ? n.longValue() : Long.parseLong(text);
                } catch (NumberFormatException e) {
                    return "must be a whole number";
                }
                if (value instanceof Double || value instanceof Float) {
                    return "must be a whole number";
                }
                if (number < min || number > max) {
                    return "must be between " + min + " and " + max;
                }
                return null;
            }
            case BOOLEAN -> {
                return value instanceof Boolean || text.equals("true") || text.equals("false") ? null : "must be true or false";
            }
            case TEXT -> {
                return pattern.matcher(text).matches() ? null : "must match " + pattern.pattern();
            }
        }
        return null;
    }
}
