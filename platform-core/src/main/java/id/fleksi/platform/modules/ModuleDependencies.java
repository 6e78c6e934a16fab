package id.fleksi.platform.modules;

import id.fleksi.platform.problem.Problem;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/** Whether a switch keeps every module's dependencies on: no module on before what it needs, or off while needed. */
final class ModuleDependencies {

    private ModuleDependencies() {}

    /** Refuses switching {@code module} on while a module it depends on is not among those {@code on}. */
    static void requireOn(FeatureModule module, Set<String> on) {
        Set<String> missing = new TreeSet<>();
        for (String dependency : module.dependsOn()) {
            if (!on.contains(dependency)) {
                missing.add(dependency);
            }
        }
        if (!missing.isEmpty()) {
            throw Problem.conflict(
                            "module-dependencies-off",
                            "Needs other modules",
                            "Module '" + module.id() + "' needs " + String.join(", ", missing)
                                    + " switched on first; nothing" + " was changed.")
                    .with("missing", missing)
                    .values(module.id(), String.join(", ", missing));
        }
    }

    /** Refuses switching {@code module} off while one of its {@code dependents} is among those {@code on}. */
    static void requireNoneNeeding(FeatureModule module, Collection<String> dependents, Set<String> on) {
        Set<String> needing = new TreeSet<>();
        for (String dependent : dependents) {
            if (on.contains(dependent)) {
                needing.add(dependent);
            }
        }
        if (!needing.isEmpty()) {
            throw Problem.conflict(
                            "module-needed",
                            "Needed by other modules",
                            "Module '" + module.id() + "' is needed by " + String.join(", ", needing)
                                    + ", which are on;" + " switch those off first. Nothing was changed.")
                    .with("neededBy", needing)
                    .values(module.id(), String.join(", ", needing));
        }
    }
}
