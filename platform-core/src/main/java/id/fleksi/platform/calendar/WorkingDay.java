package id.fleksi.platform.calendar;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The answer for one unit on one date: whether it is a working day, why, and (when it is) its hours in the
 * tenant's time zone. {@code ramadan} tells that the Ramadan schedule applies.
 */
public record WorkingDay(LocalDate date, DayKind kind, String reason, DayHours hours, boolean ramadan, ZoneId zone) {

    public boolean isWorking() {
        return kind.isWorking();
    }
}
