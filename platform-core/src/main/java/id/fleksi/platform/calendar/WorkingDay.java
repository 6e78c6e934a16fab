package id.fleksi.platform.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * The answer for one unit on one date: whether it is a working day, why, and (when it is) its hours in the
 * tenant's time zone (null hours on a day off). {@code ramadan} tells that the Ramadan schedule applies.
 */
public record WorkingDay(
        LocalDate date,
        DayKind kind,
        String reason,
        @Nullable DayHours hours,
        boolean ramadan,
        ZoneId zone) {

    public boolean isWorking() {
        return kind.isWorking();
    }
}
