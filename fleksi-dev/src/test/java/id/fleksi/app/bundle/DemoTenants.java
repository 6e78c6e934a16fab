package id.fleksi.app.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.dev.demo.DemoSeed;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.provisioning.onboarding.NewTenant;
import id.fleksi.provisioning.realm.RealmProvisioner;
import id.fleksi.provisioning.realm.RealmUser;
import id.fleksi.provisioning.realm.RealmUsers;
import id.fleksi.provisioning.testing.TestRealms;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tenants the bundle tests move, made on the exporting instance: a province with data of its own (as sulbar) and,
 * under it, the demo's mateng under a code of its own. Siti's sick day carries a document, the realm has the test client
 * for the password grant and {@code asn} a known password, one account is disabled and one still waits for its first
 * login with a one-time password.
 */
record DemoTenants(String province, String kabupaten) {

    static DemoTenants seed(DemoSeed demo, RealmUsers realmUsers, JdbcClient jdbc) {
        DemoTenants tenants = new DemoTenants(TestRealms.unique("prov"), TestRealms.unique("kab"));
        String kabupaten = tenants.kabupaten();
        demo.tenant(
                new NewTenant(tenants.province(), "Provinsi Uji", TenantKind.PROVINCE, null, "76", RegionTimeZone.WITA),
                "sulbar",
                40);
        demo.tenant(
                new NewTenant(
                        kabupaten,
                        "Kabupaten Uji",
                        TenantKind.KABUPATEN,
                        tenants.province(),
                        "76.06",
                        RegionTimeZone.WITA),
                "mateng",
                90);
        String schema = TenantCode.of(kabupaten).schemaName();
        UUID sickDay = jdbc.sql("select id from " + schema + ".attendance_absence where kind = 'SAKIT'")
                .query(UUID.class)
                .single();
        jdbc.sql("insert into " + schema
                        + ".attendance_absence_document (absence_id, file_name, content_type, size_bytes, content)"
                        + " values (?, 'surat-sakit.pdf', 'application/pdf', 4096, ?)")
                .params(sickDay, document())
                .update();
        // Siti's report of last Friday, two activities: the day carries their count (reports-007), which a bundle
        // keeps.
        UUID reportDay = UUID.randomUUID();
        jdbc.sql("insert into " + schema + ".report_day (id, employee_id, work_date, status) select ?, id,"
                        + " current_date - 3, 'PENDING' from " + schema + ".employee where username = 'asn'")
                .param(reportDay)
                .update();
        jdbc.sql(
                        "insert into " + schema
                                + ".report_activity (id, day_id, description, quantity, unit, minutes, created_at)"
                                + " select gen_random_uuid(), ?, 'Rapat ' || n, 1, 'rapat', 60, now() from generate_series(1, 2) n")
                .param(reportDay)
                .update();
        TestRealms.addTestClient(kabupaten, "fleksi-api");
        realmUsers.setPassword(kabupaten, "asn", TestRealms.PASSWORD, false);
        realmUsers.createUser(kabupaten, new RealmUser("pensiun", "Pensiun", null, "sandi-lama-123", false, Set.of()));
        var disabled = TestRealms.admin()
                .realm(kabupaten)
                .users()
                .searchByUsername("pensiun", true)
                .get(0);
        disabled.setEnabled(false);
        TestRealms.admin().realm(kabupaten).users().get(disabled.getId()).update(disabled);
        realmUsers.createUser(kabupaten, "baru", "Pegawai Baru", "sandi-sekali-99", Set.of("asn"));
        return tenants;
    }

    void remove(RealmProvisioner realms, JdbcClient jdbc) {
        TestRealms.removeTenant(realms, jdbc, kabupaten);
        TestRealms.removeTenant(realms, jdbc, province);
    }

    /** Siti's letter from the doctor: 4 KB that start as a PDF does. */
    static byte[] document() {
        byte[] pdf = new byte[4096];
        new Random(42).nextBytes(pdf);
        System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 8);
        return pdf;
    }

    /** The schema's tables, the migration history's left out. */
    static List<String> tables(JdbcClient jdbc, String schema) {
        return jdbc.sql(
                        "select table_name from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE'"
                                + " and table_name not like 'databasechangelog%' order by 1")
                .param(schema)
                .query(String.class)
                .list();
    }

    /** Every table of the schema holds the same rows on both instances. */
    static void assertSameRows(JdbcClient exporting, JdbcClient importing, String schema) {
        List<String> tables = tables(exporting, schema);
        assertThat(tables(importing, schema)).isEqualTo(tables);
        for (String table : tables) {
            assertThat(fingerprint(importing, schema, table))
                    .as(table)
                    .isEqualTo(fingerprint(exporting, schema, table));
        }
    }

    /** A table's rows as one value: how many, and a hash of them all in a fixed order. */
    static String fingerprint(JdbcClient jdbc, String schema, String table) {
        return jdbc.sql(
                        "select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') from "
                                + schema + "." + table + " t")
                .query(String.class)
                .single();
    }
}
