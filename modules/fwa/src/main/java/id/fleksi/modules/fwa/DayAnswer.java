package id.fleksi.modules.fwa;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * The one answer for an employee and a date.
 *
 * @param where for WFA the place (home as recorded, or the place requested); for dinas luar the destination
 * @param start null on a day off; otherwise the start of the working day (or of the start window with flexible hours)
 * @param latestStart with flexible hours, the end of the start window; otherwise equal to start
 * @param reasons why, in words a person understands, most decisive first
 */
public record DayAnswer(
        UUID employeeId,
        LocalDate date,
        WorkMode mode,
        String where,
        LocalTime start,
        LocalTime latestStart,
        LocalTime end,
        List<Reason> reasons) {

    /** The reasons in English words. */
    public List<String> reasonTexts() {
        return Reason.texts(reasons);
    }

    public boolean anywhere() {
        return mode == WorkMode.WFA || mode == WorkMode.DINAS_LUAR;
    }
}
