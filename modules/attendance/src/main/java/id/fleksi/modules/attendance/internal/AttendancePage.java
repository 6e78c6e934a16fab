package id.fleksi.modules.attendance.internal;

import id.fleksi.modules.attendance.CheckIn;
import id.fleksi.modules.attendance.CheckInRequest;
import id.fleksi.modules.attendance.CheckIns;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.calendar.WorkingDay;
import id.fleksi.platform.organisation.Employee;
import id.fleksi.platform.organisation.Employees;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.web.PageController;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The ASN's attendance page, built for a cheap phone: today's status, one big button with the distance to the
 * nearest office, the offline queue, the last week; for a supervisor also the team's day. The page's script
 * posts to the session-authenticated twin of the check-in API ({@link PageCheckInController}), queueing in the browser while offline.
 */
@PageController
class AttendancePage {

    /** Offices as the page's script needs them to show the distance before the button is pressed. */
    record OfficeMark(String name, double latitude, double longitude, double radiusMetres) {}

    private final Employees employees;
    private final WorkingCalendar calendar;
    private final CheckIns checkIns;
    private final UnitOffices offices;
    private final DailyRecap recap;
    private final Clock clock;

    AttendancePage(
            Employees employees,
            WorkingCalendar calendar,
            CheckIns checkIns,
            UnitOffices offices,
            DailyRecap recap,
            Clock clock) {
        this.employees = employees;
        this.calendar = calendar;
        this.checkIns = checkIns;
        this.offices = offices;
        this.recap = recap;
        this.clock = clock;
    }

    @GetMapping({"/t/{code}/attendance", "/t/{code}/attendance/"})
    String today(Tenant tenant, Caller caller, Model model) {
        Employee me = employees.requireActive(caller.username());
        LocalDate today = clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
        WorkingDay day = calendar.of(me.unitId(), today);
        List<CheckIn> records = checkIns.on(me.id(), today);
        model.addAttribute("tenant", tenant);
        model.addAttribute("me", me);
        model.addAttribute("day", day);
        model.addAttribute(
                "checkIn",
                records.stream()
                        .filter(r -> r.kind() == CheckInRequest.Kind.IN)
                        .findFirst()
                        .orElse(null));
        model.addAttribute(
                "checkOut",
                records.stream()
                        .filter(r -> r.kind() == CheckInRequest.Kind.OUT)
                        .findFirst()
                        .orElse(null));
        model.addAttribute(
                "offices",
                offices.along(tenant.code(), me.unitId()).stream()
                        .map(o -> new OfficeMark(
                                o.name(),
                                o.fence().centre().latitude(),
                                o.fence().centre().longitude(),
                                o.fence().radiusMetres()))
                        .toList());
        model.addAttribute("week", newestFirst(recap.of(me.id(), today.minusDays(6), today)));
        model.addAttribute("team", caller.hasRole(Role.ATASAN) ? recap.team(caller.username(), today) : List.of());
        model.addAttribute("zone", tenant.timeZone().zone());
        // Whether a phone without a fix may still check in (flagged): said before the press, judged again on it.
        model.addAttribute("noFixToday", checkIns.takesNoFixToday(caller.username()));
        return "attendance/today";
    }

    /** My month: every day with its times, and the month in figures; the current month unless another is asked for. */
    @GetMapping("/t/{code}/attendance/history")
    String history(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            Model model) {
        Employee me = employees.requireActive(caller.username());
        model.addAttribute("tenant", tenant);
        model.addAttribute("me", me);
        model.addAttribute("recap", recap.month(me.id(), shownMonth(tenant, month, model)));
        model.addAttribute("zone", tenant.timeZone().zone());
        return "attendance/history";
    }

    /** The supervisor's direct staff over a month, one row each in figures; the current month unless another is asked for. */
    @GetMapping("/t/{code}/attendance/team-recap")
    String teamRecap(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            Model model) {
        if (!caller.hasRole(Role.ATASAN)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only supervisors (atasan) see their team's recap.")
                    .variant("team-recap");
        }
        YearMonth shown = shownMonth(tenant, month, model);
        model.addAttribute("tenant", tenant);
        model.addAttribute("month", shown);
        model.addAttribute("team", recap.team(caller.username(), shown));
        return "attendance/team-recap";
    }

    /** The month asked for, or the current one (never a later one), with the months before and after it for the page. */
    private YearMonth shownMonth(Tenant tenant, YearMonth asked, Model model) {
        YearMonth current =
                YearMonth.from(clock.instant().atZone(tenant.timeZone().zone()));
        YearMonth shown = asked == null || asked.isAfter(current) ? current : asked;
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.equals(current) ? null : shown.plusMonths(1));
        return shown;
    }

    private static <T> List<T> newestFirst(List<T> days) {
        List<T> copy = new java.util.ArrayList<>(days);
        java.util.Collections.reverse(copy);
        return copy;
    }
}
