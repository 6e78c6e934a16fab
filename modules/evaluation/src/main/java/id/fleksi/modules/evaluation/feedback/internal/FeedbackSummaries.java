package id.fleksi.modules.evaluation.feedback.internal;

import id.fleksi.modules.evaluation.ServiceRatings;
import id.fleksi.modules.evaluation.feedback.ServedModeRatings;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the public said, counted: only accepted ratings, per OPD and per service, with their mean, their spread over
 * the five scores, and the latest accepted comments; pending ones are only counted, for the moderator. The evaluation
 * and the WFA trial's verdict read the same ratings through {@link ServiceRatings}.
 */
@Service
public class FeedbackSummaries implements ServiceRatings, ServedModeRatings {

    /**
     * @param distribution accepted ratings per score, index 0 for score 1 to index 4 for score 5
     * @param mean the mean of accepted scores, null when there are none
     */
    @Schema(name = "FeedbackServiceSummary")
    public record ServiceSummary(
            UUID serviceId,
            String slug,
            String name,
            boolean active,
            long ratings,
            @Nullable Double mean,
            long[] distribution,
            long pending,
            List<String> comments) {}

    @Schema(name = "FeedbackOpdSummary")
    public record OpdSummary(
            String unitCode,
            String unitName,
            long ratings,
            @Nullable Double mean,
            List<ServiceSummary> services) {}

    @Schema(name = "FeedbackSummary")
    public record Summary(LocalDate from, LocalDate to, List<OpdSummary> opds) {}

    private static final int COMMENTS_SHOWN = 5;

    private final JdbcClient jdbc;
    private final Stewards stewards;

    FeedbackSummaries(JdbcClient jdbc, Stewards stewards) {
        this.jdbc = jdbc;
        this.stewards = stewards;
    }

    @Override
    public ServiceRatings.Summary between(TenantCode tenant, @Nullable UUID unit, LocalDate from, LocalDate to) {
        return jdbc.sql(TenantSql.in(
                        tenant,
                        UNDER + " select count(*), coalesce(sum(f.score), 0),"
                                + " coalesce(sum(f.score * f.score), 0) from {evaluation_feedback} f"
                                + " join {evaluation_service} s on s.id = f.service_id"
                                + " where f.status = 'ACCEPTED' and f.given_on between ? and ?"
                                + " and (cast(? as uuid) is null or s.unit_id in (select id from under))"))
                .params(unit, from, to, unit)
                .query((rs, n) -> new ServiceRatings.Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    @Override
    public Map<String, ServiceRatings.Summary> byServedMode(
            TenantCode tenant, @Nullable UUID unit, LocalDate from, LocalDate to) {
        Map<String, ServiceRatings.Summary> split = new LinkedHashMap<>();
        for (String mode : List.of(OFFICE, REMOTE, NOT_SAID)) {
            split.put(mode, ServiceRatings.Summary.NONE);
        }
        jdbc.sql(TenantSql.in(
                        tenant,
                        UNDER + " select coalesce(f.served_mode, 'NOT_SAID'), count(*), sum(f.score),"
                                + " sum(f.score * f.score) from {evaluation_feedback} f join {evaluation_service} s on s.id = f.service_id"
                                + " where f.status = 'ACCEPTED' and f.given_on between ? and ?"
                                + " and (cast(? as uuid) is null or s.unit_id in (select id from under)) group by 1"))
                .params(unit, from, to, unit)
                .query(rs -> {
                    split.put(rs.getString(1), new ServiceRatings.Summary(rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                });
        return split;
    }

    /** Every service the caller may read, grouped by the OPD (the top unit) it belongs to. Runs with the tenant set. */
    public Summary summary(Caller caller, LocalDate from, LocalDate to) {
        Stewards.Reach reach = stewards.toRead(caller);
        Map<UUID, long[]> counts = new LinkedHashMap<>();
        jdbc.sql(TenantSql.of("select service_id, score, status, count(*) from {evaluation_feedback}"
                        + " where given_on between ? and ? group by service_id, score, status"))
                .params(from, to)
                .query(rs -> {
                    long[] c = counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new long[6]);
                    String status = rs.getString(3);
                    if ("ACCEPTED".equals(status)) {
                        c[rs.getInt(2) - 1] += rs.getLong(4);
                    } else if ("PENDING".equals(status)) {
                        c[5] += rs.getLong(4);
                    }
                });
        Map<UUID, List<String>> comments = new LinkedHashMap<>();
        jdbc.sql(TenantSql.of("select service_id, comment from (select service_id, comment, row_number() over"
                        + " (partition by service_id order by number desc) as n from {evaluation_feedback}"
                        + " where status = 'ACCEPTED' and comment is not null and given_on between ? and ?) c where n <= ?"
                        + " order by service_id, n"))
                .params(from, to, COMMENTS_SHOWN)
                .query(rs -> {
                    comments.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        Map<String, List<ServiceSummary>> byOpd = new LinkedHashMap<>();
        Map<String, String> opdNames = new LinkedHashMap<>();
        jdbc.sql(TenantSql.of("with recursive up(id, top) as (select id, id from {org_unit} where parent_id is null"
                        + " union all select c.id, up.top from {org_unit} c join up on c.parent_id = up.id)"
                        + " select s.id, s.slug, s.name, s.active, s.unit_id, t.code, t.name as opd_name from {evaluation_service} s"
                        + " join up on up.id = s.unit_id join {org_unit} t on t.id = up.top order by t.name, s.name"))
                .query(rs -> {
                    if (!reach.covers(rs.getObject("unit_id", UUID.class))) {
                        return;
                    }
                    UUID id = rs.getObject("id", UUID.class);
                    long[] c = counts.getOrDefault(id, new long[6]);
                    long[] distribution = java.util.Arrays.copyOf(c, 5);
                    opdNames.put(rs.getString("code"), rs.getString("opd_name"));
                    byOpd.computeIfAbsent(rs.getString("code"), k -> new ArrayList<>())
                            .add(new ServiceSummary(
                                    id,
                                    rs.getString("slug"),
                                    rs.getString("name"),
                                    rs.getBoolean("active"),
                                    total(distribution),
                                    mean(distribution),
                                    distribution,
                                    c[5],
                                    comments.getOrDefault(id, List.of())));
                });
        List<OpdSummary> opds = byOpd.entrySet().stream()
                .map(e -> {
                    long[] all = new long[5];
                    e.getValue().forEach(s -> {
                        for (int i = 0; i < 5; i++) {
                            all[i] += s.distribution()[i];
                        }
                    });
                    return new OpdSummary(e.getKey(), opdNames.get(e.getKey()), total(all), mean(all), e.getValue());
                })
                .toList();
        return new Summary(from, to, opds);
    }

    private static long total(long[] distribution) {
        long n = 0;
        for (long d : distribution) {
            n += d;
        }
        return n;
    }

    private static @Nullable Double mean(long[] distribution) {
        long n = total(distribution);
        if (n == 0) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < distribution.length; i++) {
            sum += (i + 1) * distribution[i];
        }
        return Math.round(100.0 * sum / n) / 100.0;
    }

    private static final String UNDER = "with recursive under(id) as (select id from {org_unit} where id = ?"
            + " union all select c.id from {org_unit} c join under on c.parent_id = under.id)";
}
