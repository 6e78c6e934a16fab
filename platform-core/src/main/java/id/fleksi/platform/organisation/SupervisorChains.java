package id.fleksi.platform.organisation;

import id.fleksi.platform.organisation.EmployeeImport.RowProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The supervisor lines of an employee import: each supervisor found, no chain looping, supervisors stored first. */
final class SupervisorChains {

    private SupervisorChains() {}

    /**
     * Adds a problem for every row naming a supervisor who is neither in the file ({@code inFile}, by username) nor in the
     * tenant ({@code existing}), and for every row whose chain of supervisors, as it would be after the import, loops.
     */
    static void check(
            List<EmployeeRows.Planned> planned,
            Set<String> inFile,
            Map<String, Employee> existing,
            List<RowProblem> problems) {
        for (EmployeeRows.Planned row : planned) {
            String supervisor = row.supervisorKey();
            if (supervisor != null && !inFile.contains(supervisor) && !existing.containsKey(supervisor)) {
                problems.add(RowProblem.of(
                        row.line().number(),
                        "supervisor",
                        "no-supervisor",
                        "no employee " + supervisor + " in this file or in the tenant",
                        supervisor));
            }
        }
        // Supervisors as they would be after the import: the file's, and the tenant's for everyone the file leaves out.
        Map<UUID, String> usernameOf = new HashMap<>();
        existing.values().forEach(e -> usernameOf.put(e.id(), e.username()));
        Map<String, String> supervisorOf = new HashMap<>();
        existing.values().forEach(e -> supervisorOf.put(e.username(), usernameOf.get(e.supervisorId())));
        planned.forEach(p -> supervisorOf.put(p.username(), p.supervisorKey()));
        for (EmployeeRows.Planned row : planned) {
            Set<String> seen = new LinkedHashSet<>();
            for (String at = row.username();
                    at != null && supervisorOf.containsKey(at) && seen.add(at);
                    at = supervisorOf.get(at)) {
                if (row.username().equals(supervisorOf.get(at))) {
                    seen.add(row.username());
                    problems.add(RowProblem.of(
                            row.line().number(),
                            "supervisor",
                            "supervisor-loop",
                            "the chain of supervisors loops back: " + String.join(" > ", seen),
                            String.join(" > ", seen)));
                    break;
                }
            }
        }
    }

    /**
     * New rows ordered so a supervisor is inserted before the staff who name them (the foreign key is checked
     * per row); a supervisor chain that loops is refused as a problem before this point can be reached.
     */
    static List<EmployeeRows.Planned> supervisorsFirst(List<EmployeeRows.Planned> fresh) {
        Map<String, EmployeeRows.Planned> byUsername = new LinkedHashMap<>();
        fresh.forEach(p -> byUsername.put(p.username(), p));
        List<EmployeeRows.Planned> ordered = new ArrayList<>(fresh.size());
        Set<String> placed = new HashSet<>();
        for (EmployeeRows.Planned p : fresh) {
            place(p, byUsername, placed, ordered, new HashSet<>());
        }
        return ordered;
    }

    private static void place(
            EmployeeRows.Planned p,
            Map<String, EmployeeRows.Planned> byUsername,
            Set<String> placed,
            List<EmployeeRows.Planned> ordered,
            Set<String> path) {
        if (placed.contains(p.username()) || !path.add(p.username())) {
            return;
        }
        EmployeeRows.Planned supervisor = p.supervisorKey() == null ? null : byUsername.get(p.supervisorKey());
        if (supervisor != null) {
            place(supervisor, byUsername, placed, ordered, path);
        }
        placed.add(p.username());
        ordered.add(p);
    }
}
