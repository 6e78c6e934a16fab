package id.fleksi.platform.organisation;

import id.fleksi.platform.audit.AuditLog;
import id.fleksi.platform.organisation.EmployeeImport.Report;
import id.fleksi.platform.organisation.EmployeeImport.RowProblem;
import id.fleksi.platform.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Units from a spreadsheet (columns {@code code, name, kind, parent_code}): all rows checked, all problems
 * reported, nothing imported unless all are valid; a unit already there with the same data is left alone.
 */
@Service
public class UnitImport {

    private final OrgUnitRepository units;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    public UnitImport(OrgUnitRepository units, AuditLog audit, TransactionTemplate transactions) {
        this.units = units;
        this.audit = audit;
        this.transactions = transactions;
    }

    private record Row(int number, String code, String name, UnitKind kind, String parent) {}

    public Report importUnits(Spreadsheet sheet, String actor) {
        List<RowProblem> problems = new ArrayList<>();
        Map<String, OrgUnit> existing = new HashMap<>();
        units.findAll().forEach(u -> existing.put(u.code(), u));
        Map<String, Row> rows = new java.util.LinkedHashMap<>();
        for (Spreadsheet.Line line : sheet.lines()) {
            String code = line.get("code") == null ? null : line.get("code").toUpperCase(Locale.ROOT);
            if (code == null || !code.matches("[A-Z0-9][A-Z0-9._-]{0,49}")) {
                problems.add(RowProblem.of(
                        line.number(), "code", "unit-code", "is 1-50 upper-case letters, digits, dots, dashes"));
                continue;
            }
            if (line.get("name") == null) {
                problems.add(RowProblem.of(line.number(), "name", "required", "is required"));
            }
            UnitKind kind = null;
            try {
                kind = UnitKind.valueOf(String.valueOf(line.get("kind")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(RowProblem.of(
                        line.number(),
                        "kind",
                        "unit-kind",
                        "'" + line.get("kind") + "' is not one of " + java.util.Arrays.toString(UnitKind.values()),
                        line.get("kind"),
                        String.join(
                                ", ",
                                java.util.Arrays.stream(UnitKind.values())
                                        .map(Enum::name)
                                        .toList())));
            }
            if (rows.containsKey(code)) {
                problems.add(RowProblem.of(
                        line.number(),
                        "code",
                        "same-unit",
                        "the same unit as row " + rows.get(code).number(),
                        rows.get(code).number()));
                continue;
            }
            String parent = line.get("parent_code") == null
                    ? null
                    : line.get("parent_code").toUpperCase(Locale.ROOT);
            rows.put(code, new Row(line.number(), code, line.get("name"), kind, parent));
        }
        for (Row row : rows.values()) {
            if (row.parent() != null && !rows.containsKey(row.parent()) && !existing.containsKey(row.parent())) {
                problems.add(RowProblem.of(
                        row.number(),
                        "parent_code",
                        "no-parent",
                        "no unit " + row.parent() + " in this file or the tenant",
                        row.parent()));
            } else if (cycles(row, rows)) {
                problems.add(
                        RowProblem.of(row.number(), "parent_code", "unit-loop", "units cannot contain each other"));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(RowProblem::row));
            return new Report(sheet.lines().size(), 0, 0, 0, problems);
        }
        int[] counts = new int[3];
        transactions.executeWithoutResult(tx -> {
            Map<String, OrgUnit> all = new HashMap<>(existing);
            for (Row row : inParentOrder(rows)) {
                OrgUnit current = all.get(row.code());
                java.util.UUID parentId =
                        row.parent() == null ? null : all.get(row.parent()).id();
                if (current == null) {
                    all.put(row.code(), units.save(new OrgUnit(parentId, row.code(), row.name(), row.kind())));
                    counts[0]++;
                } else if (!row.name().equals(current.name())
                        || row.kind() != current.kind()
                        || !java.util.Objects.equals(parentId, current.parentId())) {
                    current.change(parentId, row.name(), row.kind());
                    counts[1]++;
                } else {
                    counts[2]++;
                }
            }
            audit.record(
                    TenantContext.require(),
                    actor,
                    "unit.import",
                    rows.size() + " rows",
                    null,
                    Map.of("created", counts[0], "updated", counts[1], "unchanged", counts[2]));
        });
        return new Report(rows.size(), counts[0], counts[1], counts[2], List.of());
    }

    private static boolean cycles(Row row, Map<String, Row> rows) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        Row current = row;
        while (current != null && current.parent() != null) {
            if (!seen.add(current.code())) {
                return true;
            }
            current = rows.get(current.parent());
        }
        return false;
    }

    private static List<Row> inParentOrder(Map<String, Row> rows) {
        List<Row> ordered = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        while (ordered.size() < rows.size()) {
            for (Row row : rows.values()) {
                if (!placed.contains(row.code())
                        && (row.parent() == null || placed.contains(row.parent()) || !rows.containsKey(row.parent()))) {
                    ordered.add(row);
                    placed.add(row.code());
                }
            }
        }
        return ordered;
    }
}
