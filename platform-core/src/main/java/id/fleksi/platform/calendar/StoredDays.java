package id.fleksi.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A work schedule's days as its {@code days} column stores them: JSON of a week's hours or a shift cycle. */
final class StoredDays {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StoredDays() {}

    /** A shift cycle as stored: {@code [{"start": "07:00", "end": "14:00", "breakMinutes": 30}, null, ...]}, from valid_from. */
    static ShiftPattern shifts(LocalDate anchor, String json) {
        List<Map<String, Object>> stored = JSON.readValue(json, new TypeReference<>() {});
        List<DayHours> cycle = new ArrayList<>();
        stored.forEach(day -> cycle.add(day == null ? null : hours(day)));
        return new ShiftPattern(anchor, cycle);
    }

    static String json(ShiftPattern pattern) {
        List<Map<String, Object>> stored = new ArrayList<>();
        pattern.cycle()
                .forEach(day -> stored.add(
                        day == null
                                ? null
                                : Map.of(
                                        "start",
                                        day.start().toString(),
                                        "end",
                                        day.end().toString(),
                                        "breakMinutes",
                                        day.breakMinutes())));
        return JSON.writeValueAsString(stored);
    }

    private static DayHours hours(Map<String, Object> day) {
        return DayHours.of(
                String.valueOf(day.get("start")),
                String.valueOf(day.get("end")),
                ((Number) Objects.requireNonNull(day.get("breakMinutes"), "a stored day has its break")).intValue());
    }

    /** A schedule's days as stored: {@code {"MONDAY": {"start": "07:30", "end": "16:00", "breakMinutes": 60}, ...}}. */
    static WeekSchedule week(String json) {
        Map<String, Map<String, Object>> stored = JSON.readValue(json, new TypeReference<>() {});
        Map<DayOfWeek, DayHours> days = new EnumMap<>(DayOfWeek.class);
        stored.forEach((day, hours) -> days.put(DayOfWeek.valueOf(day), hours(hours)));
        return new WeekSchedule(days);
    }

    static String json(WeekSchedule week) {
        Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
        week.days().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> stored.put(
                        e.getKey().name(),
                        Map.of(
                                "start",
                                e.getValue().start().toString(),
                                "end",
                                e.getValue().end().toString(),
                                "breakMinutes",
                                e.getValue().breakMinutes())));
        return JSON.writeValueAsString(stored);
    }
}
