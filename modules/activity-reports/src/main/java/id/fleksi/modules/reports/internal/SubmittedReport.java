package id.fleksi.modules.reports.internal;

import id.fleksi.modules.reports.ReportDay;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A stored daily report as its reviewer sees it: whose, which day, where it stands, what it holds. */
public record SubmittedReport(
        UUID id,
        UUID employeeId,
        String employee,
        LocalDate date,
        ReportDay.Status status,
        boolean nonCompliant,
        String decidedBy,
        String comment,
        Instant returnedAt,
        List<ReportDay.Activity> activities) {

    /** Approved before, and back with work added since: the reviewer sees which activities are new. */
    public boolean approvedBefore() {
        return activities.stream().anyMatch(ReportDay.Activity::approved);
    }
}
