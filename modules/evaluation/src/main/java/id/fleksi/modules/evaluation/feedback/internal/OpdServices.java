package id.fleksi.modules.evaluation.feedback.internal;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The services OPDs give the public (Pembuatan KTP-el at Disdukcapil, say), each with a short slug that names its
 * public page, {@code /publik/{tenant}/layanan/{slug}}. Defined by the head of the unit or the tenant admin; a service
 * switched off keeps its ratings and its page says it takes none. Runs with the tenant set.
 */
@Service
public class OpdServices {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Schema(name = "FeedbackService")
    public record OpdService(
            UUID id, UUID unitId, String unitCode, String unitName, String slug, String name, boolean active) {}

    @Schema(name = "NewFeedbackService")
    public record NewService(
            @Nullable String unit,
            @Nullable String name,
            @Nullable String slug) {}

    @Schema(name = "FeedbackServiceChange")
    public record ServiceChange(
            @Nullable String name, @Nullable Boolean active) {}

    private final JdbcClient jdbc;
    private final Stewards stewards;
    private final AuditLog audit;
    private final Clock clock;

    OpdServices(JdbcClient jdbc, Stewards stewards, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.stewards = stewards;
        this.audit = audit;
        this.clock = clock;
    }

    /** The services the caller may define and change, by unit, then name. */
    public List<OpdService> mine(Caller caller) {
        Stewards.Reach reach = stewards.toDefine(caller);
        return jdbc.sql(TenantSql.of(SELECT + " order by u.name, s.name")).query(OpdServices::map).list().stream()
                .filter(s -> reach.covers(s.unitId()))
                .toList();
    }

    /** Defines a service of a unit (by the unit's code); every mistake is named and nothing is saved. */
    public OpdService define(Tenant tenant, Caller caller, NewService request) {
        Stewards.Reach reach = stewards.toDefine(caller);
        List<String> wrong = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            wrong.add("name: 1 to 200 characters");
        }
        String slug = request.slug() == null ? "" : request.slug().strip().toLowerCase(java.util.Locale.ROOT);
        if (slug.length() < 2 || slug.length() > 60 || !SLUG.matcher(slug).matches()) {
            wrong.add("slug: 2 to 60 small letters, digits and single dashes, e.g. ktp-el");
        }
        UUID unit = request.unit() == null
                ? null
                : jdbc.sql(TenantSql.of("select id from {org_unit} where code = ?"))
                        .param(request.unit().strip())
                        .query(UUID.class)
                        .optional()
                        .orElse(null);
        if (unit == null) {
            wrong.add("unit: the code of a unit of this pemda");
        }
        if (!wrong.isEmpty()) {
            throw Problem.badRequest(
                            "invalid-feedback-service",
                            "The service cannot be saved",
                            String.join("; ", wrong) + ". Nothing was saved.")
                    .values(String.join("; ", wrong));
        }
        if (!reach.covers(unit)) {
            throw Problem.forbidden(
                            "feedback-service-not-your-unit",
                            "Not your unit",
                            "You define services of the units you" + " head and those under them; " + request.unit()
                                    + " is not one of them.")
                    .values(request.unit());
        }
        if (bySlug(slug).isPresent()) {
            throw Problem.conflict(
                            "feedback-slug-taken",
                            "Slug taken",
                            "Another service already has the address " + slug
                                    + ". Choose another short name. Nothing was saved.")
                    .values(slug);
        }
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql(TenantSql.of(
                        "insert into {evaluation_service} (id, unit_id, slug, name, active, created_by, created_at, updated_at)"
                                + " values (?, ?, ?, ?, true, ?, ?, ?)"))
                .params(id, unit, slug, name, caller.username(), now, now)
                .update();
        OpdService made = find(id);
        audit.record(
                tenant.code(), caller.username(), "feedback.service.defined", "evaluation_service:" + id, null, made);
        return made;
    }

    /** Renames a service or switches it on or off. */
    public OpdService change(Tenant tenant, Caller caller, UUID id, ServiceChange request) {
        OpdService before = find(id);
        if (!stewards.toDefine(caller).covers(before.unitId())) {
            throw Problem.forbidden(
                            "feedback-service-not-your-unit",
                            "Not your unit",
                            "You define services of the units you" + " head and those under them; " + before.unitCode()
                                    + " is not one of them.")
                    .values(before.unitCode());
        }
        String name = request.name() == null ? before.name() : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw Problem.badRequest(
                            "invalid-feedback-service",
                            "The service cannot be saved",
                            "name: 1 to 200 characters. Nothing was saved.")
                    .values("name: 1 to 200 characters");
        }
        boolean active = request.active() == null ? before.active() : request.active();
        jdbc.sql(TenantSql.of("update {evaluation_service} set name = ?, active = ?, updated_at = ? where id = ?"))
                .params(name, active, Timestamp.from(clock.instant()), id)
                .update();
        OpdService after = find(id);
        audit.record(
                tenant.code(),
                caller.username(),
                "feedback.service.changed",
                "evaluation_service:" + id,
                before,
                after);
        return after;
    }

    public OpdService find(UUID id) {
        return jdbc.sql(TenantSql.of(SELECT + " where s.id = ?"))
                .param(id)
                .query(OpdServices::map)
                .optional()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-feedback-service",
                                "No such service",
                                "There is no service " + id + " here. Open the list of services again.")
                        .values(id.toString()));
    }

    public Optional<OpdService> bySlug(String slug) {
        return jdbc.sql(TenantSql.of(SELECT + " where s.slug = ?"))
                .param(slug)
                .query(OpdServices::map)
                .optional();
    }

    private static final String SELECT =
            "select s.id, s.unit_id, u.code as unit_code, u.name as unit_name, s.slug, s.name, s.active"
                    + " from {evaluation_service} s join {org_unit} u on u.id = s.unit_id";

    private static OpdService map(ResultSet rs, int row) throws SQLException {
        return new OpdService(
                rs.getObject("id", UUID.class),
                rs.getObject("unit_id", UUID.class),
                rs.getString("unit_code"),
                rs.getString("unit_name"),
                rs.getString("slug"),
                rs.getString("name"),
                rs.getBoolean("active"));
    }
}
