package id.fleksi.dev.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** A year of a tenant's life, written set-based: check-ins, absences, daily reports with activities, evidence. */
final class BenchHistory {

    /**
     * {@code :s} is the schema, {@code :from} the first day. Every weekday an employee is not absent has a check-in
     * and a check-out and a daily report of one or two activities; one day in 31 is an absence (a sick note on a
     * quarter of the sick days), a tenth of the employees work from home on Fridays under a standing request, and
     * one activity in 700 carries a photo. Documents are 32 KB of incompressible bytes, like a JPEG or a PDF. Check-ins
     * and report days are written day after day, as a pemda writes them, so the tables lie in the order of their dates.
     */
    private static final String SQL = """
            create temporary table bench_employee as
              select id, unit_id, username, realm_user_id, row_number() over (order by username)::int n from :s.employee;
            create temporary table bench_day as
              select e.id employee_id, e.n, e.unit_id, d::date work_date, d::date - :from as day,
                (e.n + (d::date - :from)) % 31 = 0 absent, e.n % 10 = 0 and extract(isodow from d) = 5 wfa
              from bench_employee e cross join generate_series(:from, current_date - 1, interval '1 day') d
              where extract(isodow from d) < 6;
            insert into :s.attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode, recorded_at,
                captured_at, offline, latitude, longitude, accuracy_metres, office_id, distance_metres, minutes_late,
                minutes_early, mock_location, device_id, superseded, flags)
              select gen_random_uuid(), 'b-' || k.kind || '-' || b.n || '-' || b.day, b.employee_id, b.work_date, k.kind,
                case when b.wfa then 'WFA' else 'WFO' end, t.at + interval '2 seconds', t.at, (b.n + b.day) % 53 = 0,
                round((-1.7356 + ((b.n * 7 + b.day) % 200 - 100) / 100000.0)::numeric, 5),
                round((119.5461 + ((b.n * 13 + b.day) % 200 - 100) / 100000.0)::numeric, 5), 5 + (b.n + b.day) % 25,
                case when b.wfa then null else (select id from :s.office limit 1) end,
                case when b.wfa then null else (b.n * 3 + b.day) % 150 end,
                case when k.kind = 'IN' then greatest(0, t.m - 30) else 0 end,
                0, false, 'hp-' || b.n, false, case when (b.n + b.day) % 97 = 0 then '{POOR_ACCURACY}'::text[] else '{}' end
              from bench_day b cross join (values ('IN'), ('OUT')) k(kind)
              cross join lateral (select (b.n * 17 + b.day * 5) % 45 m) mm
              cross join lateral (select ((b.work_date + case when k.kind = 'IN' then time '07:05' else time '16:00' end
                + make_interval(mins => mm.m)) at time zone 'Asia/Makassar') at, mm.m) t
              where not b.absent
              order by b.work_date, k.kind, b.n;
            insert into :s.attendance_absence (id, employee_id, kind, from_date, to_date, reason, letter_number, destination,
                status, decided_by, decided_at, created_at)
              select gen_random_uuid(), b.employee_id, (array['SAKIT', 'IZIN', 'CUTI', 'DINAS_LUAR'])[1 + b.day % 4],
                b.work_date, b.work_date, 'Keperluan keluarga dan kesehatan, hari ke-' || b.day,
                case when b.day % 4 = 3 then '800/' || b.n || '/BKD/' || b.day end,
                case when b.day % 4 = 3 then 'Mamuju' end, 'APPROVED', 'atasan-' || b.unit_id,
                b.work_date + time '10:00', b.work_date - 1 + time '20:00'
              from bench_day b where b.absent;
            insert into :s.attendance_absence_document (absence_id, file_name, content_type, size_bytes, content)
              select a.id, 'surat-dokter.jpg', 'image/jpeg', 32768,
                (select string_agg(decode(md5(a.id::text || g), 'hex'), ''::bytea) from generate_series(1, 2048) g)
              from :s.attendance_absence a join bench_employee e on e.id = a.employee_id
              where a.kind = 'SAKIT' and e.n % 4 = 0;
            insert into :s.audit_event (at, actor, action, target, before_state, after_state)
              select decided_at, decided_by, 'absence.decided', 'attendance_absence/' || id, '{"status": "PENDING"}'::jsonb,
                jsonb_build_object('status', status, 'kind', kind, 'from', from_date) from :s.attendance_absence;
            insert into :s.report_performance_target (id, employee_id, period_start, period_end, title, target_quantity,
                unit, created_at)
              select gen_random_uuid(), e.id, :from + q * :q, :from + q * :q + :q - 1, 'Sasaran kinerja triwulan ' || (q + 1),
                60, 'kegiatan', :from + q * :q + time '08:00'
              from bench_employee e cross join generate_series(0, 3) q;
            insert into :s.report_day (id, employee_id, work_date, status, non_compliant, decided_by, decided_at)
              select gen_random_uuid(), b.employee_id, b.work_date,
                case when b.day > :days - 8 then 'PENDING' else 'APPROVED' end,
                false, case when b.day > :days - 8 then null else 'atasan-' || b.unit_id end,
                case when b.day > :days - 8 then null else b.work_date + 1 + time '09:00' end
              from bench_day b where not b.absent
              order by b.work_date, b.n;
            insert into :s.report_activity (id, day_id, description, quantity, unit, minutes, target_id, created_at,
                client_request_id)
              select gen_random_uuid(), r.id, (array['Menyusun laporan kegiatan bidang', 'Melayani permohonan masyarakat',
                'Rapat koordinasi dengan OPD terkait', 'Memverifikasi dokumen administrasi'])
                [1 + (x.i + r.work_date - :from) % 4]
                || ' nomor ' || x.i, 1 + x.i, 'kegiatan', 60 + ((r.work_date - :from) * 7 + x.i * 30) % 180, t.id,
                r.work_date + time '15:00' + make_interval(mins => x.i), 'b-a-' || r.id || '-' || x.i
              from :s.report_day r
              join :s.report_performance_target t on t.employee_id = r.employee_id and r.work_date between t.period_start
                and t.period_end
              cross join lateral (select i from generate_series(1, 1 + (abs(hashtext(r.id::text)) % 3 = 0)::int) i) x;
            -- Each day's reports together, as a year written day by day leaves them: the activities' counts were just
            -- written into every report day in one statement, which scattered a day's rows over the whole table.
            cluster :s.report_day using ix_report_day_work_date;
            insert into :s.report_evidence (activity_id, file_name, content_type, size_bytes, content)
              select a.id, 'foto-kegiatan.jpg', 'image/jpeg', 32768,
                (select string_agg(decode(md5(a.id::text || g), 'hex'), ''::bytea) from generate_series(1, 2048) g)
              from :s.report_activity a where a.seq % 700 = 0;
            insert into :s.fwa_request (id, employee_id, from_date, to_date, weekday, place_kind, status, reason, decided_by,
                decided_at, created_at)
              select gen_random_uuid(), e.id, :from, current_date - 1, 'FRIDAY', 'HOME', 'APPROVED', 'Jumat dari rumah',
                'bkd', :from - 3 + time '09:00', :from - 5 + time '09:00' from bench_employee e where e.n % 10 = 0;
            insert into :s.fwa_request_day (request_id, employee_id, unit_id, work_date)
              select r.id, b.employee_id, b.unit_id, b.work_date from bench_day b
              join :s.fwa_request r on r.employee_id = b.employee_id
              where b.wfa;
            insert into :s.app_user (subject, username, first_seen_at, last_seen_at, visits)
              select realm_user_id, username, :from + time '07:00', current_date - 1 + time '16:00', 2 * :days / 3
              from bench_employee;
            drop table bench_day;
            drop table bench_employee""";

