package id.fleksi.dev.demo;

import id.fleksi.modules.fwa.WorkMode;
import id.fleksi.modules.fwa.WorkModes;
import id.fleksi.platform.calendar.WorkingCalendar;
import id.fleksi.platform.calendar.WorkingDay;
import id.fleksi.platform.organisation.GeoPoint;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Four weeks behind the demo's ASN, so that her monthly recap, her supervisor's review list and his queue of absences
 * have something to show on the first visit: on time on most working days (at the office, or at home on a WFA day), 12
 * minutes late once, absent once, a sick day that Andi approved, one check-in flagged for coordinates identical to the
 * day before; and a day of permission (izin) next week that waits for Andi. Today is left for the visitor to check in.
 */
@Component
class DemoAttendance {

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;
    private final WorkModes modes;
    private final TenantRegistry registry;
    private final Clock clock;

    DemoAttendance(JdbcClient jdbc, WorkingCalendar calendar, WorkModes modes, TenantRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.modes = modes;
        this.registry = registry;
        this.clock = clock;
    }

    void history(TenantCode tenant) {
        TenantContext.runAs(
                tenant,
                () -> write(
                        tenant.schemaName(),
                        registry.find(tenant).orElseThrow().timeZone().zone()));
    }

    private void write(String schema, ZoneId zone) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Map<String, Object> siti = jdbc.sql("select id, unit_id, home_latitude, home_longitude from " + schema
                        + ".employee where username = 'asn'")
                .query()
                .singleRow();
        UUID id = (UUID) siti.get("id");
        UUID unit = (UUID) siti.get("unit_id");
        Map<String, Object> office = jdbc.sql(
                        "select o.id, o.latitude, o.longitude from " + schema + ".office o join " + schema
                                + ".office_unit ou on ou.office_id = o.id where ou.unit_id = ? order by o.name limit 1")
                .param(unit)
                .query()
                .singleRow();
        GeoPoint desk = new GeoPoint(
                ((Number) office.get("latitude")).doubleValue(), ((Number) office.get("longitude")).doubleValue());
        GeoPoint home = new GeoPoint(
                ((Number) siti.get("home_latitude")).doubleValue(),
                ((Number) siti.get("home_longitude")).doubleValue());

        List<LocalDate> working = new ArrayList<>();
        for (LocalDate date = today.minusDays(28); date.isBefore(today); date = date.plusDays(1)) {
            if (calendar.of(unit, date).isWorking()) {
                working.add(date);
            }
        }
        int n = working.size();
        // Recent enough for the page's last seven days and the review list's default week.
        LocalDate flagged = working.get(n - 2);
        LocalDate late = working.get(n - 3);
        LocalDate absent = working.get(n - 4);
        LocalDate sick = working.get(n - 9);
        for (LocalDate date : working) {
            if (date.equals(absent) || date.equals(sick)) {
                continue;
            }
            WorkingDay day = calendar.of(unit, date);
            boolean wfa = modes.answer(id, date).mode() == WorkMode.WFA;
            // A few metres' wander a day, as real fixes have; the flagged day repeats the day before's exactly.
            int wander = (date.equals(flagged) ? date.minusDays(1) : date).getDayOfMonth() % 7;
            GeoPoint at =
                    new GeoPoint((wfa ? home : desk).latitude() + wander * 0.0001, (wfa ? home : desk).longitude());
            Integer distance = wfa ? null : (int) Math.round(desk.metresTo(at));
            LocalTime in = date.equals(late)
                    ? day.hours().start().plusMinutes(12)
                    : day.hours().start().minusMinutes(4 + wander);
            LocalTime out = day.hours().end().plusMinutes(3 + wander);
            insert(
                    schema,
                    id,
                    date,
                    "IN",
                    wfa,
                    at,
                    wfa ? null : (UUID) office.get("id"),
                    distance,
                    date.atTime(in).atZone(zone).toInstant(),
                    date.equals(late) ? 12 : 0,
                    date.equals(flagged) ? List.of("TOO_PERFECT") : List.of());
            insert(
                    schema,
                    id,
                    date,
                    "OUT",
                    wfa,
                    at,
                    wfa ? null : (UUID) office.get("id"),
                    distance,
                    date.atTime(out).atZone(zone).toInstant(),
                    0,
                    List.of());
        }
        absence(schema, id, "SAKIT", sick, "Demam, surat dokter menyusul", "APPROVED", today);
        LocalDate next = today.plusDays(7);
        while (!calendar.of(unit, next).isWorking()) {
            next = next.plusDays(1);
        }
        absence(schema, id, "IZIN", next, "Mengurus akta kelahiran anak di Disdukcapil", "PENDING", today);
    }

    private void insert(
            String schema,
            UUID employee,
            LocalDate date,
            String kind,
            boolean wfa,
            GeoPoint at,
            UUID office,
            Integer distance,
            java.time.Instant when,
            int minutesLate,
            List<String> flags) {
        jdbc.sql("insert into " + schema
                        + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                        + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, office_id, distance_metres,"
                        + " minutes_late, device_id, flags) values (?, ?, ?, ?, ?, ?, ?, ?, false, round(?::numeric, 5),"
                        + " round(?::numeric, 5), 12, ?, ?, ?, 'demo-hp-siti', ?::text[])")
                .params(
                        UUID.randomUUID(),
                        "demo-" + kind + "-" + date,
                        employee,
                        date,
                        kind,
                        wfa ? "WFA" : "WFO",
                        Timestamp.from(when),
                        Timestamp.from(when),
                        at.latitude(),
                        at.longitude(),
                        office,
                        distance,
                        minutesLate,
                        flags.toArray(String[]::new))
                .update();
    }

    private void absence(
            String schema, UUID employee, String kind, LocalDate date, String reason, String status, LocalDate today) {
        boolean decided = status.equals("APPROVED");
        jdbc.sql("insert into " + schema
                        + ".attendance_absence (id, employee_id, kind, from_date, to_date, reason, status, decided_by,"
                        + " decided_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        employee,
                        kind,
                        date,
                        date,
                        reason,
                        status,
                        decided ? "atasan" : null,
                        decided
                                ? Timestamp.from(
                                        date.atStartOfDay(ZoneId.of("UTC")).toInstant())
                                : null,
                        Timestamp.from(today.minusDays(decided ? 30 : 1)
                                .atStartOfDay(ZoneId.of("UTC"))
                                .toInstant()))
                .update();
    }
}
