package id.fleksi.modules.monitoring;

import id.fleksi.modules.monitoring.internal.Person;
import id.fleksi.modules.monitoring.internal.TodayFacts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's units as a tree, each with everything under it counted, and its people by unit: built once per picture
 * ({@link TodayPictures}) and only read afterwards, by any number of callers at once.
 */
final class TodayTree {

    private final Map<UUID, TodayFacts.Unit> units = new HashMap<>();
    private final Map<String, TodayFacts.Unit> byCode = new HashMap<>();
    private final Map<UUID, List<TodayFacts.Unit>> children = new HashMap<>();
    private final Map<UUID, List<Person>> peopleIn = new HashMap<>();
    private final Map<UUID, Counts> rolled = new HashMap<>();
    private final List<TodayFacts.Unit> top = new ArrayList<>();
    private final Counts everyone;

    TodayTree(TodayFacts.Day day) {
        for (TodayFacts.Unit u : day.units()) {
            units.put(u.id(), u);
            byCode.put(u.code(), u);
            if (u.parentId() == null) {
                top.add(u);
            } else {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        Map<UUID, Counts> own = new HashMap<>();
        Counts all = Counts.NONE;
        for (Person p : day.people()) { // in the order read (by name), which each unit's list keeps
            own.merge(p.unitId(), Counts.NONE.plus(p), Counts::plus);
            peopleIn.computeIfAbsent(p.unitId(), k -> new ArrayList<>()).add(p);
            all = all.plus(p);
        }
        everyone = all;
        for (TodayFacts.Unit u : day.units()) {
            rollUp(u.id(), own);
        }
    }

    private Counts rollUp(UUID id, Map<UUID, Counts> own) {
        Counts done = rolled.get(id);
        if (done == null) {
            done = own.getOrDefault(id, Counts.NONE);
            for (TodayFacts.Unit child : children(id)) {
                done = done.plus(rollUp(child.id(), own));
            }
            rolled.put(id, done);
        }
        return done;
    }

    TodayFacts.Unit unit(UUID id) {
        return units.get(id);
    }

    TodayFacts.@Nullable Unit byCode(String code) {
        return byCode.get(code);
    }

    List<TodayFacts.Unit> children(@Nullable UUID id) {
        return id == null ? top : children.getOrDefault(id, List.of());
    }

    /** The people placed directly in the unit, by name. */
    List<Person> peopleIn(UUID id) {
        return peopleIn.getOrDefault(id, List.of());
    }

    Counts everyone() {
        return everyone;
    }

    Counts rolledUp(UUID id) {
        return rolled.getOrDefault(id, Counts.NONE);
    }

    /** These units and every unit under them. */
    Set<UUID> under(Set<UUID> roots) {
        Set<UUID> all = new HashSet<>();
        List<UUID> todo = new ArrayList<>(roots);
        while (!todo.isEmpty()) {
            UUID id = todo.remove(todo.size() - 1);
            if (all.add(id)) {
                children(id).forEach(c -> todo.add(c.id()));
            }
        }
        return all;
    }
}
