package id.fleksi.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.fleksi.modules.monitoring.ProvinceView;
import id.fleksi.platform.figures.KabupatenFigures;
import id.fleksi.platform.security.Caller;
import id.fleksi.platform.security.Role;
import id.fleksi.platform.tenancy.Hosting;
import id.fleksi.platform.tenancy.MigrationState;
import id.fleksi.platform.tenancy.RegionTimeZone;
import id.fleksi.platform.tenancy.Tenant;
import id.fleksi.platform.tenancy.TenantCode;
import id.fleksi.platform.tenancy.TenantKind;
import id.fleksi.platform.tenancy.TenantRegistry;
import id.fleksi.platform.tenancy.TenantStatus;
import id.fleksi.provisioning.testing.TestRealms;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The province sees its kabupaten in counts per OPD: one hosted here, counted now; one self-hosted, as its replica's
 * feed last said. No name, NIP, username or coordinate of anyone counted reaches the province, in the JSON or on the
 * page; the kabupaten's admin sees exactly what the province sees.
 */
class ProvinceMonitoringTest extends PageTest {

    static final String NIP = "198503122010012004";

    @Autowired
    ProvinceView province;

    @Autowired
    TenantRegistry registry;

    @Autowired
    JsonMapper json;

    @Test
    void theProvinceSeesEachKabupatensCountsAndNoPerson() throws Exception {
        String sulbar = onboard("prov", "Provinsi Uji", TenantKind.PROVINCE, null);
        String mateng = onboard("kab", "Kabupaten Uji Tengah", TenantKind.KABUPATEN, sulbar);
        String s = "tenant_" + mateng;
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into " + s
                        + ".org_unit (id, code, name, kind) values (?, 'DINKES', 'Dinas Kesehatan', 'DINAS')")
                .param(unit)
                .update();
        UUID siti = employee(mateng, "sitiasn", "Siti Aparatur", unit, null, Role.ASN);
        jdbc.sql("update " + s + ".employee set nip = ? where id = ?")
                .params(NIP, siti)
                .update();
        employee(mateng, "budiasn", "Budi Pegawai", unit, null, Role.ASN);
        employee(mateng, "pemantaukab", "Admin Kabupaten", unit, null, Role.TENANT_ADMIN);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        jdbc.sql("insert into " + s
                        + ".attendance_check_in (id, client_request_id, employee_id, work_date, kind, work_mode,"
                        + " recorded_at, captured_at, offline, latitude, longitude, accuracy_metres, minutes_late)"
                        + " values (?, ?, ?, ?, 'IN', 'WFA', now(), now(), false, -1.74321, 119.53987, 10, 7)")
                .params(UUID.randomUUID(), UUID.randomUUID().toString(), siti, today)
                .update();

