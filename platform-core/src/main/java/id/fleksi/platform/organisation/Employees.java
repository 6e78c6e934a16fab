package id.fleksi.platform.organisation;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.figures.DayChanged;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.OneTimePassword;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Employees and their realm users, kept in step: creating an employee creates the realm user (the realm
 * user is removed again if the employee cannot be stored); a rename renames it; retiring disables it. A
 * realm user is never left without its employee, nor the reverse. Runs in the current tenant.
 */
@Service
public class Employees {

    private final EmployeeRepository employees;
    private final OrgUnitRepository units;
    private final ObjectProvider<EmployeeAccounts> accountsProvider;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public Employees(
            EmployeeRepository employees,
            OrgUnitRepository units,
            ObjectProvider<EmployeeAccounts> accounts,
            AuditLog audit,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.employees = employees;
        this.units = units;
        this.accountsProvider = accounts;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** A new employee with the one-time password of their realm user (shown once). */
    public record Created(Employee employee, String oneTimePassword) {}

    public Created create(NewEmployee details, String actor) {
        TenantCode tenant = TenantContext.require();
        String username = checked(details);
        if (employees.existsByUsername(username)) {
            throw Problem.conflict(
                    "employee-exists",
                    "Employee already exists",
                    "An employee with username (NIP/PPPK number) " + username
                            + " already exists; nothing was changed.");
        }
        String oneTimePassword = OneTimePassword.generate(14);
        String realmUserId = accounts()
                .create(tenant, username, details.name().strip(), oneTimePassword, Set.of(Role.ASN.realmRole()));
        try {
            Employee employee = transactions.execute(tx -> {
                Employee saved = employees.saveAndFlush(new Employee(details, username, realmUserId));
                audit.record(tenant, actor, "employee.create", username, null, view(saved));
                events.publishEvent(new DayChanged(tenant)); // one more person expected, from their start date
                return saved;
            });
            return new Created(employee, oneTimePassword);
        } catch (RuntimeException e) {
            accounts().delete(tenant, realmUserId);
            throw e;
        }
    }

    /** Replaces an employee's attributes; the NIP, PPPK number and username stay as they are. */
    public Employee update(UUID id, NewEmployee details, String actor) {
        TenantCode tenant = TenantContext.require();
        return transactions.execute(tx -> {
            Employee employee = find(id);
            String username = checked(details);
            if (!username.equals(employee.username())) {
                throw Problem.badRequest(
                        "identity-change",
                        "NIP cannot change",
                        "The NIP, PPPK number or username of" + " an employee cannot change (" + employee.username()
                                + "); retire this one and create another.");
            }
            requireNoSupervisorLoop(employee, details.supervisorId());
            Map<String, Object> before = view(employee);
            employee.apply(details);
            employees.flush();
            accounts()
                    .update(
                            tenant,
                            employee.realmUserId(),
                            employee.name(),
                            employee.status() != EmployeeStatus.RETIRED);
            audit.record(tenant, actor, "employee.update", employee.username(), before, view(employee));
            events.publishEvent(new DayChanged(tenant)); // a unit, start date or supervisor moves them in the counts
            return employee;
        });
    }

    /**
     * Refuses a supervisor that is the employee themself or anyone below them: a chain of supervisors ends at the top,
     * it never comes back (else someone would approve their own requests). Supervisor changes of a tenant are made one
     * at a time, so two changes sent together cannot close a loop that neither makes alone.
     */
    private void requireNoSupervisorLoop(Employee employee, @Nullable UUID supervisorId) {
        if (supervisorId == null || supervisorId.equals(employee.supervisorId())) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
                .param(TenantContext.require().schemaName() + ".supervisors")
                .query(Object.class)
                .single();
        List<String> chain = new ArrayList<>(List.of(employee.name()));
        Set<UUID> seen = new java.util.HashSet<>();
        for (UUID at = supervisorId; at != null && seen.add(at); ) {
            Employee above = employees.findById(at).orElse(null);
            if (above == null) {
                return;
            }
            chain.add(above.name());
            if (above.id().equals(employee.id())) {
                boolean self = chain.size() == 2;
                String message = self
                        ? "an employee cannot be their own supervisor"
                        : "the chain of supervisors would loop back: " + String.join(" > ", chain);
                throw Problem.badRequest(
                                "supervisor-loop",
                                "Supervisors in a loop",
                                "supervisorId: " + message + ". Nothing was changed.")
                        .variant(self ? "self" : "chain", String.join(" > ", chain))
                        .with("errors", List.of(Map.of("field", "supervisorId", "message", message)));
            }
            at = above.supervisorId();
        }
    }

    /**
     * Changes an employee's status; a retired employee's realm user is disabled (their sessions end), and enabled again
     * if they return. Retiring or bringing back an account with a role above the caller's own is refused.
     */
    public Employee setStatus(UUID id, EmployeeStatus status, Caller caller) {
        TenantCode tenant = TenantContext.require();
        return transactions.execute(tx -> {
            Employee employee = find(id);
            EmployeeStatus before = employee.status();
            if ((before == EmployeeStatus.RETIRED) != (status == EmployeeStatus.RETIRED)) {
                requireMayManageAccount(
                        tenant, employee, caller, status == EmployeeStatus.RETIRED ? "retire" : "bring back");
            }
            employee.setStatus(status);
            employees.flush();
            accounts().update(tenant, employee.realmUserId(), employee.name(), status != EmployeeStatus.RETIRED);
            audit.record(
                    tenant,
                    caller.username(),
                    "employee.status",
                    employee.username(),
                    Map.of("status", before),
                    Map.of("status", status));
            events.publishEvent(new DayChanged(tenant)); // the retired are no longer expected
            return employee;
        });
    }

    /** What an e-mail address looks like here: one {@code @}, a dotted domain, no spaces; at most 254 characters. */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

    /** The e-mail address of the employee's account, if it has one. */
    public Optional<String> email(Employee employee) {
        return employee.realmUserId() == null
                ? Optional.empty()
                : accounts().email(TenantContext.require(), employee.realmUserId());
    }

    /**
     * The address as it will be kept ({@code null} for blank, trimmed otherwise), or a 400 problem when it is not an e-mail
     * address: a form checks it before it changes anything else.
     */
    public static @Nullable String emailAddress(@Nullable String email) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null
                && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
            throw Problem.badRequest(
                            "invalid-email",
                            "Invalid e-mail address",
                            "\"" + address + "\" is not an e-mail address"
                                    + " (name@domain, for example siti@mamujutengahkab.go.id). Nothing was changed.")
                    .values(address);
        }
        return address;
    }

    /**
     * Sets the e-mail address of the employee's account, where early warnings and password resets go; blank removes it.
     * A malformed address is refused and nothing changes; so is an account with a role above the caller's own.
     */
    public void setEmail(Employee employee, @Nullable String email, Caller caller) {
        TenantCode tenant = TenantContext.require();
        String address = emailAddress(email);
        if (employee.realmUserId() == null) {
            if (address == null) {
                return; // no account, and none asked for: the edit page sends the empty field with every save
            }
            throw Problem.conflict(
                            "no-account",
                            "No account",
                            employee.name() + " has no account to give an e-mail address." + " Nothing was changed.")
                    .values(employee.name());
        }
        requireMayManageAccount(tenant, employee, caller, "change the e-mail of");
        String before = email(employee).orElse(null);
        if (Objects.equals(before, address)) {
            return;
        }
        accounts().setEmail(tenant, employee.realmUserId(), address);
        // The audit says whether there is an address, not the address: it is personal data.
        audit.record(
                tenant,
                caller.username(),
                "employee.email",
                employee.username(),
                Map.of("email", before != null),
                Map.of("email", address != null));
    }

    /**
     * Sets a one-time password on the employee's realm user (they choose their own at first login); returns it. Refused
     * for an account with a role above the caller's own: nobody takes over a tenant admin's account this way.
     */
    public String issueOneTimePassword(Employee employee, Caller caller) {
        TenantCode tenant = TenantContext.require();
        requireMayManageAccount(tenant, employee, caller, "reset the password of");
        String password = OneTimePassword.generate(14);
        accounts().setOneTimePassword(tenant, employee.realmUserId(), password);
        audit.record(tenant, caller.username(), "employee.one-time-password", employee.username(), null, null);
        return password;
    }

    private void requireMayManageAccount(TenantCode tenant, Employee employee, Caller caller, String action) {
        if (!Role.mayManageAccountOf(caller.roles(), accounts().realmRoles(tenant, employee.realmUserId()))) {
            throw Problem.forbidden(
                            "account-above-yours",
                            "Not allowed",
                            "The account of " + employee.name() + " ("
                                    + employee.username() + ") has a role above yours; you cannot " + action
                                    + " it. Ask a tenant admin."
                                    + " Nothing was changed.")
                    .values(employee.name(), employee.username());
        }
    }

    /** The realm side; tenant-provisioning provides it (platform-core alone has no Keycloak). */
    private EmployeeAccounts accounts() {
        EmployeeAccounts accounts = accountsProvider.getIfAvailable();
        if (accounts == null) {
            throw new IllegalStateException("No EmployeeAccounts: employees need tenant-provisioning on the classpath");
        }
        return accounts;
    }

    /** The employee behind a login, if still serving; a 403 problem for any other account. */
    public Employee requireActive(String username) {
        return employees
                .findByUsername(username)
                .filter(e -> e.status() != EmployeeStatus.RETIRED)
                .orElseThrow(() -> Problem.forbidden(
                        "not-an-employee",
                        "Not an employee",
                        "Your account is not an active employee of this pemda. Ask BKD."));
    }

    public Employee find(UUID id) {
        return employees
                .findById(id)
                .orElseThrow(() -> Problem.notFound(
                        "unknown-employee", "Unknown employee", "There is no employee " + id + " in this tenant."));
    }

    /** The username the employee logs in with, once every rule holds; a 400 problem naming every field otherwise. */
    private String checked(NewEmployee details) {
        Checked checked = check(details, units::existsById, employees::existsById);
        if (!checked.errors().isEmpty()) {
            throw Problem.badRequest(
                            "invalid-employee",
                            "Invalid employee",
                            String.join(
                                    "; ",
                                    checked.errors().stream()
                                            .map(e -> e.get("field") + ": " + e.get("message"))
                                            .toList()))
                    .with("errors", checked.errors());
        }
        return checked.validUsername();
    }

    /** The outcome of the employee rules: the login username, or (username null) every broken rule by field. */
    record Checked(@Nullable String username, List<Map<String, String>> errors) {

        /** The username of details that broke no rule. */
        String validUsername() {
            return Objects.requireNonNull(username, "details that broke a rule have no username");
        }
    }

    /** The rules beyond field formats, shared by the API and the bulk import. */
    static Checked check(
            NewEmployee details,
            java.util.function.Predicate<UUID> unitExists,
            java.util.function.Predicate<UUID> supervisorExists) {
        List<Map<String, String>> errors = new ArrayList<>();
        @Nullable String username = null;
        switch (details.employmentType()) {
            case PNS -> {
                String problem = Nip.problemWith(details.nip());
                if (problem != null) {
                    errors.add(Map.of("field", "nip", "message", problem));
                } else {
                    username = details.nip();
                }
            }
            case PPPK -> {
                if (details.pppkNumber() == null || !details.pppkNumber().matches("\\d{18}")) {
                    errors.add(
                            Map.of("field", "pppkNumber", "message", "a PPPK employee needs an 18-digit PPPK number"));
                } else {
                    username = details.pppkNumber();
                }
            }
            case NON_ASN -> {
                if (details.username() == null || !details.username().matches("[a-z0-9][a-z0-9._-]{2,63}")) {
                    errors.add(Map.of(
                            "field",
                            "username",
                            "message",
                            "a non-ASN worker needs a username of 3-64 lower-case letters, digits, dots, dashes"));
                } else {
                    username = details.username();
                }
            }
        }
        if (details.unitId() != null && !unitExists.test(details.unitId())) {
            errors.add(Map.of("field", "unitId", "message", "no such unit in this tenant"));
        }
        if (details.supervisorId() != null && !supervisorExists.test(details.supervisorId())) {
            errors.add(Map.of("field", "supervisorId", "message", "no such employee in this tenant"));
        }
        if ((details.homeLatitude() == null) != (details.homeLongitude() == null)) {
            errors.add(
                    Map.of("field", "homeLatitude", "message", "give both latitude and longitude of home, or neither"));
        }
        return new Checked(username, errors);
    }

    static Map<String, Object> view(Employee e) {
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("name", e.name());
        view.put("employmentType", e.employmentType());
        view.put("position", e.position());
        view.put("grade", e.grade());
        view.put("unitId", e.unitId());
        view.put("supervisorId", e.supervisorId());
        view.put("talentBox", e.talentBox());
        view.put("faceToFaceService", e.faceToFaceService());
        view.put("ownDevice", e.ownDevice());
        view.put("goodConnection", e.goodConnection());
        view.put("homeLatitude", e.homeLatitude());
        view.put("homeLongitude", e.homeLongitude());
        view.put("startDate", e.startDate());
        view.put("status", e.status());
        return view;
    }
}
