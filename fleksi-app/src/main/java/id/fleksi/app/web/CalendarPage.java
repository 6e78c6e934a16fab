package id.fleksi.app.web;

import id.fleksi.platform.calendar.DayHours;
import id.fleksi.platform.calendar.LocalHolidays;
import id.fleksi.platform.calendar.WeekSchedule;
import id.fleksi.platform.calendar.WorkSchedules;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.problem.Problem;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantSql;
import id.fleksi.platform.web.PageController;
import id.fleksi.platform.web.PageForms;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pemda's calendar, for the tenant admin and BKD: local holidays by year beside the national ones (read only),
 * the weekly working hours of the pemda or a unit, Ramadan hours between two dates, and what the working calendar
 * answers for a unit on a date.
 */
@PageController
class CalendarPage {

    static final List<DayOfWeek> WEEK = List.of(DayOfWeek.values());

    private final LocalHolidays holidays;
    private final WorkSchedules schedules;
    private final WorkingCalendar calendar;
    private final TenantMenu menu;
    private final JdbcClient jdbc;
    private final PageForms forms;
    private final MessageSource messages;
    private final Clock clock;

    CalendarPage(
            LocalHolidays holidays,
            WorkSchedules schedules,
            WorkingCalendar calendar,
            TenantMenu menu,
            JdbcClient jdbc,
            PageForms forms,
            MessageSource messages,
            Clock clock) {
        this.holidays = holidays;
        this.schedules = schedules;
        this.calendar = calendar;
        this.menu = menu;
        this.jdbc = jdbc;
        this.forms = forms;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping({"/t/{code}/admin/calendar", "/t/{code}/admin/calendar/"})
    String page(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID unitId,
            Model model,
            Locale locale) {
        allowed(caller);
        LocalDate today = clock.instant().atZone(tenant.timeZone().zone()).toLocalDate();
        int shown = year == null || year < 2000 || year > 2100 ? today.getYear() : year;
        List<Map<String, Object>> units = jdbc.sql(
                        TenantSql.in(tenant.code(), "select id, code, name from {org_unit} order by code"))
                .query()
                .listOfRows();
        Map<UUID, String> unitNames = new java.util.HashMap<>();
        units.forEach(u -> unitNames.put((UUID) u.get("id"), u.get("code") + " · " + u.get("name")));
        model.addAttribute("tenant", tenant);
        model.addAttribute("menu", menu.linksFor(tenant.code(), caller, locale));
        model.addAttribute("today", today);
        model.addAttribute("year", shown);
        model.addAttribute("local", holidays.of(shown));
        model.addAttribute("national", holidays.national(shown));
        model.addAttribute("units", units);
        model.addAttribute("unitNames", unitNames);
        model.addAttribute("schedules", schedules.list());
        model.addAttribute("week", WEEK);
        model.addAttribute("regular", WeekSchedule.perpres21of2023());
        model.addAttribute("ramadan", WeekSchedule.ramadan());
        LocalDate asked = date == null ? today : date;
        model.addAttribute("date", asked);
        model.addAttribute("unitId", unitId);
        model.addAttribute("answer", calendar.of(unitId, asked));
        return "tenant/calendar";
    }

    @PostMapping("/t/{code}/admin/calendar/holidays")
    String addHoliday(
            Tenant tenant,
            Caller caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) UUID unitId,
            RedirectAttributes redirect) {
        allowed(caller);
        int year = date == null ? LocalDate.now(clock).getYear() : date.getYear();
        return forms.redirect(
                redirect, back(tenant, year), "holiday", () -> holidays.add(date, name, unitId, caller.username()));
    }

    @PostMapping("/t/{code}/admin/calendar/holidays/{id}/remove")
    String removeHoliday(
            Tenant tenant,
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer year,
            RedirectAttributes redirect) {
        allowed(caller);
        return forms.redirect(redirect, back(tenant, year), "holidayRemoved", () -> {
            holidays.remove(id, caller.username());
            return null;
        });
    }

    /** The week's hours from the form: a ticked day with its start, end and break; or the form's problem, said. */
    @PostMapping("/t/{code}/admin/calendar/schedules")
    String setHours(
            Tenant tenant,
            Caller caller,
            @RequestParam String kind,
            @RequestParam(required = false) UUID unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam Map<String, String> form,
            Locale locale,
            RedirectAttributes redirect) {
        allowed(caller);
        Map<DayOfWeek, DayHours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : WEEK) {
            if (!form.containsKey("on." + day)) {
                continue;
            }
            String dayName = messages.getMessage("day." + day, null, day.name(), locale);
            try {
                LocalTime start = LocalTime.parse(form.getOrDefault("start." + day, ""));
                LocalTime end = LocalTime.parse(form.getOrDefault("end." + day, ""));
                int pause = Integer.parseInt(
                        form.getOrDefault("break." + day, "0").isBlank() ? "0" : form.get("break." + day));
                if (!end.isAfter(start)
                        || pause < 0
                        || pause >= java.time.Duration.between(start, end).toMinutes()) {
                    return refuse(
                            tenant,
                            redirect,
                            messages.getMessage("calendar.error.hours", new Object[] {dayName}, locale));
                }
                days.put(day, new DayHours(start, end, pause));
            } catch (DateTimeParseException | NumberFormatException e) {
                return refuse(
                        tenant, redirect, messages.getMessage("calendar.error.time", new Object[] {dayName}, locale));
            }
        }
        boolean ramadan = "RAMADAN".equals(kind);
        return forms.redirect(
                redirect, back(tenant, from == null ? null : from.getYear()), ramadan ? "ramadan" : "hours", () -> {
                    if (ramadan) {
                        schedules.addRamadan(unitId, from, to, days, caller.username());
                    } else {
                        schedules.setRegular(unitId, days, caller.username());
                    }
                    return null;
                });
    }

    @PostMapping("/t/{code}/admin/calendar/schedules/{id}/remove")
    String removeHours(Tenant tenant, Caller caller, @PathVariable UUID id, RedirectAttributes redirect) {
        allowed(caller);
        return forms.redirect(redirect, back(tenant, null), "hoursRemoved", () -> {
            schedules.remove(id, caller.username());
            return null;
        });
    }

    private static String refuse(Tenant tenant, RedirectAttributes redirect, String message) {
        redirect.addFlashAttribute("error", List.of(message));
        return back(tenant, null);
    }

    private static String back(Tenant tenant, Integer year) {
        return "redirect:/t/" + tenant.code() + "/admin/calendar" + (year == null ? "" : "?year=" + year);
    }

    private static void allowed(Caller caller) {
        if (!caller.hasRole(Role.TENANT_ADMIN) && !caller.hasRole(Role.BKD)) {
            throw Problem.forbidden("missing-role", "Not allowed", "Only BKD or a tenant admin manage the calendar.")
                    .variant("calendar");
        }
    }
}