        TenantCode away = TenantCode.of(TestRealms.unique("mandiri"));
        registry.insertProvisioning(new Tenant(
                away,
                "Kabupaten Mandiri",
                TenantKind.KABUPATEN,
                TenantCode.of(sulbar),
                "76.05",
                RegionTimeZone.WITA,
                away.schemaName(),
                away.realmName(),
                TenantStatus.PROVISIONING,
                Hosting.SELF_HOSTED,
                0,
                MigrationState.CURRENT,
                null,
                null,
                null));
        registry.setStatus(away, TenantStatus.HANDED_OVER);
        try {
            jdbc.sql("insert into platform.feed_day (tenant_code, day, feed_version, generated_at, received_at, signer)"
                            + " values (?, ?, 1, ?, now(), 'SHA256:test')")
                    .params(away.value(), today, java.sql.Timestamp.from(Instant.now()))
                    .update();
            jdbc.sql(
                            "insert into platform.feed_day_opd (tenant_code, day, opd_code, opd_name, employees, checked_in, wfo, wfa,"
                                    + " dinas_luar, late, absent_izin, absent_sakit, absent_cuti, absent_dinas_luar, flagged_check_ins, reports_filed)"
                                    + " values (?, ?, 'DISDIK', 'Dinas Pendidikan', 40, 31, 25, 4, 2, 3, 1, 2, 0, 0, 1, 28)")
                    .params(away.value(), today)
                    .update();

            Tenant provinceTenant = registry.require(TenantCode.of(sulbar));
            ProvinceView.View view =
                    province.of(provinceTenant, new Caller("r", "s", "bupati", Set.of("tenant-admin")));
            assertThat(view.kabupaten())
                    .extracting(ProvinceView.Kabupaten::name)
                    .containsExactly("Kabupaten Mandiri", "Kabupaten Uji Tengah");
            ProvinceView.Kabupaten hosted = view.kabupaten().get(1);
            assertThat(hosted.source()).isEqualTo(KabupatenFigures.Source.HOSTED);
            assertThat(hosted.opds()).singleElement().satisfies(o -> {
                assertThat(o.name()).isEqualTo("Dinas Kesehatan");
                assertThat(o.employees()).isEqualTo(3);
                // Today may be a weekend or a holiday in the test's run: then nobody is expected.
                assertThat(o.expected()).isIn(0, 3);
                assertThat(o.checkedIn()).isEqualTo(1);
                assertThat(o.wfa()).isEqualTo(1);
                assertThat(o.late()).isEqualTo(1);
            });
            ProvinceView.Kabupaten selfHosted = view.kabupaten().get(0);
            assertThat(selfHosted.source()).isEqualTo(KabupatenFigures.Source.FEED);
            assertThat(selfHosted.total().checkedIn()).isEqualTo(31);
            assertThat(selfHosted.total().employees()).isEqualTo(40);
            assertThat(selfHosted.total().expected())
                    .as("a replica's release before 'expected'")
                    .isNull();

            String sent = json.writeValueAsString(view);
            assertThat(sent)
                    .contains("\"checkedIn\":1", "Dinas Kesehatan", "Dinas Pendidikan")
                    .doesNotContain(
                            "Siti", "Budi", NIP, "sitiasn", "pemantaukab", "-1.743", "119.539", "latitude", "nip");

            employee(sulbar, "pemantauprov", "Admin Provinsi", provinceUnit(sulbar), null, Role.TENANT_ADMIN);
            WebDriver browser = Browser.chromium();
            try {
                logIn(browser, BASE + "/t/" + sulbar + "/monitoring/province", "pemantauprov", TestRealms.PASSWORD);
                Browser.waitFor(browser, By.cssSelector("section.kabupaten[data-code='" + mateng + "']"));
                String page = browser.findElement(By.tagName("main")).getText();
                assertThat(page)
                        .contains(
                                "Kabupaten Uji Tengah",
                                "Dinas Kesehatan",
                                "Kabupaten Mandiri",
                                "Dinas Pendidikan",
                                "Dikirim server kabupaten sendiri")
                        .doesNotContain("Siti", "Budi", NIP, "sitiasn");
                assertThat(browser.getPageSource()).doesNotContain("Siti", NIP, "-1.743");
            } finally {
                browser.quit();
            }

            WebDriver kabupatenAdmin = Browser.chromium();
            try {
                logIn(
                        kabupatenAdmin,
                        BASE + "/t/" + mateng + "/monitoring/seen-by-province",
                        "pemantaukab",
                        TestRealms.PASSWORD);
                Browser.waitFor(kabupatenAdmin, By.cssSelector("section.kabupaten"));
                String page = kabupatenAdmin.findElement(By.tagName("main")).getText();
                assertThat(page)
                        .contains("Yang dilihat provinsi", "Dinas Kesehatan")
                        .doesNotContain("Siti", NIP);
                assertThat(kabupatenAdmin
                                .findElement(By.cssSelector("section.kabupaten tfoot"))
                                .getText())
                        .isEqualTo(browserTotals(hosted.total()));
            } finally {
                kabupatenAdmin.quit();
            }
        } finally {
            registry.delete(away);
        }
    }

    private UUID provinceUnit(String code) {
        UUID unit = UUID.randomUUID();
        jdbc.sql("insert into tenant_" + code
                        + ".org_unit (id, code, name, kind) values (?, 'DISKOMINFO', 'Diskominfo', 'DINAS')")
                .param(unit)
                .update();
        return unit;
    }

    private static String browserTotals(KabupatenFigures.Opd t) {
        return String.join(
                " ",
                "Jumlah",
                String.valueOf(t.employees()),
                t.expected() == null ? "–" : String.valueOf(t.expected()),
                String.valueOf(t.checkedIn()),
                t.attendancePercent() == null ? "–" : String.valueOf(t.attendancePercent()),
                String.valueOf(t.wfo()),
                String.valueOf(t.wfa()),
                String.valueOf(t.dinasLuar()),
                String.valueOf(t.late()),
                String.valueOf(t.izin() + t.sakit() + t.cuti() + t.dinasLuarAway()),
                String.valueOf(t.flagged()),
                String.valueOf(t.reportsFiled()));
    }
}