    /** Writes the history into {@code schema}, then vacuums it; returns the rows of the schema's tables. */
    static long write(DataSource dataSource, String schema, int days) {
        return write(dataSource, schema, days, null);
    }

    /**
     * The same, the history ending the day before {@code today} (the tenant's date), not the database's: from 16:00 UTC
     * a WITA tenant's today is the server's tomorrow, and a history ending the server's yesterday leaves the tenant's
     * yesterday empty. Null: the database's current date.
     */
    static long write(DataSource dataSource, String schema, int days, @Nullable LocalDate today) {
        String current = today == null ? "current_date" : "date '" + today + "'";
        String from = "(" + current + " - " + days + ")";
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            for (String sql : SQL.split(";\n")) {
                statement.execute(sql.replace("current_date", current)
                        .replace(":s.", schema + ".")
                        .replace(":from", from)
                        .replace(":days", Integer.toString(days))
                        .replace(":q", Integer.toString(days / 4 + 1)));
            }
            // Set every row's hint bits and visibility now, so neither Fleksi's export nor pg_dump pays for it.
            statement.execute("vacuum (freeze, analyze)");
            long rows = 0;
            try (var tables = connection
                    .createStatement()
                    .executeQuery("select sum(n_live_tup) from pg_stat_user_tables" + " where schemaname = '" + schema
                            + "' and relname not like 'databasechangelog%'")) {
                tables.next();
                rows = tables.getLong(1);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("writing the bench history failed: " + e.getMessage(), e);
        }
    }

