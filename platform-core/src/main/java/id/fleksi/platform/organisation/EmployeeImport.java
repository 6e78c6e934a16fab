package id.fleksi.platform.organisation;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Employees from a spreadsheet, the way BKPSDM hands them over. Every row is checked first and every
 * problem reported at once (row, column, reason); nothing is imported unless every row is valid. New
 * employees get realm users in batches; an employee already there with the same data is left alone, so
 * importing the same file twice changes nothing. Runs in the current tenant.
 */
@Service
public class EmployeeImport {

    public static final List<String> COLUMNS = List.of(
            "nip",
            "pppk_number",
            "username",
            "name",
            "employment_type",
            "position",
            "grade",
            "unit_code",
            "supervisor",
            "talent_box",
            "face_to_face_service",
            "own_device",
            "good_connection",
            "home_latitude",
            "home_longitude",
            "start_date");

    private final EmployeeRepository employees;
    private final OrgUnitRepository units;
    private final ObjectProvider<EmployeeAccounts> accounts;
    private final EmployeeRows rows;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    public EmployeeImport(
            EmployeeRepository employees,
            OrgUnitRepository units,
            ObjectProvider<EmployeeAccounts> accounts,
            Validator validator,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.employees = employees;
        this.units = units;
        this.accounts = accounts;
        this.rows = new EmployeeRows(validator);
        this.audit = audit;
        this.transactions = transactions;
    }

    /**
     * What one broken rule is, and where: {@code reason} in English, and {@code code} with its {@code values} for a page
     * to say it in the reader's language ({@code import.problem.<code>}); older reports have no code (null).
     */
    public record RowProblem(
            int row, String column, String reason, @Nullable String code, List<String> values) {

        public RowProblem(int row, String column, String reason) {
            this(row, column, reason, null, List.of());
        }

        static RowProblem of(int row, String column, String code, String reason, @Nullable Object... values) {
            return new RowProblem(
                    row,
                    column,
                    reason,
                    code,
                    java.util.Arrays.stream(values).map(String::valueOf).toList());
        }
    }

    /** The outcome: counts when it was imported, or every problem when nothing was. */
    public record Report(int rows, int created, int updated, int unchanged, List<RowProblem> problems) {
        public boolean imported() {
            return problems.isEmpty();
        }
    }

