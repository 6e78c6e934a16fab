package id.fleksi.platform.modules;

import id.fleksi.platform.calendar.TimeWindow;
import id.fleksi.platform.problem.Problem;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * One setting of a module, with its default and its rule. Values travel as strings (JSON settings of a
 * tenant); {@link #problemWith} says in words what is wrong with a value, or null, and {@link #complaint} says it naming
 * the setting by its label, in the reader's language.
 */
public record ModuleSetting(
        String key, Type type, String defaultValue, LocalizedText label, Long min, Long max, Pattern pattern) {

    /** The kind of value, which also decides the admin's input: a number, a checkbox, two times, or a text box. */
    public enum Type {
        INTEGER,
        BOOLEAN,
        TEXT,
        TIME_WINDOW
    }

    public static ModuleSetting integer(String key, long defaultValue, long min, long max, LocalizedText label) {
        return new ModuleSetting(key, Type.INTEGER, Long.toString(defaultValue), label, min, max, null);
    }

    public static ModuleSetting bool(String key, boolean defaultValue, LocalizedText label) {
        return new ModuleSetting(key, Type.BOOLEAN, Boolean.toString(defaultValue), label, null, null, null);
    }

    public static ModuleSetting text(String key, String defaultValue, String pattern, LocalizedText label) {
        return new ModuleSetting(key, Type.TEXT, defaultValue, label, null, null, Pattern.compile(pattern));
    }

    /** Hours of a day ({@link TimeWindow}), written {@code 06:00-12:00}; the admin's page shows two time inputs. */
    public static ModuleSetting timeWindow(String key, String defaultValue, LocalizedText label) {
        return new ModuleSetting(
                key,
                Type.TIME_WINDOW,
                TimeWindow.parse(defaultValue).toString(),
                label,
                null,
                null,
                Pattern.compile(TimeWindow.PATTERN));
    }

    /**
     * The rule as a browser's {@code pattern} attribute reads it (JavaScript's {@code v} mode, where a hyphen closing a
     * character class is written escaped); null for a setting without a pattern.
     */
    public @Nullable String htmlPattern() {
        return pattern == null ? null : pattern.pattern().replace("-]", "\\-]");
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
                    number = value instanceof Number n ? n.longValue() : Long.parseLong(text.strip());
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
                return value instanceof Boolean || text.equals("true") || text.equals("false")
                        ? null
                        : "must be true or false";
            }
            case TEXT -> {
                return pattern.matcher(text).matches() ? null : "must match " + pattern.pattern();
            }
            case TIME_WINDOW -> {
                return pattern.matcher(text).matches() ? null : "must be two times of day, from and to (HH:MM-HH:MM)";
            }
        }
        return null;
    }

    /**
     * What is wrong with a value, naming the setting by its label, in the reader's language where a bundle says it
     * ({@code problem.invalid-settings.<rule>}: {0} the Indonesian label, {1} and {2} the bounds, {3} the English label);
     * null when the value is fine.
     */
    public @Nullable MessageSourceResolvable complaint(@Nullable Object value) {
        String problem = problemWith(value);
        if (problem == null) {
            return null;
        }
        String english = (label == null ? key : label.en()) + " " + problem;
        String indonesian = label == null ? key : label.id();
        String rule = switch (type) {
            case INTEGER -> max >= Integer.MAX_VALUE ? "whole-number-from" : "whole-number-between";
            case BOOLEAN -> "yes-or-no";
            case TEXT -> "text";
            case TIME_WINDOW -> "time-window";
        };
        return Problem.phrase(
                "problem.invalid-settings." + rule,
                english,
                indonesian,
                min == null ? "" : Long.toString(min),
                max == null ? "" : Long.toString(max),
                label == null ? key : label.en());
    }
}
