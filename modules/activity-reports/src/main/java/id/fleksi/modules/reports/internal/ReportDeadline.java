package id.fleksi.modules.reports.internal;

import id.fleksi.modules.reports.ActivityReportsModule;
import id.fleksi.modules.reports.ReportSettings;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * When a day's report locks: by default at 10:00 on the next working day of the employee's unit, in the
 * tenant's zone (both tenant settings). A returned report gets the same allowance again, counted from the
 * day it was returned.
 */
@Component
public class ReportDeadline {

    /** Long enough to cross Idul Fitri's holidays and cuti bersama. */
    private static final int LOOK_AHEAD_DAYS = 45;

    private final WorkingCalendar calendar;
    private final ModuleSwitches switches;

    ReportDeadline(WorkingCalendar calendar, ModuleSwitches switches) {
        this.calendar = calendar;
        this.switches = switches;
    }

    /** The rule for reports dated between two dates (inclusive), with the calendar it needs read once. */
    public Rule between(LocalDate from, LocalDate to) {
        ReportSettings settings =
                switches.settings(TenantContext.require(), ActivityReportsModule.ID, ReportSettings.class);
        return new Rule(
                calendar.snapshot(from, to.plusDays(LOOK_AHEAD_DAYS)),
                settings.deadlineWorkingDays(),
                settings.deadlineHour());
    }

    public record Rule(WorkingCalendar.Snapshot days, int workingDays, int hour) {

        /** The moment after which the report counted from {@code from} can no longer be changed by its author. */
        public Instant after(UUID unitId, LocalDate from) {
            LocalDate date = from;
            for (int counted = 0, step = 0; counted < workingDays && step < LOOK_AHEAD_DAYS; step++) {
                date = date.plusDays(1);
                if (days.of(unitId, date).isWorking()) {
                    counted++;
                }
            }
            return date.atTime(hour, 0).atZone(zone(unitId, from)).toInstant();
        }

        ZoneId zone(UUID unitId, LocalDate date) {
            return days.of(unitId, date).zone();
        }
    }
}
