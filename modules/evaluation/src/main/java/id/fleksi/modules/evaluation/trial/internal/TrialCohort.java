package id.fleksi.modules.evaluation.trial.internal;

import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who can be compared: employees in the tenant through both sides of the comparison, each with the OPD (the top unit above
 * their unit) their figures count in. Someone retired is left out (their status does not say since when); someone who
 * joined after the first compared day is left out, since they were not there on both sides. Joining is the start date
 * (TMT) when known, else the record's creation or the first check-in, whichever is earlier (history brought in with them).
 * Two statements, whatever the size of the tenant.
 */
public final class TrialCohort {

    public static final String RETIRED = "RETIRED";
    public static final String JOINED_LATE = "JOINED_LATE";

    /** An OPD: a unit with no parent. */
    public record Opd(UUID id, String code, String name) {}

    /** The employees compared (each with their OPD), the OPD by id, and those left out counted by reason. */
    public record People(Map<UUID, UUID> opdOf, Map<UUID, Opd> opds, Map<String, Integer> leftOut) {}

    private TrialCohort() {}

    public static People read(JdbcClient jdbc, LocalDate earliest, ZoneId zone) {
        Map<UUID, UUID> parent = new HashMap<>();
        Map<UUID, Opd> opds = new LinkedHashMap<>();
        jdbc.sql(TenantSql.of("select id, parent_id, code, name from {org_unit} order by name"))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    parent.put(id, rs.getObject(2, UUID.class));
                    if (rs.getObject(2) == null) {
                        opds.put(id, new Opd(id, rs.getString(3), rs.getString(4)));
                    }
                });
        Map<UUID, UUID> opdOf = new LinkedHashMap<>();
        Map<String, Integer> leftOut = new LinkedHashMap<>();
        jdbc.sql(
                        TenantSql.of(
                                "select e.id, e.unit_id, e.status, e.start_date, e.created_at, f.first_in from {employee} e"
                                        + " left join (select employee_id, min(work_date) as first_in from {attendance_check_in}"
                                        + " where kind = 'IN' and work_date <= ? group by employee_id) f on f.employee_id = e.id order by e.name, e.id"))
                .param(earliest)
                .query(rs -> {
                    LocalDate start = rs.getObject(4, LocalDate.class);
                    LocalDate recorded =
                            rs.getTimestamp(5).toInstant().atZone(zone).toLocalDate();
                    LocalDate firstIn = rs.getObject(6, LocalDate.class);
                    LocalDate joined =
                            start != null ? start : firstIn != null && firstIn.isBefore(recorded) ? firstIn : recorded;
                    if (RETIRED.equals(rs.getString(3))) {
                        leftOut.merge(RETIRED, 1, Integer::sum);
                    } else if (joined.isAfter(earliest)) {
                        leftOut.merge(JOINED_LATE, 1, Integer::sum);
                    } else {
                        opdOf.put(rs.getObject(1, UUID.class), top(parent, rs.getObject(2, UUID.class)));
                    }
                });
        return new People(opdOf, opds, leftOut);
    }

    private static UUID top(Map<UUID, UUID> parent, UUID unit) {
        UUID at = unit;
        for (int depth = 0; depth < 64; depth++) {
            @Nullable UUID up = parent.get(at);
            if (up == null) {
                return at;
            }
            at = up;
        }
        return at;
    }

    /** The compared employees in slices, so that a large pemda's days never sit in memory all at once. */
    public static List<List<UUID>> slices(Map<UUID, UUID> opdOf, int size) {
        List<List<UUID>> slices = new ArrayList<>();
        List<UUID> all = new ArrayList<>(opdOf.keySet());
        for (int i = 0; i < all.size(); i += size) {
            slices.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return slices;
    }
}