    /**
     * Today so far, as at noon: {@code :today} is the tenant's date, {@code :day} its index in the history (the absence
     * rule goes on as in {@link #SQL}). One employee in 31 is away on an approved absence, one in 20 of the rest has not
     * checked in yet; everyone else has checked in (a tenth WFA on Fridays, one in 97 flagged), no one has checked out.
     */
    private static final String TODAY = """
            create temporary table bench_employee as
              select id, unit_id, row_number() over (order by username)::int n from :s.employee;
            insert into :s.attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode, recorded_at,
                captured_at, offline, latitude, longitude, accuracy_metres, office_id, distance_metres, minutes_late,
                minutes_early, mock_location, device_id, superseded, flags)
              select gen_random_uuid(), 'b-IN-' || b.n || '-' || :day, b.id, :today, 'IN',
                case when b.wfa then 'WFA' else 'WFO' end, t.at + interval '2 seconds', t.at, false,
                round((-1.7356 + ((b.n * 7 + :day) % 200 - 100) / 100000.0)::numeric, 5),
                round((119.5461 + ((b.n * 13 + :day) % 200 - 100) / 100000.0)::numeric, 5), 5 + (b.n + :day) % 25,
                case when b.wfa then null else (select id from :s.office limit 1) end,
                case when b.wfa then null else (b.n * 3 + :day) % 150 end, greatest(0, t.m - 30), 0, false, 'hp-' || b.n,
                false, case when (b.n + :day) % 97 = 0 then '{POOR_ACCURACY}'::text[] else '{}' end
              from (select e.*, e.n % 10 = 0 and extract(isodow from :today) = 5 wfa from bench_employee e) b
              cross join lateral (select (b.n * 17 + :day * 5) % 45 m) mm
              cross join lateral (select ((:today + time '07:05' + make_interval(mins => mm.m)) at time zone 'Asia/Makassar') at,
                mm.m) t
              where (b.n + :day) % 31 <> 0 and b.n % 20 <> 7;
            insert into :s.attendance_absence (id, employee_id, kind, from_date, to_date, reason, status, decided_by,
                decided_at, created_at)
              select gen_random_uuid(), b.id, (array['SAKIT', 'IZIN', 'CUTI', 'DINAS_LUAR'])[1 + b.n % 4], :today, :today,
                'Keperluan keluarga dan kesehatan', 'APPROVED', 'atasan-' || b.unit_id, :today + time '07:30',
                :today - 1 + time '20:00'
              from bench_employee b where (b.n + :day) % 31 = 0;
            drop table bench_employee;
            analyze""";

    /** Writes today so far ({@link #TODAY}) into {@code schema}, whose history of {@code days} days ends yesterday. */
    static void today(DataSource dataSource, String schema, LocalDate today, int days) {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            for (String sql : TODAY.split(";\n")) {
                statement.execute(sql.replace(":s.", schema + ".")
                        .replace(":today", "date '" + today + "'")
                        .replace(":day", Integer.toString(days)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("writing the bench's today failed: " + e.getMessage(), e);
        }
    }

    private BenchHistory() {}
}
