package id.fleksi.modules.reports.internal;

import id.fleksi.modules.reports.ActivityReportsModule;
import id.fleksi.modules.reports.DailyReports;
import id.fleksi.modules.reports.ReportDay;
import id.fleksi.platform.modules.HomeNotices;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.EmployeeRepository;
import id.fleksi.platform.organisation.EmployeeStatus;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The home page's report lines: for an employee, today's report (empty, or its activities and where it stands) and the
 * days of the past week the supervisor returned that can still be mended; for a supervisor, the reports waiting.
 */
@Component
class ReportsHome implements HomeNotices {

    private final EmployeeRepository employees;
    private final DailyReports reports;
    private final ReportReviews reviews;
    private final Clock clock;

    ReportsHome(EmployeeRepository employees, DailyReports reports, ReportReviews reviews, Clock clock) {
        this.employees = employees;
        this.reports = reports;
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public String moduleId() {
        return ActivityReportsModule.ID;
    }

    @Override
    public List<Notice> of(Tenant tenant, Caller caller) {
        List<Notice> notices = new ArrayList<>();
        Optional<Employee> me =
                employees.findByUsername(caller.username()).filter(e -> e.status() != EmployeeStatus.RETIRED);
        if (me.isPresent()) {
            LocalDate today = clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
            List<ReportDay> week = reports.days(me.get().id(), today.minusDays(6), today);
            week.stream().filter(day -> day.date().equals(today)).findFirst().ifPresent(day -> {
                int activities = day.activities().size();
                if (activities == 0 && day.workingDay()) {
                    notices.add(Notice.waiting(
                            LocalizedText.of(
                                    "Laporan hari ini belum berisi kegiatan", "Today's report has no activity yet"),
                            "activity-reports/"));
                } else if (activities > 0) {
                    String state =
                            day.status() == ReportDay.Status.APPROVED ? "disetujui" : "menunggu persetujuan atasan";
                    String stateEn =
                            day.status() == ReportDay.Status.APPROVED ? "approved" : "waiting for your supervisor";
                    notices.add(Notice.state(
                            LocalizedText.of(
                                    "Laporan hari ini: " + activities + " kegiatan, " + state,
                                    "Today's report: " + activities + " activit" + (activities == 1 ? "y" : "ies")
                                            + ", " + stateEn),
                            "activity-reports/"));
                }
            });
            long returned = week.stream()
                    .filter(day -> day.status() == ReportDay.Status.RETURNED && !day.locked())
                    .count();
            if (returned > 0) {
                notices.add(Notice.waiting(
                        LocalizedText.of(
                                returned + " laporan dikembalikan atasan: perbaiki sebelum batas waktunya",
                                returned + " report(s) returned by your supervisor: mend them before their deadline"),
                        "activity-reports/"));
            }
            int waiting = reviews.queue(caller.username()).size();
            if (waiting > 0) {
                notices.add(Notice.waiting(
                        LocalizedText.of(
                                waiting + " laporan harian menunggu persetujuan Anda",
                                waiting + " daily report(s) waiting for your approval"),
                        "activity-reports/review"));
            }
        }
        return notices;
    }
}
