package id.fleksi.modules.fwa;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.closing.OpenPeriods;
import id.fleksi.platform.organisation.Deciders;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantSql;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests to work from anywhere: on dates, or on a weekday from one date to another (a standing arrangement).
 * The direct supervisor approves or refuses with a reason. Approval re-checks eligibility, the weekly cap and
 * the unit's quota while holding the unit's row lock, so two supervisors approving the last place at the same
 * moment never both win.
 */
@Service
public class FwaRequests {

    public enum Place {
        HOME,
        OTHER
    }

    public enum Status {
        PENDING,
        APPROVED,
        REFUSED
    }

    public record NewRequest(
            @NotNull(message = "is required") LocalDate from,
            @NotNull(message = "is required") LocalDate to,
            DayOfWeek weekday,
            @NotNull(message = "is required: HOME or OTHER") Place place,

            @Size(max = 200, message = "has at most 200 characters")
            String where) {}

    public record Request(
            UUID id,
            UUID employeeId,
            String employee,
            LocalDate from,
            LocalDate to,
            @Nullable DayOfWeek weekday,
            Place place,
            String where,
            Status status,
            @Nullable String reason,
            @Nullable String decidedBy) {}

    private final JdbcClient jdbc;
    private final RequestRecords records;
    private final Employees employees;
    private final Deciders deciders;
    private final WorkModes modes;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final TenantRegistry registry;
    private final Clock clock;
    private final OpenPeriods periods;

    FwaRequests(
            JdbcClient jdbc,
            RequestRecords records,
            Employees employees,
            Deciders deciders,
            WorkModes modes,
            AuditLog audit,
            TransactionTemplate transactions,
            TenantRegistry registry,
            Clock clock,
            OpenPeriods periods) {
        this.periods = periods;
        this.jdbc = jdbc;
        this.records = records;
        this.employees = employees;
        this.deciders = deciders;
        this.modes = modes;
        this.audit = audit;
        this.transactions = transactions;
        this.registry = registry;
        this.clock = clock;
    }

    public Request file(String username, NewRequest request) {
        Employee employee = employees.requireActive(username);
        if (request.to().isBefore(request.from())
                || request.to().isAfter(request.from().plusDays(92))) {
            throw Problem.badRequest(
                    "invalid-dates",
                    "Dates out of order",
                    "from, to: in order, at most 93 days apart. Nothing was filed.");
        }
        if (request.from().isBefore(today())) {
            throw Problem.unprocessable(
                            "date-passed",
                            "The day has passed",
                            "from: " + request.from() + " has passed; requests are"
                                    + " for today or later. Nothing was filed.")
                    .variant("file", request.from().toString());
        }
        if (request.place() == Place.OTHER
                && (request.where() == null || request.where().isBlank())) {
            throw Problem.badRequest(
                    "place-required", "Where?", "where: name the place when it is not your home. Nothing was filed.");
        }
        if (request.place() == Place.HOME && employee.homeLatitude() == null) {
            throw Problem.unprocessable(
                    "no-home",
                    "No home recorded",
                    "place: your home address is not recorded; ask BKD to record"
                            + " it, or name the place (OTHER). Nothing was filed.");
        }
        List<LocalDate> days =
                check(employee, request.from(), request.to(), request.weekday()).days();
        if (days.isEmpty()) {
            Problem none = Problem.unprocessable(
                    "no-working-days",
                    "No working day",
                    "from, to: no working day" + (request.weekday() == null ? "" : " on " + request.weekday())
                            + " in that period. Nothing was filed.");
            throw request.weekday() == null
                    ? none
                    : none.variant(
                            "weekday",
                            Problem.phrase(
                                    "fwa.day." + request.weekday().name(),
                                    request.weekday().name()));
        }
        // The same request sent again while the first waits (a second tap on a slow connection) is the first one.
        String weekday = request.weekday() == null ? "" : request.weekday().name();
        UUID id = jdbc.sql(TenantSql.of(
                        "insert into {fwa_request} (id, employee_id, from_date, to_date, weekday, place_kind, place,"
                                + " status, created_at) values (?, ?, ?, ?, nullif(?, ''), ?, ?, 'PENDING', ?) on conflict (employee_id, from_date,"
                                + " to_date, coalesce(weekday, '')) where status = 'PENDING' do nothing returning id"))
                .params(
                        UUID.randomUUID(),
                        employee.id(),
                        request.from(),
                        request.to(),
                        weekday,
                        request.place().name(),
                        request.where(),
                        Timestamp.from(clock.instant()))
                .query(UUID.class)
                .optional()
                .orElse(null);
        if (id == null) {
            return records.find(jdbc.sql(TenantSql.of(
                            "select id from {fwa_request} where employee_id = ? and from_date = ? and to_date = ?"
                                    + " and coalesce(weekday, '') = ? and status = 'PENDING'"))
                    .params(employee.id(), request.from(), request.to(), weekday)
                    .query(UUID.class)
                    .single());
        }
        audit.record(TenantContext.require(), username, "fwa.request-filed", id.toString(), null, request);
        return records.find(id);
    }

