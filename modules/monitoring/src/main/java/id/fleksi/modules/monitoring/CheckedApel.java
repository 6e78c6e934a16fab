package id.fleksi.modules.monitoring;

import id.fleksi.modules.monitoring.Apels.NewApel;
import id.fleksi.platform.problem.Problem;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An apel as the tenant admin asks for it, once every field is right: weekly on a weekday or once on a date. */
record CheckedApel(
        String title,
        @Nullable String weekday,
        @Nullable LocalDate date,
        LocalTime startsAt,
        int windowMinutes,
        boolean countsInEvaluation) {

    /** The request checked on the tenant's today; a 400 problem naming every wrong field otherwise. */
    static CheckedApel of(NewApel request, LocalDate today) {
        List<String> wrong = new ArrayList<>();
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty() || title.length() > 200) {
            wrong.add("title: 1 to 200 characters");
        }
        if ((request.weekday() == null) == (request.date() == null)) {
            wrong.add("weekday or date: one of them (every week on a weekday, or once on a date)");
        }
        String weekday = null;
        if (request.weekday() != null) {
            try {
                weekday = DayOfWeek.valueOf(request.weekday().strip().toUpperCase())
                        .name();
            } catch (IllegalArgumentException e) {
                wrong.add("weekday: MONDAY to SUNDAY");
            }
        }
        if (request.date() != null && request.date().isBefore(today)) {
            wrong.add("date: today or later");
        }
        LocalTime starts = null;
        try {
            starts = request.startsAt() == null
                    ? null
                    : LocalTime.parse(request.startsAt().strip());
        } catch (DateTimeParseException e) {
            // said below
        }
        if (starts == null) {
            wrong.add("startsAt: a time as HH:MM, e.g. 07:30");
        }
        int window = request.windowMinutes() == null ? 30 : request.windowMinutes();
        if (window < 5 || window > 180) {
            wrong.add("windowMinutes: 5 to 180");
        }
        if (!wrong.isEmpty() || starts == null) { // starts is null only when said wrong
            throw Problem.badRequest(
                    "invalid-apel",
                    "The apel cannot be scheduled",
                    String.join("; ", wrong) + ". Nothing was scheduled.");
        }
        boolean counts = request.countsInEvaluation() == null || request.countsInEvaluation();
        return new CheckedApel(title, weekday, request.date(), starts, window, counts);
    }
}
