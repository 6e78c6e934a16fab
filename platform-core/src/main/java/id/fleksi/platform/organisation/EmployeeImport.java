package id.fleksi.platform.organisation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;

import jakarta.validation.Validator;

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

    public static final List<String> COLUMNS = List.of("nip", "pppk_number", "username", "name", "employment_type",
            "position", "grade", "unit_code", "supervisor", "talent_box", "face_to_face_service", "own_device",
            "good_connection", "home_latitude", "home_longitude", "start_date");

    /** The API field each column fills, for naming the column of a broken rule. */
    private static final Map<String, String> FIELD_TO_COLUMN = Map.ofEntries(Map.entry("nip", "nip"),
            Map.entry("pppkNumber", "pppk_number"), Map.entry("username", "username"), Map.entry("name", "name"),
            Map.entry("employmentType", "employment_type"), Map.entry("position", "position"), Map.entry("grade", "grade"),
            Map.entry("unitId", "unit_code"), Map.entry("supervisorId", "supervisor"), Map.entry("talentBox", "talent_box"),
            Map.entry("homeLatitude", "home_latitude"), Map.entry("homeLongitude", "home_longitude"),
            Map.entry("startDate", "start_date"));

    private final EmployeeRepository employees;
    private final OrgUnitRepository units;
    private final ObjectProvider<EmployeeAccounts> accounts;
    private final Validator validator;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    public EmployeeImport(EmployeeRepository employees, OrgUnitRepository units, ObjectProvider<EmployeeAccounts> accounts,
            Validator validator, AuditLog audit, TransactionTemplate transactions) {
        this.employees = employees;
        this.units = units;
        this.accounts = accounts;
        this.validator = validator;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** What one broken rule is, and where. */
    public record RowProblem(int row, String column, String reason) {
    }

    /** The outcome: counts when it was imported, or every problem when nothing was. */
    public record Report(int rows, int created, int updated, int unchanged, List<RowProblem> problems) {
        public boolean imported() {
            return problems.isEmpty();
        }
    }

    private record Planned(Spreadsheet.Line line, String username, NewEmployee details, String supervisorKey) {
    }

    public Report importEmployees(Spreadsheet sheet, String actor, Consumer<String> progress) {
        TenantCode tenant = TenantContext.require();
        List<RowProblem> problems = new ArrayList<>();
        sheet.unreadable().forEach(u -> problems.add(new RowProblem(u.row(), u.column(), u.reason())));
        for (String required : List.of("name", "employment_type", "unit_code")) {
            if (!sheet.columns().contains(required)) {
                problems.add(new RowProblem(1, required, "the header has no column '" + required + "'"));
            }
        }
        if (!problems.isEmpty()) {
            return new Report(sheet.lines().size(), 0, 0, 0, problems);
        }
        Map<String, UUID> unitIds = new HashMap<>();
        units.findAll().forEach(u -> unitIds.put(u.code().toUpperCase(Locale.ROOT), u.id()));
        Map<String, Employee> existing = new HashMap<>();
        employees.findAll().forEach(e -> existing.put(e.username(), e));

        List<Planned> planned = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        for (Spreadsheet.Line line : sheet.lines()) {
            Planned row = plan(line, unitIds, problems);
            if (row == null) {
                continue;
            }
            Integer earlier = firstRow.putIfAbsent(row.username(), line.number());
            if (earlier != null) {
                problems.add(new RowProblem(line.number(), usernameColumn(row.details()), "the same employee as row " + earlier));
                continue;
            }
            planned.add(row);
        }
        for (Planned row : planned) {
            String supervisor = row.supervisorKey();
            if (supervisor != null && !firstRow.containsKey(supervisor) && !existing.containsKey(supervisor)) {
                problems.add(new RowProblem(row.line().number(), "supervisor",
                        "no employee " + supervisor + " in this file or in the tenant"));
            }
        }
        // Supervisors as they would be after the import: the file's, and the tenant's for everyone the file leaves out.
        Map<UUID, String> usernameOf = new HashMap<>();
        existing.values().forEach(e -> usernameOf.put(e.id(), e.username()));
        Map<String, String> supervisorOf = new HashMap<>();
        existing.values().forEach(e -> supervisorOf.put(e.username(), usernameOf.get(e.supervisorId())));
        planned.forEach(p -> supervisorOf.put(p.username(), p.supervisorKey()));
        for (Planned row : planned) {
            java.util.Set<String> seen = new java.util.LinkedHashSet<>();
            for (String at = row.username(); at != null && supervisorOf.containsKey(at) && seen.add(at); at = supervisorOf.get(at)) {
                if (row.username().equals(supervisorOf.get(at))) {
                    seen.add(row.username());
                    problems.add(new RowProblem(row.line().number(), "supervisor", "the chain of supervisors loops back: "
                            + String.join(" > ", seen)));
                    break;
                }
            }
        }
        progress.accept("checked " + sheet.lines().size() + " rows, " + problems.size() + " problems");
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
            return new Report(sheet.lines().size(), 0, 0, 0, problems);
        }
        return store(tenant, planned, existing, actor, progress);
    }

    private Report store(TenantCode tenant, List<Planned> planned, Map<String, Employee> existing, String actor,
            Consumer<String> progress) {
        Map<String, UUID> ids = new HashMap<>();
        existing.forEach((username, employee) -> ids.put(username, employee.id()));
        List<Planned> fresh = planned.stream().filter(p -> !existing.containsKey(p.username())).toList();
        fresh.forEach(p -> ids.put(p.username(), UUID.randomUUID()));
        List<EmployeeAccounts.NewAccount> newAccounts = fresh.stream().map(p -> new EmployeeAccounts.NewAccount(p.username(),
                p.details().name().strip(), Set.of(Role.ASN.realmRole()))).toList();
        EmployeeAccounts realm = accounts.getObject();
        EmployeeAccounts.Batch batch = newAccounts.isEmpty() ? new EmployeeAccounts.Batch(Map.of(), Set.of(), Set.of())
                : realm.createAll(tenant, newAccounts, done -> progress.accept("realm users " + done + "/" + newAccounts.size()));
        Map<String, String> realmIds = batch.ids();
        if (!batch.taken().isEmpty()) {
            batch.made().forEach(id -> realm.delete(tenant, id));
            List<RowProblem> problems = fresh.stream().filter(p -> batch.taken().contains(p.username()))
                    .map(p -> new RowProblem(p.line().number(), usernameColumn(p.details()), "the username " + p.username()
                            + " already belongs to another account of this tenant (not an employee's); Fleksi never takes over"
                            + " an existing account"))
                    .toList();
            progress.accept("refused: " + problems.size() + " usernames already taken; nothing was imported");
            return new Report(planned.size(), 0, 0, 0, problems);
        }
        int[] counts = new int[3];
        try {
            transactions.executeWithoutResult(tx -> {
                List<Employee> created = new ArrayList<>();
                for (Planned p : supervisorsFirst(fresh)) {
                    UUID supervisor = p.supervisorKey() == null ? null : ids.get(p.supervisorKey());
                    created.add(new Employee(ids.get(p.username()), withSupervisor(p.details(), supervisor), p.username(),
                            realmIds.get(p.username())));
                }
                employees.saveAll(created);
                counts[0] = created.size();
                for (Planned p : planned) {
                    UUID supervisor = p.supervisorKey() == null ? null : ids.get(p.supervisorKey());
                    NewEmployee details = withSupervisor(p.details(), supervisor);
                    Employee current = existing.get(p.username());
                    if (current == null) {
                        continue;
                    } else if (!Employees.view(current).equals(Employees.view(preview(current, details)))) {
                        current.apply(details);
                        realm.update(tenant, current.realmUserId(), current.name(), current.status() != EmployeeStatus.RETIRED);
                        counts[1]++;
                    } else {
                        counts[2]++;
                    }
                }
                employees.flush();
                audit.record(tenant, actor, "employee.import", planned.size() + " rows", null,
                        Map.of("created", counts[0], "updated", counts[1], "unchanged", counts[2]));
            });
        } catch (RuntimeException e) {
            batch.made().forEach(id -> realm.delete(tenant, id));
            throw e;
        }
        progress.accept("stored: " + counts[0] + " new, " + counts[1] + " updated, " + counts[2] + " unchanged");
        return new Report(planned.size(), counts[0], counts[1], counts[2], List.of());
    }

    /**
     * New rows ordered so a supervisor is inserted before the staff who name them (the foreign key is checked
     * per row); a supervisor chain that loops is refused as a problem before this point can be reached.
     */
    private static List<Planned> supervisorsFirst(List<Planned> fresh) {
        Map<String, Planned> byUsername = new LinkedHashMap<>();
        fresh.forEach(p -> byUsername.put(p.username(), p));
        List<Planned> ordered = new ArrayList<>(fresh.size());
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (Planned p : fresh) {
            place(p, byUsername, placed, ordered, new java.util.HashSet<>());
        }
        return ordered;
    }

    private static void place(Planned p, Map<String, Planned> byUsername, java.util.Set<String> placed, List<Planned> ordered,
            java.util.Set<String> path) {
        if (placed.contains(p.username()) || !path.add(p.username())) {
            return;
        }
        Planned supervisor = p.supervisorKey() == null ? null : byUsername.get(p.supervisorKey());
        if (supervisor != null) {
            place(supervisor, byUsername, placed, ordered, path);
        }
        placed.add(p.username());
        ordered.add(p);
    }

    /** An employee as they would be with these details, to tell whether anything changes. */
    private static Employee preview(Employee current, NewEmployee details) {
        Employee copy = new Employee(current.id(), details, current.username(), current.realmUserId());
        copy.setStatus(current.status());
        return copy;
    }

    private Planned plan(Spreadsheet.Line line, Map<String, UUID> unitIds, List<RowProblem> problems) {
        int before = problems.size();
        EmploymentType type = enumValue(line, "employment_type", problems);
        String unitCode = line.get("unit_code");
        UUID unitId = unitCode == null ? null : unitIds.get(unitCode.toUpperCase(Locale.ROOT));
        if (unitCode != null && unitId == null) {
            problems.add(new RowProblem(line.number(), "unit_code", "no unit " + unitCode + " in this tenant; import units first"));
        }
        Integer talentBox = integer(line, "talent_box", problems);
        Double latitude = decimal(line, "home_latitude", problems);
        Double longitude = decimal(line, "home_longitude", problems);
        Boolean faceToFace = yesNo(line, "face_to_face_service", problems);
        Boolean ownDevice = yesNo(line, "own_device", problems);
        Boolean connection = yesNo(line, "good_connection", problems);
        LocalDate start = date(line, "start_date", problems);
        if (problems.size() > before || type == null) {
            if (type == null && problems.size() == before) {
                problems.add(new RowProblem(line.number(), "employment_type", "is required: PNS, PPPK or NON_ASN"));
            }
            return null;
        }
        NewEmployee details = new NewEmployee(line.get("nip"), line.get("pppk_number"), line.get("username"),
                line.get("name") == null ? "" : line.get("name"), type, line.get("position"), line.get("grade"), unitId, null,
                talentBox, faceToFace, ownDevice, connection, latitude, longitude, start);
        validator.validate(details).forEach(v -> problems.add(new RowProblem(line.number(),
                FIELD_TO_COLUMN.getOrDefault(v.getPropertyPath().toString(), v.getPropertyPath().toString()), v.getMessage())));
        Employees.Checked checked = Employees.check(details, id -> true, id -> true);
        checked.errors().forEach(e -> problems.add(new RowProblem(line.number(),
                FIELD_TO_COLUMN.getOrDefault(e.get("field"), e.get("field")), e.get("message"))));
        if (problems.size() > before) {
            return null;
        }
        return new Planned(line, checked.username(), details, line.get("supervisor"));
    }

    private static String usernameColumn(NewEmployee details) {
        return switch (details.employmentType()) {
            case PNS -> "nip";
            case PPPK -> "pppk_number";
            case NON_ASN -> "username";
        };
    }

    private static NewEmployee withSupervisor(NewEmployee d, UUID supervisor) {
        return new NewEmployee(d.nip(), d.pppkNumber(), d.username(), d.name(), d.employmentType(), d.position(), d.grade(),
                d.unitId(), supervisor, d.talentBox(), d.faceToFaceService(), d.ownDevice(), d.goodConnection(),
                d.homeLatitude(), d.homeLongitude(), d.startDate());
    }

    private static EmploymentType enumValue(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        String normal = value.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return EmploymentType.valueOf(normal);
        } catch (IllegalArgumentException e) {
            problems.add(new RowProblem(line.number(), column, "'" + value + "' is not PNS, PPPK or NON_ASN"));
            return null;
        }
    }

    private static Integer integer(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            problems.add(new RowProblem(line.number(), column, "'" + value + "' is not a whole number"));
            return null;
        }
    }

    private static Double decimal(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add(new RowProblem(line.number(), column, "'" + value + "' is not a number"));
            return null;
        }
    }

    private static Boolean yesNo(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "ya", "y", "yes", "true", "1" -> true;
            case "tidak", "t", "no", "n", "false", "0" -> false;
            default -> {
                problems.add(new RowProblem(line.number(), column, "'" + value + "' is not ya/tidak"));
                yield null;
            }
        };
    }

    private static LocalDate date(Spreadsheet.Line line, String column, List<RowProblem> problems) {
        String value = line.get(column);
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("\\d{5}")) {
                return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(value)); // a spreadsheet's day number
            }
            if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                return LocalDate.parse(value, DateTimeFormatter.ofPattern("d/M/yyyy"));
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new RowProblem(line.number(), column, "'" + value + "' is not a date (yyyy-mm-dd or dd/mm/yyyy)"));
            return null;
        }
    }
}
