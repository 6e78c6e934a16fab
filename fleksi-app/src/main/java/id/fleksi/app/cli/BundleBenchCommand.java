package id.fleksi.app.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;

import com.sun.management.GarbageCollectionNotificationInfo;

import id.fleksi.platform.migration.PlatformSchema;
import id.fleksi.platform.organisation.EmployeeImport;
import id.fleksi.platform.organisation.Offices;
import id.fleksi.platform.organisation.OrgUnitRepository;
import id.fleksi.platform.organisation.Spreadsheet;
import id.fleksi.platform.organisation.UnitImport;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.bundle.BundleSignatures;
import id.fleksi.provisioning.bundle.InstanceKeys;
import id.fleksi.provisioning.bundle.TenantExport;
import id.fleksi.provisioning.bundle.TenantImport;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.onboarding.TenantOnboarding;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.realm.loadtest.LoadTestRealms;

import org.springframework.context.ConfigurableApplicationContext;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fleksi bench-bundle export|import}: the two halves of {@code bench/bundle}, each on the instance that
 * {@code FLEKSI_DB_URL} and {@code FLEKSI_KEYCLOAK_PORT} name. {@code export} onboards a tenant with employees who have
 * passwords, writes a year of their history with set-based SQL, and times the bundle export as {@code fleksi tenant export}
 * writes it while watching the heap; {@code import} times {@code fleksi tenant import} of that bundle, verification
 * included. Each prints {@code key=value} figures and removes the realm it made.
 *
 * <p>The script runs its reference (pg_dump, pg_restore) just before and just after the timed part, on the same idle
 * services: each half prints {@code ready}, waits for the file {@code go} in its directory, does its part, prints
 * {@code done}, and waits for {@code finish} before it cleans up.
 */
@Command(name = "bench-bundle", hidden = true, description = "Time a tenant bundle's export or import (see bench/bundle).",
        subcommands = {BundleBenchCommand.Export.class, BundleBenchCommand.Import.class})
class BundleBenchCommand {

    @Command(name = "export", description = "Make a tenant with a year of history, then time its export.")
    static class Export implements Callable<Integer> {
        @Option(names = "--employees", defaultValue = "1000") int employees;
        @Option(names = "--days", defaultValue = "365", description = "days of history, ending yesterday") int days;
        @Option(names = "--dir", required = true, description = "writes bundle.zip and key.pem here; waits for go, finish")
        Path dir;

        @Override
        public Integer call() {
            return FleksiCli.withContext(true, context -> {
                context.getBean(PlatformSchema.class).migrate();
                TenantCode code = TenantCode.of("bbundle" + UUID.randomUUID().toString().replace("-", "").substring(0, 6));
                RealmProvisioner realms = context.getBean(RealmProvisioner.class);
                try {
                    long start = System.nanoTime();
                    tenant(context, code, employees);
                    System.out.printf("setup_tenant_ms=%d%n", millis(start));
                    start = System.nanoTime();
                    long rows = History.write(context.getBean(DataSource.class), code.schemaName(), days);
                    System.out.printf("setup_history_ms=%d rows=%d%nschema=%s%n", millis(start), rows, code.schemaName());
                    write(dir.resolve("key.pem"), BundleSignatures.toPem(context.getBean(InstanceKeys.class).publicKey()));
                    TenantExport export = context.getBean(TenantExport.class);
                    handshake("ready", "go");
                    TenantExport.Exported exported;
                    try (HeapWatch heap = HeapWatch.start()) {
                        long began = System.nanoTime();
                        exported = BundleCommands.writeAtomically(dir.resolve("bundle.zip"),
                                target -> export.export(code, target, null, steps(began)));
                        System.out.printf("fleksi_export_ms=%d%n%s%n", millis(began), heap.figures());
                    }
                    System.out.printf("bundle_bytes=%d bundle_rows=%d bundle_users=%d%n", exported.bytes(),
                            exported.manifest().totalRows(), exported.manifest().users());
                    handshake("done", "finish");
                    return 0;
                } finally {
                    realms.deleteRealm(code.realmName());
                }
            });
        }

