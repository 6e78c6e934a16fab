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
                audit.record(tenant, actor, "employee.create", username, null, EmployeeRules.view(saved));
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
            Map<String, Object> before = EmployeeRules.view(employee);
            employee.apply(details);
            employees.flush();
            accounts()
                    .update(
                            tenant,
                            employee.realmUserId(),
                            employee.name(),
                            employee.status() != EmployeeStatus.RETIRED);
            audit.record(tenant, actor, "employee.update", employee.username(), before, EmployeeRules.view(employee));
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
        return EmployeeRules.emailAddress(email);
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
        return EmployeeRules.username(details, units::existsById, employees::existsById);
    }
}
