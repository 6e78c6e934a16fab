package id.fleksi.dev.bench;

import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A benchmark's pemda without Keycloak: registered in {@code platform.tenant} and active, then its organisation written in
 * SQL ({@code bench-monitoring} and {@code bench-evaluation} share it).
 */
final class BenchPeople {

    private BenchPeople() {}

    /** The OPD (every fourth with three bidang, the first bidang of those with two seksi), an office, the employees. */
    static void write(JdbcClient jdbc, String s, int opd, int employees) {
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) select gen_random_uuid(), 'OPD' || lpad(n::text, "
                        + Math.max(2, Integer.toString(opd).length()) + ", '0'),"
                        + " 'Dinas ' || n, case when n = 1 then 'SEKRETARIAT' when n % 7 = 0 then 'BADAN' else 'DINAS' end"
                        + " from generate_series(1, ?) n")
                .param(opd)
                .update();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, parent_id, code, name, kind) select gen_random_uuid(), u.id, u.code || '-B' || b,"
                        + " 'Bidang ' || b || ' ' || u.name, 'BIDANG' from " + s
                        + ".org_unit u cross join generate_series(1, 3) b"
                        + " where substr(u.code, 4)::int % 4 = 0")
                .update();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, parent_id, code, name, kind) select gen_random_uuid(), u.id, u.code || '-S' || x,"
                        + " 'Seksi ' || x || ' ' || u.name, 'SEKSI' from " + s
                        + ".org_unit u cross join generate_series(1, 2) x"
                        + " where u.code like '%-B1'")
                .update();
        jdbc.sql("insert into " + s
                        + ".employee (id, nip, name, employment_type, unit_id, status, username, realm_user_id, talent_box,"
                        + " own_device, good_connection, start_date, created_at, updated_at)"
                        + " select gen_random_uuid(), '19800101' || lpad(n::text, 10, '0'), 'Pegawai ' || n, 'PNS',"
                        + " u.ids[1 + n % cardinality(u.ids)], case when n % 250 = 0 then 'RETIRED' else 'ACTIVE' end,"
                        + " 'p' || n, 'r' || n, 1 + n % 9, n % 10 < 8, n % 10 < 7, date '2010-01-01' + (n % 6000), now(), now()"
                        + " from generate_series(1, ?) n, (select array_agg(id order by code) ids from " + s
                        + ".org_unit) u")
                .param(employees)
                .update();
        heads(jdbc, s);
        jdbc.sql("insert into " + s
                        + ".office (id, name, latitude, longitude, radius_metres) values (gen_random_uuid(),"
                        + " 'Kantor Bupati', ?, ?, 200)")
                .param(BenchTenants.OFFICE_LAT)
                .param(BenchTenants.OFFICE_LON)
                .update();
        jdbc.sql("insert into " + s + ".office_unit (office_id, unit_id) select o.id, u.id from " + s + ".office o, "
                        + s + ".org_unit u")
                .update();
    }

    /** Each unit's first employee by username heads it. */
    static void heads(JdbcClient jdbc, String s) {
        jdbc.sql("update " + s + ".org_unit u set head_employee_id = (select e.id from " + s
                        + ".employee e where e.unit_id = u.id" + " order by e.username limit 1)")
                .update();
    }

    /** Each employee's direct supervisor is the head of their unit (the heads themselves have none). */
    static void supervisedByHeads(JdbcClient jdbc, String s) {
        jdbc.sql("update " + s + ".employee e set supervisor_id = u.head_employee_id from " + s
                        + ".org_unit u where u.id = e.unit_id and e.id <> u.head_employee_id")
                .update();
    }

    /** Drops what a benchmark made of a tenant: its schema (if it has one), its module availability, its registry row. */
    static void remove(JdbcClient jdbc, TenantCode code) {
        jdbc.sql("drop schema if exists " + code.schemaName() + " cascade").update();
        jdbc.sql("delete from platform.module_availability where tenant_code = ?")
                .param(code.value())
                .update();
        jdbc.sql("delete from platform.tenant where code = ?")
                .param(code.value())
                .update();
    }

    static void register(TenantRegistry registry, TenantCode code, String name, TenantKind kind, TenantCode parent) {
        registry.insertProvisioning(new Tenant(
                code,
                name,
                kind,
                parent,
                kind == TenantKind.PROVINCE ? "76" : "76.06",
                RegionTimeZone.WITA,
                code.schemaName(),
                code.realmName(),
                TenantStatus.PROVISIONING,
                Hosting.SHARED,
                0,
                MigrationState.PENDING,
                null,
                null,
                null));
        registry.setStatus(code, TenantStatus.ACTIVE);
    }
}
