package id.fleksi.platform.calendar;

import java.time.LocalTime;

/**
 * Hours of a day, {@code 06:00-12:00}, to the minute; a window whose end comes before its start runs past midnight
 * ({@code 22:00-06:00}). Both ends belong to it.
 */
public record TimeWindow(LocalTime from, LocalTime to) {

    /** What {@link #parse} takes: {@code HH:mm-HH:mm}. */
    public static final String PATTERN = "([01]\\d|2[0-3]):[0-5]\\d-([01]\\d|2[0-3]):[0-5]\\d";

    public static TimeWindow parse(String text) {
        if (text == null || !text.matches(PATTERN)) {
            throw new IllegalArgumentException("'" + text + "' is not a window of hours (HH:mm-HH:mm)");
        }
        String[] ends = text.split("-");
        return new TimeWindow(LocalTime.parse(ends[0]), LocalTime.parse(ends[1]));
    }

    /** Whether the time (to the minute) falls in the window. */
    public boolean contains(LocalTime time) {
        LocalTime at = time.withSecond(0).withNano(0);
        return from.isAfter(to) ? !at.isBefore(from) || !at.isAfter(to) : !at.isBefore(from) && !at.isAfter(to);
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
