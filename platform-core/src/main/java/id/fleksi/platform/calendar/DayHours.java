package id.fleksi.platform.calendar;

import java.time.Duration;
import java.time.LocalTime;

/**
 * One day's working hours: start, end, and the unpaid break between. An end at or before the start is the
 * next morning (a night shift, 21:00-07:00).
 */
public record DayHours(LocalTime start, LocalTime end, int breakMinutes) {

    public DayHours {
        if (end.equals(start)) {
            throw new IllegalArgumentException("a working day has a length: " + start + "-" + end);
        }
        if (breakMinutes < 0 || breakMinutes >= span(start, end)) {
            throw new IllegalArgumentException("the break must be shorter than the day: " + breakMinutes + " minutes");
        }
    }

    /** Whether the hours run past midnight into the next day. */
    public boolean overnight() {
        return !end.isAfter(start);
    }

    private static long span(LocalTime start, LocalTime end) {
        long minutes = Duration.between(start, end).toMinutes();
        return minutes > 0 ? minutes : minutes + 24 * 60;
    }

    public static DayHours of(String start, String end, int breakMinutes) {
        return new DayHours(LocalTime.parse(start), LocalTime.parse(end), breakMinutes);
    }

    /** Minutes of work, breaks excluded. */
    public long workingMinutes() {
        return span(start, end) - breakMinutes;
    }
}
