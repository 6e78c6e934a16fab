package id.fleksi.platform.calendar;

import java.time.Duration;
import java.time.LocalTime;

/** One day's office hours: start, end, and the unpaid break between. */
public record DayHours(LocalTime start, LocalTime end, int breakMinutes) {

    public DayHours {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a working day ends after it starts: " + start + "-" + end);
        }
        if (breakMinutes < 0 || breakMinutes >= Duration.between(start, end).toMinutes()) {
            throw new IllegalArgumentException("the break must be shorter than the day: " + breakMinutes + " minutes");
        }
    }

    public static DayHours of(String start, String end, int breakMinutes) {
        return new DayHours(LocalTime.parse(start), LocalTime.parse(end), breakMinutes);
    }

    /** Minutes of work, breaks excluded. */
    public long workingMinutes() {
        return Duration.between(start, end).toMinutes() - breakMinutes;
    }
}
