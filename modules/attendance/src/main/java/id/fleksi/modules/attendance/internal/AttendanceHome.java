package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.Absences;
import id.fleksi.modules.attendance.AttendanceModule;
import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.modules.fwa.ApprovedAbsences;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.calendar.WorkingDay;
import id.fleksi.platform.modules.HomeNotices;
import id.fleksi.platform.modules.LocalizedText;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.EmployeeRepository;
import id.fleksi.platform.organisation.EmployeeStatus;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.tenancy.Tenant;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The home page's attendance lines: for an employee, how today stands (not checked in yet, in at 07:12 and late, on
 * approved leave, a holiday); for a supervisor, the absences waiting for a decision.
 */
@Component
class AttendanceHome implements HomeNotices {

    private static final Locale INDONESIAN = new Locale("id");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm");

    private final EmployeeRepository employees;
    private final WorkingCalendar calendar;
    private final CheckIns checkIns;
    private final Absences absences;
    private final Clock clock;
    private final MessageSource messages;

    AttendanceHome(
            EmployeeRepository employees,
            WorkingCalendar calendar,
            CheckIns checkIns,
            Absences absences,
            Clock clock,
            MessageSource messages) {
        this.messages = messages;
        this.employees = employees;
        this.calendar = calendar;
        this.checkIns = checkIns;
        this.absences = absences;
        this.clock = clock;
    }

    @Override
    public String moduleId() {
        return AttendanceModule.ID;
    }

    @Override
    public List<Notice> of(Tenant tenant, Caller caller) {
        List<Notice> notices = new ArrayList<>();
        Optional<Employee> me =
                employees.findByUsername(caller.username()).filter(e -> e.status() != EmployeeStatus.RETIRED);
        me.ifPresent(employee -> notices.add(today(tenant, employee)));
        int awaiting = absences.awaiting(caller.username()).size();
        if (awaiting > 0) {
            notices.add(Notice.waiting(
                    LocalizedText.of(
                            awaiting + " pengajuan izin, sakit, cuti atau dinas luar menunggu keputusan Anda",
                            awaiting + " leave or travel request(s) waiting for your decision"),
                    "attendance/absences"));
        }
        return notices;
    }

    private Notice today(Tenant tenant, Employee me) {
        LocalDate today = clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
        List<CheckIn> records = checkIns.on(me.id(), today);
        Optional<CheckIn> in =
                records.stream().filter(r -> r.kind() == CheckInRequest.Kind.IN).findFirst();
        Optional<CheckIn> out = records.stream()
                .filter(r -> r.kind() == CheckInRequest.Kind.OUT)
                .findFirst();
        if (in.isPresent()) {
            String at =
                    TIME.format(in.get().recordedAt().atZone(tenant.timeZone().zone()));
            String late = in.get().minutesLate() > 0
                    ? ", terlambat " + messages.getMessage(in.get().late(), INDONESIAN)
                    : "";
            String lateEn = in.get().minutesLate() > 0
                    ? ", late by " + messages.getMessage(in.get().late(), Locale.ENGLISH)
                    : "";
            String gone = out.map(o -> "; pulang "
                            + TIME.format(
                                    o.recordedAt().atZone(tenant.timeZone().zone())))
                    .orElse("; belum presensi pulang");
            String goneEn = out.map(o -> "; out at "
                            + TIME.format(
                                    o.recordedAt().atZone(tenant.timeZone().zone())))
                    .orElse("; not checked out yet");
            return Notice.state(
                    LocalizedText.of(
                            "Hari ini: masuk " + at + " (" + in.get().workMode() + ")" + late + gone,
                            "Today: in at " + at + " (" + in.get().workMode() + ")" + lateEn + goneEn),
                    "attendance/");
        }
        Optional<ApprovedAbsences.Absence> away =
                absences.between(today, today, List.of(me.id())).stream().findFirst();
        if (away.isPresent()) {
            String kind = away.get().kind().replace('_', ' ').toLowerCase(Locale.ROOT);
            return Notice.state(
                    LocalizedText.of("Hari ini: " + kind + " (disetujui)", "Today: " + kind + " (approved)"),
                    "attendance/absences");
        }
        WorkingDay day = calendar.of(me.unitId(), today);
        if (!day.isWorking()) {
            String reason = day.reason() == null || day.reason().isBlank() ? "" : ": " + day.reason();
            return Notice.state(
                    LocalizedText.of("Hari ini bukan hari kerja" + reason, "Today is not a working day" + reason),
                    "attendance/");
        }
        return Notice.waiting(
                LocalizedText.of("Anda belum presensi masuk hari ini", "You have not checked in today"), "attendance/");
    }
}
