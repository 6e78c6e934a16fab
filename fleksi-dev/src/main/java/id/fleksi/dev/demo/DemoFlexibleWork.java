package id.fleksi.dev.demo;

import id.fleksi.modules.fwa.FwaModule;
import id.fleksi.modules.fwa.FwaPolicies;
import id.fleksi.modules.fwa.PolicyVersion;
import id.fleksi.platform.modules.ModuleSwitches;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantContext;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's people and rules: the users {@code atasan} and {@code asn} as employees of Diskominfo (Andi leads
 * Siti), and Mamuju Tengah's real flexible-work policy: WFA on Thursday and Friday during the trial from 22
 * January to 22 April 2026, Dinas Kesehatan (with its Puskesmas) and Disdukcapil always in the office, and the
 * national circular's window of 29-31 December 2025.
 */
@Component
class DemoFlexibleWork {

    private final JdbcClient jdbc;
    private final FwaPolicies policies;
    private final ModuleSwitches switches;

    DemoFlexibleWork(JdbcClient jdbc, FwaPolicies policies, ModuleSwitches switches) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.switches = switches;
    }

    /** Makes the realm users {@code atasan} and {@code asn} employees: Andi, head of Diskominfo's staff, supervises Siti. */
    void demoEmployees(TenantCode tenant, String atasanRealmId, String asnRealmId) {
        String schema = tenant.schemaName();
        UUID unit = jdbc.sql("select id from " + schema + ".org_unit where code = 'DISKOMINFO'")
                .query(UUID.class)
                .single();
        UUID andi = UUID.randomUUID();
        jdbc.sql("insert into " + schema
                        + ".employee (id, nip, name, employment_type, position, grade, unit_id, status, username,"
                        + " realm_user_id, talent_box, own_device, good_connection, start_date, created_at, updated_at)"
                        + " values (?, '198203152008011003', 'Andi Atasan', 'PNS', 'Kepala Bidang Aplikasi Informatika', 'III/d', ?,"
                        + " 'ACTIVE', 'atasan', ?, 8, true, true, '2008-01-01', now(), now())")
                .params(andi, unit, atasanRealmId)
                .update();
        jdbc.sql("insert into " + schema
                        + ".employee (id, nip, name, employment_type, position, grade, unit_id, supervisor_id, status,"
                        + " username, realm_user_id, talent_box, own_device, good_connection, home_latitude, home_longitude, start_date,"
                        + " created_at, updated_at) values (?, '199005212015032002', 'Siti Aparatur', 'PNS', 'Pranata Komputer', 'III/b',"
                        + " ?, ?, 'ACTIVE', 'asn', ?, 7, true, true, -1.7452, 119.5390, '2015-03-01', now(), now())")
                .params(UUID.randomUUID(), unit, andi, asnRealmId)
                .update();
    }

    void matengPolicy(TenantCode tenant) {
        switches.change(tenant, FwaModule.ID, true, Map.of(), "demo");
        String schema = tenant.schemaName();
        UUID dinkes = jdbc.sql("select id from " + schema + ".org_unit where code = 'DINKES'")
                .query(UUID.class)
                .single();
        UUID disdukcapil = jdbc.sql("select id from " + schema + ".org_unit where code = 'DISDUKCAPIL'")
                .query(UUID.class)
                .single();
        TenantContext.runAs(
                tenant,
                () -> policies.seedHistory(
                        new PolicyVersion(
                                null,
                                LocalDate.parse("2025-12-01"),
                                true,
                                Set.of(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
                                LocalDate.parse("2026-01-22"),
                                LocalDate.parse("2026-04-22"),
                                null,
                                false,
                                false,
                                false,
                                false,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "Uji coba FWA Kabupaten Mamuju Tengah: WFA Kamis dan Jumat, 22 Januari - 22 April 2026",
                                List.of(new PolicyVersion.Window(
                                        LocalDate.parse("2025-12-29"),
                                        LocalDate.parse("2025-12-31"),
                                        "SE MenPANRB: WFA 29-31 Desember 2025")),
                                List.of(
                                        new PolicyVersion.UnitRule(dinkes, true, null, null),
                                        new PolicyVersion.UnitRule(disdukcapil, true, null, null)),
                                null,
                                null),
                        "demo"));
    }
}
