package id.fleksi.modules.evaluation.exports.internal;

import id.fleksi.modules.evaluation.EvaluationModule;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which month and which unit an export is of, and whether this caller may take it: BKD and another system's token (the
 * realm role {@value EvaluationModule#EXPORT_ROLE}) any OPD or the whole pemda; the head of a unit that unit and those
 * under it; nobody else. Runs with the tenant set.
 */
@Component
public class ExportScope {

    /** A unit exported, with its head (who signs the recap), if one is recorded. */
    public record Unit(
            UUID id,
            String code,
            String name,
            @Nullable String headName,
            @Nullable String headNip) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ExportScope(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The month asked for ({@code 2026-11}); a month not begun yet is refused. */
    public YearMonth month(Tenant tenant, String text) {
        YearMonth month;
        try {
            month = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(
                            "evaluation-export-month",
                            "Unknown month",
                            "An export is of one month, written as" + " 2026-11; " + text + " is not one.")
                    .values(text);
        }
        if (month.isAfter(
                YearMonth.from(LocalDate.now(clock.withZone(tenant.timeZone().zone()))))) {
            throw Problem.badRequest(
                            "evaluation-export-future",
                            "Month not begun",
                            "The month " + month + " has not begun yet; there is nothing to export.")
                    .values(month.toString());
        }
        return month;
    }

    /**
     * The unit with this code if the caller may export it; null for the whole pemda, which only BKD and another system
     * may ask for (a null code).
     */
    public @Nullable Unit unit(Caller caller, @Nullable String code) {
        boolean everything = seesEverything(caller);
        if (!everything && choices(caller).isEmpty()) {
            throw Problem.forbidden(
                            "evaluation-export-not-allowed",
                            "Not allowed",
                            "The month's exports are for BKD and"
                                    + " for the head of a unit, who signs its recap; you are neither.")
                    .variant("nobody");
        }
        if (code == null || code.isBlank()) {
            if (everything) {
                return null;
            }
            throw Problem.badRequest(
                    "evaluation-export-unit-required",
                    "Choose a unit",
                    "The head of a unit exports the" + " unit they head: name it with unit=CODE.");
        }
        Unit unit = jdbc.sql(TenantSql.of("select u.id, u.code, u.name, e.name, e.nip from {org_unit} u"
                        + " left join {employee} e on e.id = u.head_employee_id where u.code = ?"))
                .param(code.strip())
                .query(this::unitRow)
                .optional()
                .orElseThrow(() -> Problem.notFound(
                                "evaluation-export-unknown-unit",
                                "No such unit",
                                "There is no unit with the code " + code.strip() + " here.")
                        .values(code.strip()));
        if (!everything && !heads(caller, unit.id())) {
            throw Problem.forbidden(
                            "evaluation-export-not-allowed",
                            "Not allowed",
                            "The month's exports are for BKD and" + " for the head of the unit, who signs its recap; "
                                    + unit.name() + " is not a unit you head.")
                    .values(unit.name());
        }
        return unit;
    }

    /** The units the caller may export, OPD first by name: every OPD for BKD, the units they head for a head. */
    public List<Unit> choices(Caller caller) {
        String sql =
                "select u.id, u.code, u.name, e.name, e.nip from {org_unit} u left join {employee} e on e.id = u.head_employee_id";
        if (seesEverything(caller)) {
            return jdbc.sql(TenantSql.of(sql + " where u.parent_id is null order by u.name"))
                    .query(this::unitRow)
                    .list();
        }
        return jdbc.sql(TenantSql.of(sql + " where e.username = ? and e.status <> 'RETIRED' order by u.name"))
                .param(caller.username())
                .query(this::unitRow)
                .list();
    }

    public static boolean seesEverything(Caller caller) {
        return caller.hasRole(Role.BKD) || caller.roles().contains(EvaluationModule.EXPORT_ROLE);
    }

    private Unit unitRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Unit(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    /** Whether the caller heads this unit or a unit above it (and still serves). */
    private boolean heads(Caller caller, UUID unit) {
        return jdbc.sql(TenantSql.of(
                                "with recursive up (id, parent_id) as (select id, parent_id from {org_unit} where id = ?"
                                        + " union all select u.id, u.parent_id from {org_unit} u join up on u.id = up.parent_id)"
                                        + " select count(*) from up join {org_unit} h on h.id = up.id join {employee} e on e.id = h.head_employee_id"
                                        + " where e.username = ? and e.status <> 'RETIRED'"))
                        .params(unit, caller.username())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
