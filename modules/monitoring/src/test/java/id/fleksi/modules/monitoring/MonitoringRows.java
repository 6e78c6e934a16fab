package id.fleksi.modules.monitoring;

import id.fleksi.platform.tenancy.TenantSql;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows the monitoring tests build a pemda from, written straight into the current tenant's tables. */
final class MonitoringRows {

    private MonitoringRows() {}

    static UUID unit(JdbcClient jdbc, String unitCode, String name, UUID parent) {
        UUID id = UUID.randomUUID();
        jdbc.sql(TenantSql.of("insert into {org_unit} (id, parent_id, code, name, kind) values (?, ?, ?, ?, 'DINAS')"))
                .params(id, parent, unitCode, name)
                .update();
        return id;
    }

    /** An active PNS whose username is the name in lower case, with a NIP made from the name. */
    static UUID person(JdbcClient jdbc, String name, UUID unit) {
        UUID id = UUID.randomUUID();
        String nip = String.valueOf(198_000_000_000_000_000L + Math.abs(name.hashCode()));
        jdbc.sql(TenantSql.of(
                        "insert into {employee} (id, nip, name, employment_type, unit_id, status, username, realm_user_id,"
                                + " created_at, updated_at) values (?, ?, ?, 'PNS', ?, 'ACTIVE', ?, ?, now(), now())"))
                .params(
                        id,
                        nip,
                        name,
                        unit,
                        name.toLowerCase(),
                        UUID.randomUUID().toString())
                .update();
        return id;
    }

    static void checkIn(JdbcClient jdbc, UUID employee, LocalDate date, String mode, int minutesLate, String... flags) {
        jdbc.sql(TenantSql.of(
                        "insert into {attendance_check_in} (id, client_request_id, employee_id, work_date, kind, work_mode,"
                                + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late, flags)"
                                + " values (?, ?, ?, ?, 'IN', ?, now(), now(), false, -1.7, 119.5, 10, ?, ?)"))
                .params(UUID.randomUUID(), UUID.randomUUID().toString(), employee, date, mode, minutesLate, flags)
                .update();
    }

    static void absence(JdbcClient jdbc, UUID employee, String kind, LocalDate from, LocalDate to, String status) {
        jdbc.sql(TenantSql.of(
                        "insert into {attendance_absence} (id, employee_id, kind, from_date, to_date, reason, status, created_at)"
                                + " values (?, ?, ?, ?, ?, 'Alasan', ?, now())"))
                .params(UUID.randomUUID(), employee, kind, from, to, status)
                .update();
    }
}