    /** Approves or refuses; only the direct supervisor, only while pending, and (to approve) only within every rule. */
    public Request decide(String supervisorUsername, UUID id, boolean approve, @Nullable String reason) {
        if (!approve && (reason == null || reason.isBlank())) {
            throw Problem.badRequest(
                            "reason-required",
                            "Say why",
                            "reason: a refusal needs a reason the employee can read. Nothing was changed.")
                    .variant("request");
        }
        return transactions.execute(tx -> {
            Request request = records.find(id);
            deciders.lockSupervisorOf(
                    supervisorUsername,
                    request.employeeId(),
                    () -> Problem.forbidden(
                                    "not-the-supervisor",
                                    "Not the supervisor",
                                    "Only " + request.employee() + "'s direct supervisor decides this request.")
                            .variant("request", request.employee()));
            Employee employee = employees.find(request.employeeId());
            // One decision at a time per unit: the quota's count and the approval are one step.
            jdbc.sql(TenantSql.of("select id from {org_unit} where id = ? for update"))
                    .param(employee.unitId())
                    .query(UUID.class)
                    .single();
            String status = jdbc.sql(TenantSql.of("select status from {fwa_request} where id = ?"))
                    .param(id)
                    .query(String.class)
                    .single();
            if (!Status.PENDING.name().equals(status)) {
                throw Problem.conflict(
                                "already-decided",
                                "Already decided",
                                "This request is already " + status.toLowerCase() + ".")
                        .variant("request." + status);
            }
            periods.requireOpen(
                    TenantContext.require(),
                    request.employeeId(),
                    request.from(),
                    request.to(),
                    OpenPeriods.Change.FWA_REQUEST);
            if (approve) {
                if (request.from().isBefore(today())) {
                    throw Problem.conflict(
                                    "date-passed",
                                    "The day has passed",
                                    "The request starts " + request.from() + ", which has"
                                            + " passed; it can only be refused. Nothing was changed.")
                            .variant("decide", request.from().toString());
                }
                CoveredDays checked = check(employee, request.from(), request.to(), request.weekday());
                Quotas.require(jdbc, checked.facts(), employee.unitId(), checked.days());
                for (LocalDate day : checked.days()) {
                    jdbc.sql(TenantSql.of(
                                    "insert into {fwa_request_day} (request_id, employee_id, unit_id, work_date) values"
                                            + " (?, ?, ?, ?)"))
                            .params(id, employee.id(), employee.unitId(), day)
                            .update();
                }
            }
            jdbc.sql(
                            TenantSql.of(
                                    "update {fwa_request} set status = ?, reason = ?, decided_by = ?, decided_at = ? where id = ?"))
                    .params(Arrays.asList( // a list: an approval has no reason, which params(Object...) does not take
                            approve ? "APPROVED" : "REFUSED",
                            reason,
                            supervisorUsername,
                            Timestamp.from(clock.instant()),
                            id))
                    .update();
            audit.record(
                    TenantContext.require(),
                    supervisorUsername,
                    approve ? "fwa.request-approved" : "fwa.request-refused",
                    id.toString(),
                    Map.of("status", "PENDING"),
                    reason == null ? Map.of() : Map.of("reason", reason));
            return records.find(id);
        });
    }

    /** The employee's working days the request covers, read for the whole weeks it touches and checked. */
    private CoveredDays check(Employee employee, LocalDate from, LocalDate to, @Nullable DayOfWeek weekday) {
        // The weeks the request touches, whole, so WFA days of those weeks outside the request count towards the cap.
        FwaFacts weeks = modes.facts(List.of(employee.id()), from.with(DayOfWeek.MONDAY), to.with(DayOfWeek.SUNDAY));
        return CoveredDays.check(weeks, employee.id(), from, to, weekday);
    }

    public List<Request> mine(String username) {
        return records.of(employees.requireActive(username).id());
    }

    public List<Request> toDecide(String supervisorUsername) {
        return records.toDecideBy(employees.requireActive(supervisorUsername).id());
    }

    private LocalDate today() {
        return clock.instant()
                .atZone(registry.find(TenantContext.require())
                        .orElseThrow()
                        .timeZone()
                        .zone())
                .toLocalDate();
    }
}
