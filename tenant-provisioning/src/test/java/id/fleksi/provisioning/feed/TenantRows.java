package id.fleksi.provisioning.feed;

import id.fleksi.platform.tenancy.TenantCode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test tenant's organisation and days, written with SQL as the modules store them: units, employees (with NIPs, names
 * and usernames that must never reach the feed), check-ins with the coordinates of Tobadak, absences and reports.
 */
final class TenantRows {

    /** An employee as the test knows them: what the feed must not carry. */
    record Person(UUID id, String nip, String name, String username) {}

    static final String LATITUDE = "-1.73912";
    static final String LONGITUDE = "119.54987";

    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);

    private final JdbcClient jdbc;
    private final String schema;
    final List<Person> people = new ArrayList<>();

    TenantRows(JdbcClient jdbc, TenantCode tenant) {
        this.jdbc = jdbc;
        this.schema = tenant.schemaName();
    }

    UUID unit(String code, String name, UUID parent) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + schema + ".org_unit (id, parent_id, code, name, kind) values (?, ?, ?, ?, ?)")
                .params(id, parent, code, name, parent == null ? "DINAS" : "UPT")
                .update();
        return id;
    }

    Person employee(UUID unit, String status, LocalDate startDate) {
        int n = SEQUENCE.getAndIncrement();
        // A NIP's shape: birth date, appointment month, sex, serial number.
        Person person = new Person(
                UUID.randomUUID(),
                String.format("19850312201001%d%03d", 1 + n % 2, n % 1000),
                "Pegawai Rahasia Nomor " + n,
                "pegawai.rahasia" + n);
        jdbc.sql("insert into " + schema
                        + ".employee (id, nip, name, employment_type, unit_id, status, start_date, username,"
                        + " realm_user_id, home_latitude, home_longitude, created_at, updated_at)"
                        + " values (?, ?, ?, 'PNS', ?, ?, ?, ?, ?, -1.739120, 119.549870, now(), now())")
                .params(
                        person.id(),
                        person.nip(),
                        person.name(),
                        unit,
                        status,
                        startDate,
                        person.username(),
                        UUID.randomUUID().toString())
                .update();
        people.add(person);
        return person;
    }

    void checkIn(
            Person person, LocalDate day, String kind, String mode, int minutesLate, String flags, boolean superseded) {
        OffsetDateTime at = day.atTime(kind.equals("IN") ? 7 : 16, 30).atOffset(ZoneOffset.ofHours(8));
        jdbc.sql("insert into " + schema
                        + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                        + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late, flags,"
                        + " superseded, device_id) values (?, ?, ?, ?, ?, ?, ?, ?, false, " + LATITUDE + ", "
                        + LONGITUDE
                        + ", 12, ?, string_to_array(?, ','), ?, 'device-of-" + person.username() + "')")
                .params(
                        UUID.randomUUID(),
                        UUID.randomUUID().toString(),
                        person.id(),
                        day,
                        kind,
                        mode,
                        at,
                        at,
                        minutesLate,
                        flags,
                        superseded)
                .update();
    }

    void absence(Person person, String kind, LocalDate from, LocalDate to, String status) {
        jdbc.sql(
                        "insert into " + schema
                                + ".attendance_absence (id, employee_id, kind, from_date, to_date, reason, destination,"
                                + " status, created_at) values (?, ?, ?, ?, ?, 'alasan pribadi', 'Kantor Gubernur Mamuju', ?, now())")
                .params(UUID.randomUUID(), person.id(), kind, from, to, status)
                .update();
    }

    /** The day's report, with that many activities (none: a report row the check-out left, non-compliant). */
    void report(Person person, LocalDate day, int activities) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into " + schema
                        + ".report_day (id, employee_id, work_date, status, non_compliant) values (?, ?, ?,"
                        + " 'PENDING', ?)")
                .params(id, person.id(), day, activities == 0)
                .update();
        for (int i = 0; i < activities; i++) {
            jdbc.sql("insert into " + schema
                            + ".report_activity (id, day_id, description, quantity, unit, minutes, created_at)"
                            + " values (?, ?, 'rapat koordinasi', 1, 'kegiatan', 60, now())")
                    .params(UUID.randomUUID(), id)
                    .update();
        }
    }
}
