package id.fleksi.platform.calendar;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.Map;

/** Office hours per weekday; a weekday without hours is not a working day. */
public record WeekSchedule(Map<DayOfWeek, DayHours> days) {

    public WeekSchedule {
        days = Map.copyOf(days);
    }

    /**
     * Perpres 21/2023: five days, 37.5 hours a week without breaks, from 07:30 local time; Monday to Thursday
     * 07:30-16:00 with a 60-minute break, Friday 07:30-16:30 with a 90-minute break.
     */
    public static WeekSchedule perpres21of2023() {
        return PERPRES_21_2023;
    }

    /** Ramadan: 32.5 hours a week from 08:00; Monday to Thursday 08:00-15:00 (30-minute break), Friday 08:00-15:30 (60). */
    public static WeekSchedule ramadan() {
        return RAMADAN;
    }

    // Built once: most units have no schedule of their own, so every check-in asked for the Perpres week (parsing its
    // times).
    private static final WeekSchedule PERPRES_21_2023 = week("07:30", "16:00", 60, "16:30", 90);
    private static final WeekSchedule RAMADAN = week("08:00", "15:00", 30, "15:30", 60);

    /** Monday to Thursday from {@code start} to {@code end}, Friday from {@code start} to {@code fridayEnd}. */
    private static WeekSchedule week(
            String start, String end, int breakMinutes, String fridayEnd, int fridayBreakMinutes) {
        Map<DayOfWeek, DayHours> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day :
                new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY}) {
            days.put(day, DayHours.of(start, end, breakMinutes));
        }
        days.put(DayOfWeek.FRIDAY, DayHours.of(start, fridayEnd, fridayBreakMinutes));
        return new WeekSchedule(days);
    }

    public DayHours on(DayOfWeek day) {
        return days.get(day);
    }

    public long weeklyMinutes() {
        return days.values().stream().mapToLong(DayHours::workingMinutes).sum();
    }
}