    public Report importEmployees(Spreadsheet sheet, String actor, Consumer<String> progress) {
        TenantCode tenant = TenantContext.require();
        List<RowProblem> problems = new ArrayList<>();
        sheet.unreadable().forEach(u -> problems.add(RowProblem.of(u.row(), u.column(), "long-number", u.reason())));
        for (String required : List.of("name", "employment_type", "unit_code")) {
            if (!sheet.columns().contains(required)) {
                problems.add(RowProblem.of(
                        1, required, "no-column", "the header has no column '" + required + "'", required));
            }
        }
        if (!problems.isEmpty()) {
            return new Report(sheet.lines().size(), 0, 0, 0, problems);
        }
        Map<String, UUID> unitIds = new HashMap<>();
        units.findAll().forEach(u -> unitIds.put(u.code().toUpperCase(Locale.ROOT), u.id()));
        Map<String, Employee> existing = new HashMap<>();
        employees.findAll().forEach(e -> existing.put(e.username(), e));

        List<EmployeeRows.Planned> planned = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (Spreadsheet.Line line : sheet.lines()) {
            EmployeeRows.Planned row = rows.plan(line, unitIds, problems);
            if (row == null) {
                continue;
            }
            Integer earlier = firstRow.putIfAbsent(row.username(), line.number());
            if (earlier != null) {
                problems.add(RowProblem.of(
                        line.number(),
                        EmployeeRows.usernameColumn(row.details()),
                        "same-employee",
                        "the same employee as row " + earlier,
                        earlier));
                continue;
            }
            planned.add(row);
        }
        SupervisorChains.check(planned, firstRow.keySet(), existing, problems);
        progress.accept("checked " + sheet.lines().size() + " rows, " + problems.size() + " problems");
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
            return new Report(sheet.lines().size(), 0, 0, 0, problems);
        }
        return store(tenant, planned, existing, actor, progress);
    }

    private Report store(
            TenantCode tenant,
            List<EmployeeRows.Planned> planned,
            Map<String, Employee> existing,
            String actor,
            Consumer<String> progress) {
        Map<String, UUID> ids = new HashMap<>();
        existing.forEach((username, employee) -> ids.put(username, employee.id()));
        List<EmployeeRows.Planned> fresh = planned.stream()
                .filter(p -> !existing.containsKey(p.username()))
                .toList();
        fresh.forEach(p -> ids.put(p.username(), UUID.randomUUID()));
        List<EmployeeAccounts.NewAccount> newAccounts = fresh.stream()
                .map(p -> new EmployeeAccounts.NewAccount(
                        p.username(), p.details().name().strip(), Set.of(Role.ASN.realmRole())))
                .toList();
        EmployeeAccounts realm = accounts.getObject();
        EmployeeAccounts.Batch batch = newAccounts.isEmpty()
                ? new EmployeeAccounts.Batch(Map.of(), Set.of(), Set.of())
                : realm.createAll(
                        tenant, newAccounts, done -> progress.accept("realm users " + done + "/" + newAccounts.size()));
        Map<String, String> realmIds = batch.ids();
        if (!batch.taken().isEmpty()) {
            batch.made().forEach(id -> realm.delete(tenant, id));
            List<RowProblem> problems = fresh.stream()
                    .filter(p -> batch.taken().contains(p.username()))
                    .map(p -> RowProblem.of(
                            p.line().number(),
                            EmployeeRows.usernameColumn(p.details()),
                            "username-taken",
                            "the username "
                                    + p.username()
                                    + " already belongs to another account of this tenant (not an employee's); Fleksi"
                                    + " never takes over an existing account",
                            p.username()))
                    .toList();
            progress.accept("refused: " + problems.size() + " usernames already taken; nothing was imported");
            return new Report(planned.size(), 0, 0, 0, problems);
        }
        int[] counts = new int[3];
        try {
            transactions.executeWithoutResult(tx -> {
                List<Employee> created = new ArrayList<>();
                for (EmployeeRows.Planned p : SupervisorChains.supervisorsFirst(fresh)) {
                    UUID supervisor = p.supervisorKey() == null ? null : ids.get(p.supervisorKey());
                    // Every fresh row was given an id above, and a realm user (none of their usernames was taken).
                    created.add(new Employee(
                            Objects.requireNonNull(ids.get(p.username())),
                            withSupervisor(p.details(), supervisor),
                            p.username(),
                            Objects.requireNonNull(realmIds.get(p.username()))));
                }
                employees.saveAll(created);
                counts[0] = created.size();
                for (EmployeeRows.Planned p : planned) {
                    UUID supervisor = p.supervisorKey() == null ? null : ids.get(p.supervisorKey());
                    NewEmployee details = withSupervisor(p.details(), supervisor);
                    Employee current = existing.get(p.username());
                    if (current == null) {
                        continue;
                    } else if (!EmployeeRules.view(current).equals(EmployeeRules.view(preview(current, details)))) {
                        current.apply(details);
                        realm.update(
                                tenant,
                                current.realmUserId(),
                                current.name(),
                                current.status() != EmployeeStatus.RETIRED);
                        counts[1]++;
                    } else {
                        counts[2]++;
                    }
                }
                employees.flush();
                audit.record(
                        tenant,
                        actor,
                        "employee.import",
                        planned.size() + " rows",
                        null,
                        Map.of("created", counts[0], "updated", counts[1], "unchanged", counts[2]));
            });
        } catch (RuntimeException e) {
            batch.made().forEach(id -> realm.delete(tenant, id));
            throw e;
        }
        progress.accept("stored: " + counts[0] + " new, " + counts[1] + " updated, " + counts[2] + " unchanged");
        return new Report(planned.size(), counts[0], counts[1], counts[2], List.of());
    }

    /** An employee as they would be with these details, to tell whether anything changes. */
    private static Employee preview(Employee current, NewEmployee details) {
        Employee copy = new Employee(current.id(), details, current.username(), current.realmUserId());
        copy.setStatus(current.status());
        return copy;
    }

    private static NewEmployee withSupervisor(NewEmployee d, @Nullable UUID supervisor) {
        return new NewEmployee(
                d.nip(),
                d.pppkNumber(),
                d.username(),
                d.name(),
                d.employmentType(),
                d.position(),
                d.grade(),
                d.unitId(),
                supervisor,
                d.talentBox(),
                d.faceToFaceService(),
                d.ownDevice(),
                d.goodConnection(),
                d.homeLatitude(),
                d.homeLongitude(),
                d.startDate());
    }
}
