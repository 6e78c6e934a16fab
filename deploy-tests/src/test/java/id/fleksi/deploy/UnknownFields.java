package id.fleksi.deploy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The fields of a parsed manifest that its Kubernetes kind does not have. fabric8's model keeps such a field in the
 * object's {@code additionalProperties} rather than refusing it, so a misspelt or misplaced key (one the API server
 * would refuse, or silently drop) parses quietly; this walks the object and names each one by its path.
 */
final class UnknownFields {

    private UnknownFields() {}

    static List<String> in(Object manifest) {
        List<String> unknown = new ArrayList<>();
        walk(manifest, "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "." + key, unknown));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object field;
            try {
                field = getter.invoke(value);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter.toString(), e);
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) field).keySet().forEach(key -> unknown.add(path + "." + key));
            } else {
                walk(field, path + "." + decapitalize(getter.getName().substring(3)), unknown);
            }
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
