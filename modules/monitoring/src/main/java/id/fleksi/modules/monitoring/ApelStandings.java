package id.fleksi.modules.monitoring;

import id.fleksi.modules.monitoring.Apels.OpdStanding;
import id.fleksi.modules.monitoring.internal.Person;
import id.fleksi.modules.monitoring.internal.TodayFacts;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Each OPD's standing at an apel, the fullest first, from the day's count and who confirmed: a pure decision. */
final class ApelStandings {

    private ApelStandings() {}

    /**
     * The expected are those the day's count expects (today a working day of their unit), each in the OPD at the top
     * of their unit; the confirmed are counted in their OPD, and never count for more than the expected in its share.
     */
    static List<OpdStanding> of(TodayFacts.Day today, List<UUID> present, Map<UUID, String> reports) {
        Map<UUID, TodayFacts.Unit> units = new HashMap<>();
        today.units().forEach(u -> units.put(u.id(), u));
        Map<UUID, int[]> byOpd = new HashMap<>();
        Map<UUID, UUID> opdOfPerson = new HashMap<>();
        for (Person p : today.people()) {
            UUID opd = opdOf(units, p.unitId());
            opdOfPerson.put(p.id(), opd);
            if (p.expected()) {
                byOpd.computeIfAbsent(opd, k -> new int[2])[0]++;
            }
        }
        present.forEach(id -> byOpd.computeIfAbsent(opdOfPerson.get(id), k -> new int[2])[1]++);
        return today.units().stream()
                .filter(u -> u.parentId() == null)
                .map(u -> {
                    int[] c = byOpd.getOrDefault(u.id(), new int[2]);
                    return new OpdStanding(
                            u.code(),
                            u.name(),
                            c[0],
                            c[1],
                            c[0] == 0 ? 0 : Math.round(100f * Math.min(c[1], c[0]) / c[0]),
                            reports.get(u.id()));
                })
                .sorted(Comparator.comparingInt(OpdStanding::percent).reversed().thenComparing(OpdStanding::name))
                .toList();
    }

    private static UUID opdOf(Map<UUID, TodayFacts.Unit> units, UUID unit) {
        UUID at = unit;
        while (units.get(at) != null && units.get(at).parentId() != null) {
            at = units.get(at).parentId();
        }
        return at;
    }
}
