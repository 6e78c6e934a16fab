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
 * @param locked past the deadline: the author can no longer add to it nor change it (approved activities never change;
 *     one added after an approval, before the deadline, sends the day back to the supervisor)
 */
public record ReportDay(
        UUID id,
        UUID employeeId,
        String employee,
        LocalDate date,
        boolean workingDay,
        Status status,
        boolean nonCompliant,
        Instant deadline,
        boolean locked,
        String decidedBy,
        String comment,
        Instant returnedAt,
        List<Activity> activities) {

    public enum Status {
        PENDING,
        APPROVED,
        RETURNED
    }

    /** Some of its activities were approved: they stay as they are, whatever is added later. */
    public boolean approvedBefore() {
        return activities.stream().anyMatch(Activity::approved);
    }

    public record Activity(
            UUID id,
            String description,
            BigDecimal quantity,
            String unit,
            int minutes,
            UUID targetId,
            String targetTitle,
            String evidenceLink,
            Evidence evidence,
            boolean approved) {}

    public record Evidence(String fileName, String contentType, int sizeBytes) {}
}
