package id.fleksi.modules.fwa;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Approved absences (izin, sakit, cuti, dinas luar), which the attendance module keeps. The FWA answer counts
 * them (a day on leave is not a WFA day) without depending on attendance: attendance implements this.
 */
public interface ApprovedAbsences {

    record Absence(UUID employeeId, LocalDate from, LocalDate to, boolean dinasLuar, String kind, String destination) {}

    /** Approved absences overlapping the dates, of the given employees (all when null). */
    List<Absence> between(LocalDate from, LocalDate to, java.util.Collection<UUID> employees);
}
