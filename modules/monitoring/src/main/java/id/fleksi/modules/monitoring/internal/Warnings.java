package id.fleksi.modules.monitoring.internal;

import id.fleksi.modules.monitoring.MonitoringModule;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantSql;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The early warnings as people meet them: the list a supervisor, BKD or a leader works through, acknowledging each with
 * a note of what was done; and an employee's own standing, before it becomes a warning.
 */
@Service
public class Warnings {

    /** How many warnings the list shows, the open ones first. */
    static final int SHOWN = 500;

    @Schema(name = "EarlyWarning")
    public record Warning(
            UUID id,
            String employee,
            String unit,
            String rule,
            int step,
            String period,
            int count,
            String what,
            String todo,
            Instant raisedAt,
            @Nullable Instant withdrawnAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedBy,
            @Nullable String note) {

        public boolean open() {
            return withdrawnAt == null && acknowledgedAt == null;
        }
    }

    /** What the supervisor did about a warning. */
    @Schema(name = "WarningAcknowledgement")
    public record Acknowledgement(
            @NotBlank(message = "is required: what was done") @Size(max = 1000, message = "has at most 1000 characters")
            String note) {}

    /**
     * An employee's year so far: unexcused days, the longest run of them, and the next PP 94/2021 step with what it asks.
     */
    @Schema(name = "DisciplineStanding")
    public record Standing(
            int unexcusedDays,
            int longestRun,
            @Nullable Integer nextStep,
            @Nullable String atNextStep) {}

    private final JdbcClient jdbc;
    private final EarlyWarning warnings;
    private final Clock clock;

    Warnings(JdbcClient jdbc, EarlyWarning warnings, Clock clock) {
        this.jdbc = jdbc;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** Everyone's for leaders, BKD and the tenant admin; a supervisor's direct staff's for anyone else. Runs with the tenant set. */
    public List<Warning> visibleTo(Caller caller) {
        boolean everyone = seesEveryone(caller);
        return jdbc.sql(TenantSql.of(SELECT + (everyone ? "" : " where s.username = ?")
                        + " order by (w.withdrawn_at is null and w.acknowledged_at is null) desc, w.raised_at desc limit "
                        + SHOWN))
                .params(everyone ? List.of() : List.of(caller.username()))
                .query((rs, n) -> warning(rs))
                .list();
    }

    /** Marks a warning as dealt with; only the employee's direct supervisor or BKD may, and only once. */
    public Warning acknowledge(Caller caller, UUID id, Acknowledgement acknowledgement) {
        if (acknowledgement.note() == null
                || acknowledgement.note().isBlank()
                || acknowledgement.note().length() > 1000) {
            throw Problem.badRequest(
                    "warning-note",
                    "Say what was done",
                    "note: write what was done about the warning" + " (at most 1000 characters). Nothing was changed.");
        }
        Warning warning = jdbc.sql(TenantSql.of(SELECT + " where w.id = ?"))
                .param(id)
                .query((rs, n) -> warning(rs))
                .optional()
                .orElseThrow(() -> Problem.notFound(
                                "unknown-warning",
                                "No such warning",
                                "There is no warning " + id + " here. Open the list of warnings again.")
                        .values(id.toString()));
        String supervisor = jdbc.sql(TenantSql.of(
                        "select s.username from {monitoring_warning} w join {employee} e on e.id = w.employee_id"
                                + " join {employee} s on s.id = e.supervisor_id where w.id = ?"))
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
        if (!caller.hasRole(Role.BKD) && !caller.username().equals(supervisor)) {
            throw Problem.forbidden(
                    "warning-not-yours",
                    "Not allowed",
                    "Only the employee's direct supervisor or BKD marks a" + " warning as dealt with.");
        }
        if (warning.withdrawnAt() != null || warning.acknowledgedAt() != null) {
            throw Problem.conflict(
                    "warning-closed",
                    "Already closed",
                    "This warning was already "
                            + (warning.withdrawnAt() != null
                                    ? "withdrawn"
                                    : "marked as dealt with by " + warning.acknowledgedBy())
                            + "; nothing was changed.");
        }
        jdbc.sql(
                        TenantSql.of(
                                "update {monitoring_warning} set acknowledged_at = ?, acknowledged_by = ?, note = ? where id = ?"))
                .params(
                        Timestamp.from(clock.instant()),
                        caller.username(),
                        acknowledgement.note().strip(),
                        id)
                .update();
        return jdbc.sql(TenantSql.of(SELECT + " where w.id = ?"))
                .param(id)
                .query((rs, n) -> warning(rs))
                .single();
    }

    /** The caller's own standing (an employee of this tenant). */
    public Standing standing(Caller caller) {
        UUID me = jdbc.sql(TenantSql.of("select id from {employee} where username = ? and status <> 'RETIRED'"))
                .param(caller.username())
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> Problem.forbidden(
                        "not-an-employee",
                        "Not an employee",
                        "Only an employee of this pemda has a" + " discipline record here."));
        WarningSteps.Tally tally = warnings.tallyOf(me);
        Integer next = WarningSteps.next(tally.days());
        return new Standing(
                tally.days(), tally.longestRun(), next, next == null ? null : WarningSteps.action(next, false));
    }

    static boolean seesEveryone(Caller caller) {
        return caller.roles().contains(MonitoringModule.LEADER)
                || caller.hasRole(Role.BKD)
                || caller.hasRole(Role.TENANT_ADMIN);
    }

    private static final String SELECT = """
            select w.id, e.name, u.name as unit, w.rule, w.step, w.period, w.count_at_raise, w.raised_at, w.withdrawn_at,
                w.acknowledged_at, w.acknowledged_by, w.note
            from {monitoring_warning} w join {employee} e on e.id = w.employee_id join {org_unit} u on u.id = e.unit_id
            left join {employee} s on s.id = e.supervisor_id""";

    private static Warning warning(java.sql.ResultSet rs) throws java.sql.SQLException {
        String rule = rs.getString("rule");
        int step = rs.getInt("step");
        int count = rs.getInt("count_at_raise");
        String period = rs.getString("period");
        return new Warning(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("unit"),
                rule,
                step,
                period,
                count,
                WarningText.what(rule, step, count, period),
                WarningText.todo(rule, step),
                rs.getTimestamp("raised_at").toInstant(),
                instant(rs.getTimestamp("withdrawn_at")),
                instant(rs.getTimestamp("acknowledged_at")),
                rs.getString("acknowledged_by"),
                rs.getString("note"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