        private void handshake(String said, String awaited) {
            BundleBenchCommand.handshake(dir, said, awaited);
        }
    }

    @Command(name = "import", description = "Time the import of a bundle, verification included.")
    static class Import implements Callable<Integer> {
        @Option(names = "--bundle", required = true) Path bundle;
        @Option(names = "--signed-by", required = true) Path key;
        @Option(names = "--dir", required = true, description = "waits for go and finish here") Path dir;

        @Override
        public Integer call() {
            return FleksiCli.withContext(true, context -> {
                context.getBean(PlatformSchema.class).migrate();
                RealmProvisioner realms = context.getBean(RealmProvisioner.class);
                // A Keycloak started a minute ago makes its first realm slowly (its code not yet compiled); one small
                // realm first, so the import is timed on a Keycloak that has served before, as PostgreSQL has.
                String warmUp = "bbwarm" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
                realms.createRealm(warmUp, "warm-up", false, List.of());
                realms.deleteRealm(warmUp);
                TenantImport.Imported imported = null;
                try {
                    handshake(dir, "ready", "go");
                    long began = System.nanoTime();
                    imported = context.getBean(TenantImport.class).importBundle(bundle, BundleCommands.readKey(key), null,
                            steps(began));
                    System.out.printf("fleksi_import_ms=%d%nimported_rows=%d imported_users=%d%n", millis(began),
                            imported.rows().values().stream().mapToLong(Long::longValue).sum(), imported.users());
                    handshake(dir, "done", "finish");
                    return 0;
                } finally {
                    if (imported != null) {
                        realms.deleteRealm(imported.tenant().realm());
                    }
                }
            });
        }
    }

