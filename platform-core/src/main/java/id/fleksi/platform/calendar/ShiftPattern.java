package id.fleksi.platform.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A rotation of shifts for a unit that never closes (a Puskesmas, an ambulance post): day 1 of the cycle
 * falls on the anchor date, and the cycle repeats; a day without hours is a rest day. A rotation runs
 * through weekends and holidays.
 */
public record ShiftPattern(LocalDate anchor, List<DayHours> cycle) {

    public ShiftPattern {
        if (cycle == null || cycle.isEmpty() || cycle.size() > 28) {
            throw new IllegalArgumentException("a shift cycle has 1 to 28 days");
        }
        cycle = Collections.unmodifiableList(new ArrayList<>(cycle));
    }

    /** The hours on a date, or null on a rest day. */
    public @Nullable DayHours on(LocalDate date) {
        long day = Math.floorMod(ChronoUnit.DAYS.between(anchor, date), cycle.size());
        return cycle.get((int) day);
    }
}
