package id.fleksi.modules.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One employee's daily report as its author and reviewers see it.
 *
 * @param status null while the day has no report yet
 * @param nonCompliant the employee checked out without an activity (per setting), or the deadline passed on a
 *     working day with none
 * @param locked past the deadline or approved: the author can no longer change it
 */
public record ReportDay(UUID id, UUID employeeId, String employee, LocalDate date, boolean workingDay, Status status,
        boolean nonCompliant, Instant deadline, boolean locked, String decidedBy, String comment, Instant returnedAt,
        List<Activity> activities) {

    public enum Status { PENDING, APPROVED, RETURNED }

    public record Activity(UUID id, String description, BigDecimal quantity, String unit, int minutes, UUID targetId,
            String targetTitle, String evidenceLink, Evidence evidence) {
    }

    public record Evidence(String fileName, String contentType, int sizeBytes) {
    }
}
