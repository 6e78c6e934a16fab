package id.fleksi.modules.evaluation.rules;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantCache;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's deduction rule versions. A new version takes effect today or later, never earlier: a past day stays
 * judged by the version that was in force on it, and a month already paid is not recomputed by a later Perbup.
 */
@Service
public class RuleSets {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final TenantRegistry registry;
    private final TenantCache cache;
    private final Clock clock;

    RuleSets(
            JdbcClient jdbc,
            AuditLog audit,
            TransactionTemplate transactions,
            TenantRegistry registry,
            TenantCache cache,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.registry = registry;
        this.cache = cache;
        this.clock = clock;
    }

    /** Every version, oldest first (by effective date, then version); read again only when one was added. Tenant set. */
    public List<RuleSet> versions() {
        return cache.get(TenantContext.require(), "evaluation.rule-sets", this::read);
    }

    /** The version in force today, if any. */
    public RuleSet current() {
        return RuleSet.inForce(versions(), today());
    }

    private List<RuleSet> read() {
        return List.copyOf(jdbc.sql(
                        TenantSql.of("select id, version, effective_from, name, preset, source, late_bands::text,"
                                + " early_leave_bands::text, unexcused_percent, no_apel_percent, no_report_percent, cap_percent,"
                                + " dinas_luar_excuses, make_up_minutes, created_by, created_at from {evaluation_rule_set}"
                                + " order by effective_from, version"))
                .query((rs, n) -> new RuleSet(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        bands(rs.getString(7)),
                        bands(rs.getString(8)),
                        plain(rs.getBigDecimal(9)),
                        plain(rs.getBigDecimal(10)),
                        plain(rs.getBigDecimal(11)),
                        plain(rs.getBigDecimal(12)),
                        rs.getBoolean(13),
                        rs.getInt(14),
                        rs.getString(15),
                        rs.getTimestamp(16).toInstant()))
                .list());
    }

    /** Stores a new version, in force from its date (today or later). Tenant set. */
    public RuleSet add(RuleSet rules, String actor) {
        LocalDate today = today();
        if (rules.effectiveFrom() == null || rules.effectiveFrom().isBefore(today)) {
            throw Problem.unprocessable(
                            "rules-in-past",
                            "Cannot change the past",
                            "In force from " + rules.effectiveFrom()
                                    + " has passed; past days stay judged by the rules in force then. Use " + today
                                    + " or later."
                                    + " Nothing was saved.")
                    .values(String.valueOf(rules.effectiveFrom()), today.toString())
                    .with(
                            "errors",
                            List.of(Map.of("field", "effectiveFrom", "message", "today (" + today + ") or later")));
        }
        return store(rules, actor);
    }

    /**
     * Records a tenant's rule history as it was, past dates included, while it has none yet: for a tenant brought onto
     * Fleksi with its Perbup already in force (the demo). Same checks as {@link #add}.
     */
    public RuleSet seedHistory(RuleSet rules, String actor) {
        if (!versions().isEmpty()) {
            throw Problem.conflict(
                    "rules-history",
                    "History already recorded",
                    "This tenant already has deduction rules;"
                            + " new versions take effect today or later. Nothing was saved.");
        }
        return store(rules, actor);
    }

    /** A new version to start from: a preset's rules, or those in force today, effective from the date given. */
    public RuleSet draft(String from, LocalDate effectiveFrom) {
        if ("current".equalsIgnoreCase(from.strip())) {
            RuleSet current = current();
            if (current == null) {
                throw Problem.notFound(
                        "no-rules-yet",
                        "No rules yet",
                        "This tenant has no deduction rules yet; start from" + " a preset.");
            }
            return current.from(effectiveFrom);
        }
        return RulePresets.find(from)
                .orElseThrow(() -> Problem.notFound(
                                "unknown-preset",
                                "No such preset",
                                "There is no" + " preset " + from + "; choose one of "
                                        + RulePresets.all().stream()
                                                .map(RuleSet::preset)
                                                .toList() + ".")
                        .values(from))
                .from(effectiveFrom);
    }

    private RuleSet store(RuleSet rules, String actor) {
        RuleSetCheck.require(rules);
        UUID id = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql(TenantSql.of("lock table {evaluation_rule_set} in share row exclusive mode"))
                    .update();
            int version = jdbc.sql(TenantSql.of("select coalesce(max(version), 0) + 1 from {evaluation_rule_set}"))
                    .query(Integer.class)
                    .single();
            jdbc.sql(
                            TenantSql.of(
                                    "insert into {evaluation_rule_set} (id, version, effective_from, name, preset, source,"
                                            + " late_bands, early_leave_bands, unexcused_percent, no_apel_percent, no_report_percent, cap_percent,"
                                            + " dinas_luar_excuses, make_up_minutes, created_by, created_at)"
                                            + " values (?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?)"))
                    .params(
                            id,
                            version,
                            rules.effectiveFrom(),
                            rules.name().strip(),
                            rules.preset(),
                            rules.source().strip(),
                            json(rules.lateBands()),
                            json(rules.earlyLeaveBands()),
                            rules.unexcusedPercent(),
                            rules.noApelPercent(),
                            rules.noReportPercent(),
                            rules.capPercent(),
                            rules.dinasLuarExcuses(),
                            rules.makeUpMinutes(),
                            actor,
                            Timestamp.from(clock.instant()))
                    .update();
            audit.record(TenantContext.require(), actor, "evaluation.rule-set", id.toString(), null, rules);
        });
        cache.forget(TenantContext.require());
        return versions().stream().filter(v -> id.equals(v.id())).findFirst().orElseThrow();
    }

    private LocalDate today() {
        return clock.instant()
                .atZone(registry.find(TenantContext.require())
                        .orElseThrow()
                        .timeZone()
                        .zone())
                .toLocalDate();
    }

    /** 5.00 as 5, 0.50 as 0.5: a percentage as it was written. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String json(List<RuleSet.Band> bands) {
        List<Map<String, Object>> stored = new ArrayList<>();
        for (RuleSet.Band band : bands) {
            Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("code", band.code());
            row.put("from", band.fromMinutes());
            row.put("to", band.toMinutes());
            row.put("percent", band.percent().toPlainString());
            stored.add(row);
        }
        return JSON.writeValueAsString(stored);
    }

    private static List<RuleSet.Band> bands(String json) {
        List<Map<String, Object>> stored = JSON.readValue(json, new TypeReference<>() {});
        return stored.stream()
                .map(b -> new RuleSet.Band(
                        String.valueOf(b.get("code")),
                        ((Number) b.get("from")).intValue(),
                        b.get("to") == null ? null : ((Number) b.get("to")).intValue(),
                        new BigDecimal(String.valueOf(b.get("percent")))))
                .toList();
    }
}