    /** Says {@code said} on a line of its own, then waits until the script makes the file {@code awaited}. */
    private static void handshake(Path dir, String said, String awaited) {
        System.out.println(said);
        System.out.flush();
        while (!Files.exists(dir.resolve(awaited))) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Each progress line with the milliseconds since the start, so the output says where the time went. */
    private static Consumer<String> steps(long began) {
        return line -> System.out.printf("  +%6d ms  %s%n", millis(began), line);
    }

    /** 25 OPD, an office, and {@code count} employees with realm users and passwords (heads of unit supervise the rest). */
    private static void tenant(ConfigurableApplicationContext context, TenantCode code, int count) {
        context.getBean(TenantOnboarding.class).onboard(new NewTenant(code.value(), "Kabupaten Bench", TenantKind.KABUPATEN,
                null, "76.06", RegionTimeZone.WITA));
        RealmUsers users = context.getBean(RealmUsers.class);
        // Hashing cut to one iteration so 1,000 passwords are set in seconds; the hashes the bundle carries are as long.
        LoadTestRealms.prepare(context, code.realmName(), CheckInBenchCommand.CLIENT);
        StringBuilder units = new StringBuilder("code,name,kind\n");
        for (int u = 0; u < 25; u++) {
            units.append("OPD").append(u).append(",Dinas ").append(u).append(",DINAS\n");
        }
        StringBuilder rows = new StringBuilder("nip,name,employment_type,unit_code,supervisor,talent_box\n");
        List<String> nips = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String nip = String.format("19800101%04d%02d1%03d", 2005 + i / 12000, 1 + (i / 999) % 12, 1 + i % 999);
            nips.add(nip);
            rows.append(nip).append(",Pegawai ").append(i).append(",PNS,OPD").append(i % 25).append(',')
                    .append(i < 25 ? "" : nips.get(i % 25)).append(',').append(1 + i % 9).append('\n');
        }
        TenantContext.runAs(code, () -> {
            context.getBean(UnitImport.class).importUnits(sheet(units), "bench");
            List<UUID> unitIds = context.getBean(OrgUnitRepository.class).findAll().stream().map(u -> u.id()).toList();
            context.getBean(Offices.class).add(new Offices.NewOffice("Kantor Bupati", "Jl. Bench 1",
                    CheckInBenchCommand.OFFICE_LAT, CheckInBenchCommand.OFFICE_LON, 200, unitIds), "bench");
            var report = context.getBean(EmployeeImport.class).importEmployees(sheet(rows), "bench", line -> { });
            if (!report.imported()) {
                throw new IllegalStateException("bench employees refused: " + report.problems());
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = nips.stream().<Future<?>>map(nip -> pool.submit(() ->
                    users.setPassword(code.realmName(), nip, CheckInBenchCommand.PASSWORD, false))).toList();
            for (Future<?> future : done) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("setting the bench passwords failed", e);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * The heap while a bundle is written: the most it held (sampled every 5 ms, garbage included), and the most that
     * survived a collection (what the export keeps). Starts after a full collection, from what the JVM held before.
     */
    private static final class HeapWatch implements AutoCloseable {
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakAfterGc = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private final long before;
        private final Thread sampler;
        private final NotificationListener listener;
        private volatile boolean running = true;

        private HeapWatch() {
            System.gc();
            before = used();
            // A collection reports every pool it manages, Metaspace and the code cache too: only the heap's count here.
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
            listener = (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
                    peakAfterGc.accumulateAndGet(after, Math::max);
                    collections.incrementAndGet();
                }
            };
            ManagementFactory.getGarbageCollectorMXBeans().forEach(gc -> ((NotificationEmitter) gc)
                    .addNotificationListener(listener, null, null));
            sampler = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(used(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        static HeapWatch start() {
            return new HeapWatch();
        }

        private static long used() {
            return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }

        String figures() {
            return String.format("heap_before_mb=%d heap_peak_mb=%d heap_peak_after_gc_mb=%d gcs=%d heap_max_mb=%d",
                    before >> 20, Math.max(peak.get(), used()) >> 20, peakAfterGc.get() >> 20, collections.get(),
                    Runtime.getRuntime().maxMemory() >> 20);
        }

        @Override
        public void close() {
            running = false;
            sampler.interrupt();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                try {
                    ((NotificationEmitter) gc).removeNotificationListener(listener);
                } catch (javax.management.ListenerNotFoundException e) {
                    // not registered on this one
                }
            }
        }
    }

    /** A year of a tenant's life, written set-based: check-ins, absences, daily reports with activities, evidence. */
    static final class History {

        /**
         * {@code :s} is the schema, {@code :from} the first day. Every weekday an employee is not absent has a check-in
         * and a check-out and a daily report of one or two activities; one day in 31 is an absence (a sick note on a
         * quarter of the sick days), a tenth of the employees work from home on Fridays under a standing request, and
         * one activity in 700 carries a photo. Documents are 32 KB of incompressible bytes, like a JPEG or a PDF.
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
                  where not b.absent;
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
                  from bench_day b where not b.absent;
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
            String from = "(current_date - " + days + ")";
            try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
                for (String sql : SQL.split(";\n")) {
                    statement.execute(sql.replace(":s.", schema + ".").replace(":from", from)
                            .replace(":days", Integer.toString(days)).replace(":q", Integer.toString(days / 4 + 1)));
                }
                // Set every row's hint bits and visibility now, so neither Fleksi's export nor pg_dump pays for it.
                statement.execute("vacuum (freeze, analyze)");
                long rows = 0;
                try (var tables = connection.createStatement().executeQuery("select sum(n_live_tup) from pg_stat_user_tables"
                        + " where schemaname = '" + schema + "' and relname not like 'databasechangelog%'")) {
                    tables.next();
                    rows = tables.getLong(1);
                }
                return rows;
            } catch (SQLException e) {
                throw new IllegalStateException("writing the bench history failed: " + e.getMessage(), e);
            }
        }

        private History() {
        }
    }

    private static Spreadsheet sheet(CharSequence csv) {
        try {
            return Spreadsheet.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "bench.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
