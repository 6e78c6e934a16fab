package id.fleksi.platform.modules;

import id.fleksi.platform.calendar.TimeWindow;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A module's settings record, read once: its {@link Setting}s as the page and the API show them ({@link #describe}),
 * and a tenant's stored values bound to it ({@link #bind}), so the code that uses a setting reads a typed field instead
 * of casting what a map holds.
 */
public final class ModuleSettings {

    private static final ClassValue<List<ModuleSetting>> DESCRIBED = new ClassValue<>() {
        @Override
        protected List<ModuleSetting> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(ModuleSettings::describe)
                    .toList();
        }
    };

    private ModuleSettings() {}

    /** The settings a record declares, in the order of its components; each component must carry a {@link Setting}. */
    public static List<ModuleSetting> describe(Class<? extends Record> type) {
        return DESCRIBED.get(type);
    }

    /** The record with the values given (the effective settings: every key present, each valid by its rule). */
    public static <R extends Record> R bind(Class<R> type, Map<String, Object> values) {
        RecordComponent[] components = type.getRecordComponents();
        List<Object> arguments = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            Object value = values.get(component.getName());
            if (value == null) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + component.getName() + " has no value");
            }
            arguments.add(convert(component.getType(), value));
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            canonical.setAccessible(true);
            return canonical.newInstance(arguments.toArray());
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "Settings " + values + " do not make a " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type + " cannot be made from its settings", e);
        }
    }

    private static ModuleSetting describe(RecordComponent component) {
        Setting setting = component.getAnnotation(Setting.class);
        if (setting == null) {
            throw new IllegalStateException(component.getDeclaringRecord().getName() + "." + component.getName()
                    + " is a setting without @Setting (its label, default and rule)");
        }
        LocalizedText label = LocalizedText.of(setting.id(), setting.en());
        Class<?> type = component.getType();
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            long max = type == int.class || type == Integer.class
                    ? Math.min(setting.max(), Integer.MAX_VALUE)
                    : setting.max();
            return ModuleSetting.integer(
                    component.getName(), Long.parseLong(setting.defaultValue()), setting.min(), max, label);
        }
        if (type == boolean.class || type == Boolean.class) {
            return ModuleSetting.bool(component.getName(), Boolean.parseBoolean(setting.defaultValue()), label);
        }
        if (type == TimeWindow.class) {
            return ModuleSetting.timeWindow(component.getName(), setting.defaultValue(), label);
        }
        if (setting.pattern().isEmpty()) {
            throw new IllegalStateException(component.getDeclaringRecord().getName() + "." + component.getName()
                    + " is text: its @Setting needs a pattern");
        }
        if (type != String.class) {
            parser(type); // fails now, at start, rather than on the first tenant that reads it
        }
        return ModuleSetting.text(component.getName(), setting.defaultValue(), setting.pattern(), label);
    }

    private static Object convert(Class<?> type, Object value) {
        if (type == int.class || type == Integer.class) {
            return value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString());
        }
        if (type == long.class || type == Long.class) {
            return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
        }
        if (type == boolean.class || type == Boolean.class) {
            return value instanceof Boolean b ? b : Boolean.parseBoolean(value.toString());
        }
        if (type == String.class) {
            return value.toString();
        }
        try {
            return parser(type).invoke(null, value.toString());
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("'" + value + "' is not a " + type.getSimpleName(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value type's {@code public static T parse(String)}. */
    private static Method parser(Class<?> type) {
        try {
            Method parse = type.getMethod("parse", String.class);
            if (Modifier.isStatic(parse.getModifiers()) && parse.getReturnType() == type) {
                return parse;
            }
        } catch (NoSuchMethodException e) {
            // said below
        }
        throw new IllegalStateException("A setting of type " + type.getName() + " needs a public static "
                + type.getSimpleName() + " parse(String)");
    }
}
