package id.fleksi.platform.modules;

import id.fleksi.platform.security.RealmRoles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Every feature module on the classpath, checked at start-up (unique ids, known dependencies, no cycles)
 * and kept in dependency order: a module comes after every module it depends on.
 */
@Component
public class ModuleCatalog implements RealmRoles.Source {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Path segments of the core tenant API, which a module id would shadow. */
    private static final Set<String> RESERVED = Set.of("me", "users", "modules", "audit-events", "admin");

    private final Map<String, FeatureModule> ordered;

    public ModuleCatalog(Collection<FeatureModule> modules) {
        Map<String, FeatureModule> byId = new LinkedHashMap<>();
        modules.stream()
                .sorted(java.util.Comparator.comparing(FeatureModule::id))
                .forEach(module -> {
                    if (!ID.matcher(module.id()).matches() || RESERVED.contains(module.id())) {
                        throw new IllegalStateException("Feature module id '" + module.id()
                                + "' is not lower-case-with-hyphens, or is reserved");
                    }
                    if (byId.put(module.id(), module) != null) {
                        throw new IllegalStateException("Two feature modules have the id '" + module.id() + "'");
                    }
                });
        for (FeatureModule module : byId.values()) {
            for (String dependency : module.dependsOn()) {
                if (!byId.containsKey(dependency)) {
                    throw new IllegalStateException("Feature module '" + module.id() + "' depends on '" + dependency
                            + "', which is not on the classpath");
                }
            }
        }
        this.ordered = topologicalOrder(byId);
    }

    /** All modules, each after the modules it depends on. */
    public List<FeatureModule> modules() {
        return List.copyOf(ordered.values());
    }

    public Optional<FeatureModule> find(String id) {
        return Optional.ofNullable(ordered.get(id));
    }

    /** The tenant changelogs of the modules, in dependency order. */
    public List<String> tenantChangelogs() {
        return ordered.values().stream()
                .map(FeatureModule::tenantChangelog)
                .filter(c -> c != null)
                .toList();
    }

    /** The realm roles every module adds, created in each tenant realm. */
    @Override
    public Set<String> tenantRealmRoles() {
        Set<String> roles = new TreeSet<>();
        ordered.values().forEach(module -> roles.addAll(module.realmRoles()));
        return roles;
    }

    /** Modules that depend on this one directly. */
    public Set<String> dependents(String id) {
        Set<String> dependents = new TreeSet<>();
        ordered.values().stream().filter(m -> m.dependsOn().contains(id)).forEach(m -> dependents.add(m.id()));
        return dependents;
    }

    private static Map<String, FeatureModule> topologicalOrder(Map<String, FeatureModule> byId) {
        Map<String, FeatureModule> result = new LinkedHashMap<>();
        Set<String> visiting = new TreeSet<>();
        for (String id : byId.keySet()) {
            visit(id, byId, result, visiting, new ArrayList<>());
        }
        return result;
    }

    private static void visit(
            String id,
            Map<String, FeatureModule> byId,
            Map<String, FeatureModule> result,
            Set<String> visiting,
            List<String> path) {
        if (result.containsKey(id)) {
            return;
        }
        path.add(id);
        if (!visiting.add(id)) {
            throw new IllegalStateException(
                    "Feature modules depend on each other in a cycle: " + String.join(" -> ", path));
        }
        for (String dependency : new TreeSet<>(byId.get(id).dependsOn())) {
            visit(dependency, byId, result, visiting, path);
        }
        visiting.remove(id);
        path.remove(path.size() - 1);
        result.put(id, byId.get(id));
    }
}
